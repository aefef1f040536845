// Search over everything a learner may look up — scenarios, facts, services, event types, simulator
// actions — fast enough to run on every keystroke of a 10,000-scenario pack. An inverted index with
// BM25 over weighted fields (keywords and titles count most), the last word matched as a prefix
// while it is being typed, misspelt words corrected against the index's vocabulary, and a bonus when
// the query appears as a phrase in an item's keywords or title. Built once per pack; pure.
import { answerChoiceLabel, editDistance, type Pack } from "../content/index.js";

export type HitKind = "scenario" | "fact" | "service" | "event-type" | "action";

export interface SearchHit {
  kind: HitKind;
  id: string;
  title: string;
  score: number;
  /** Index words that matched, for highlighting. */
  matched: string[];
}

interface Doc {
  kind: HitKind;
  id: string;
  title: string;
  /** Normalised phrases (keywords, ids, names) for the phrase bonus. */
  phrases: string[];
  /** Normalised names and aliases: a query that is exactly one of them is looking for this item. */
  names: string[];
  len: number[];
}

const WEIGHT = [3, 2, 1];
const K1 = 1.2;
const B = 0.6;
const STOP = new Set("a an and are as at be by for from how in into is it of on or that the this to was what when where which who why with does do".split(" "));

/** Lower-case words with a light stemmer (plural s, -ing, -ed) so "calls" finds "call". */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (!raw || STOP.has(raw)) continue;
    out.push(stem(raw));
  }
  return out;
}

function stem(w: string): string {
  if (w.length > 5 && w.endsWith("ing")) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith("ed")) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith("ies")) return w.slice(0, -3) + "y";
  if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) return w.slice(0, -1);
  return w;
}

const norm = (s: string) => tokenize(s).join(" ");

export interface SearchIndex {
  docs: Doc[];
  /** token → postings: doc index and term frequency per field. */
  postings: Map<string, Array<[doc: number, tf: [number, number, number]]>>;
  vocab: string[];
  avgLen: [number, number, number];
}

export function buildIndex(pack: Pack): SearchIndex {
  const docs: Doc[] = [];
  const postings = new Map<string, Array<[number, [number, number, number]]>>();
  const add = (kind: HitKind, id: string, title: string, fields: [string, string, string], phrases: string[], names: string[] = []) => {
    const d = docs.length;
    const tokens = fields.map(tokenize);
    docs.push({ kind, id, title, phrases: phrases.map(norm).filter(Boolean), names: names.map(norm).filter(Boolean), len: tokens.map((t) => t.length) });
    const tf = new Map<string, [number, number, number]>();
    tokens.forEach((list, f) => {
      for (const t of list) {
        let row = tf.get(t);
        if (!row) tf.set(t, (row = [0, 0, 0]));
        row[f]!++;
      }
    });
    for (const [t, row] of tf) {
      let p = postings.get(t);
      if (!p) postings.set(t, (p = []));
      p.push([d, row]);
    }
  };
  for (const e of pack.eventTypes)
    add(
      "event-type",
      e.id,
      e.name,
      [[...e.aliases, ...e.examples].join(" "), e.name, [e.what, e.defaultNote, ...e.notes].join(" ")],
      [e.name, ...e.aliases],
      [e.name, ...e.aliases],
    );
  for (const s of pack.services)
    add("service", s.id, s.name, [s.aliases.join(" "), s.name, [s.summary, ...s.does, ...s.doesNot].join(" ")], [s.name, ...s.aliases], [s.name, ...s.aliases]);
  for (const s of pack.scenarios) {
    const answer = answerChoiceLabel(pack, s);
    add(
      "scenario",
      s.id,
      s.requirement.trim(),
      [s.keywords.join(" "), `${s.id.replace(/-/g, " ")} ${s.requirement}`, `${s.explanation} ${answer}`],
      [...s.keywords, s.id.replace(/-/g, " ")],
    );
  }
  for (const f of pack.facts)
    add(
      "fact",
      f.id,
      f.front.trim(),
      ["", `${f.id.replace(/-/g, " ")} ${f.front}`, [f.back, ...f.claims.map((c) => c.text)].join(" ")],
      [f.id.replace(/-/g, " ")],
    );
  for (const a of pack.actions)
    add(
      "action",
      a.id,
      `${a.id} (${a.category === "Data" ? "data" : "management"} event)`,
      [`${a.eventName} ${a.id}`, `${a.eventSource} ${a.eventName}`, `${a.category} ${a.resourceType ?? ""} ${a.description ?? ""}`],
      [a.id, a.eventName],
      [a.id, a.eventName],
    );
  const sum = [0, 0, 0];
  for (const d of docs) d.len.forEach((l, i) => (sum[i]! += l));
  const n = Math.max(1, docs.length);
  return { docs, postings, vocab: [...postings.keys()].sort(), avgLen: [sum[0]! / n || 1, sum[1]! / n || 1, sum[2]! / n || 1] };
}

/** Index words a query word stands for: itself, completions of a word being typed, or close spellings. */
function expand(index: SearchIndex, word: string, isLast: boolean): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  if (index.postings.has(word)) out.push([word, 1]);
  // Completing the word being typed: from three letters, and at most 20 completions, so a short
  // prefix never scores half the index on a keystroke.
  if (isLast && word.length >= 3) {
    let lo = 0;
    let hi = index.vocab.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (index.vocab[mid]! < word) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo, n = 0; i < index.vocab.length && index.vocab[i]!.startsWith(word) && n < 20; i++, n++)
      if (index.vocab[i] !== word) out.push([index.vocab[i]!, 0.7]);
  }
  if (out.length === 0 && word.length >= 4) {
    const max = word.length >= 7 ? 2 : 1;
    for (const v of index.vocab) {
      if (Math.abs(v.length - word.length) > max || v[0] !== word[0]) continue;
      if (editDistance(word, v) <= max) out.push([v, 0.6]);
    }
  }
  return out;
}

export function search(index: SearchIndex, query: string, limit = 20): SearchHit[] {
  const words = tokenize(query);
  if (!words.length) return [];
  const n = index.docs.length;
  const scores = new Map<number, number>();
  const matched = new Map<number, Set<string>>();
  const covered = new Map<number, number>();
  words.forEach((w, wi) => {
    const seen = new Set<number>();
    for (const [term, factor] of expand(index, w, wi === words.length - 1 && !/\s$/.test(query))) {
      const list = index.postings.get(term)!;
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const [d, tf] of list) {
        const doc = index.docs[d]!;
        let s = 0;
        for (let f = 0; f < 3; f++) {
          const t = tf[f]!;
          if (!t) continue;
          s += WEIGHT[f]! * ((t * (K1 + 1)) / (t + K1 * (1 - B + (B * doc.len[f]!) / index.avgLen[f]!)));
        }
        scores.set(d, (scores.get(d) ?? 0) + idf * s * factor);
        let m = matched.get(d);
        if (!m) matched.set(d, (m = new Set()));
        m.add(term);
        if (!seen.has(d)) {
          seen.add(d);
          covered.set(d, (covered.get(d) ?? 0) + 1);
        }
      }
    }
  });
  const phrase = words.join(" ");
  const ranked: Array<[number, number]> = [];
  for (const [d, s] of scores) {
    const doc = index.docs[d]!;
    const coverage = covered.get(d)! / words.length;
    let score = s * (0.5 + coverage * coverage);
    if (doc.names.includes(phrase)) score *= 3;
    else if (words.length > 1 && doc.phrases.some((p) => p.includes(phrase))) score *= 1.6;
    ranked.push([d, score]);
  }
  ranked.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return ranked.slice(0, limit).map(([d, score]) => {
    const doc = index.docs[d]!;
    return { kind: doc.kind, id: doc.id, title: doc.title, score: Math.round(score * 1000) / 1000, matched: [...matched.get(d)!] };
  });
}
