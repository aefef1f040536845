// Search over everything a learner may look up — scenarios, facts, services, event types, simulator
// actions — fast enough to run on every keystroke of a 10,000-scenario pack. An inverted index with
// BM25 over weighted fields (keywords and titles count most), the last word matched as a prefix
// while it is being typed, misspelt words corrected against the index's vocabulary, and a bonus when
// the query appears as a phrase in an item's keywords or title. Built once per pack; pure.
//
// A keystroke costs one pass over the postings of the query's words and little per item beyond
// that: each posting's BM25 weight is computed once, when the index is built (it depends only on
// the item and the word), postings are parallel typed arrays in item order, scores accumulate in
// arrays indexed by item, only the best `limit` items are kept (no sort of every match), and the
// matched words are looked up only for the items returned.
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
  /** Normalised phrases (keywords, ids, names) for the phrase bonus, joined by newlines. */
  phrases: string;
  /** Normalised names and aliases: a query that is exactly one of them is looking for this item. */
  names: string[];
}

/** The items a word occurs in (ascending item index) and its BM25 weight in each. */
interface Postings {
  docs: Int32Array;
  weight: Float64Array;
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
  /** token → the items it occurs in and its BM25 weight (idf × field-weighted tf) in each. */
  postings: Map<string, Postings>;
  vocab: string[];
}

export function buildIndex(pack: Pack): SearchIndex {
  const docs: Doc[] = [];
  const lens: Array<[number, number, number]> = [];
  const raw = new Map<string, { docs: number[]; tf: number[] }>();
  const add = (kind: HitKind, id: string, title: string, fields: [string, string, string], phrases: string[], names: string[] = []) => {
    const d = docs.length;
    const tokens = fields.map(tokenize);
    docs.push({ kind, id, title, phrases: phrases.map(norm).filter(Boolean).join("\n"), names: names.map(norm).filter(Boolean) });
    lens.push([tokens[0]!.length, tokens[1]!.length, tokens[2]!.length]);
    const tf = new Map<string, [number, number, number]>();
    tokens.forEach((list, f) => {
      for (const t of list) {
        let row = tf.get(t);
        if (!row) tf.set(t, (row = [0, 0, 0]));
        row[f]!++;
      }
    });
    for (const [t, row] of tf) {
      let p = raw.get(t);
      if (!p) raw.set(t, (p = { docs: [], tf: [] }));
      p.docs.push(d);
      p.tf.push(row[0], row[1], row[2]);
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
  for (const l of lens) l.forEach((x, i) => (sum[i]! += x));
  const n = Math.max(1, docs.length);
  const avgLen = [sum[0]! / n || 1, sum[1]! / n || 1, sum[2]! / n || 1];
  const postings = new Map<string, Postings>();
  for (const [t, p] of raw) {
    const count = p.docs.length;
    const idf = Math.log(1 + (n - count + 0.5) / (count + 0.5));
    const weight = new Float64Array(count);
    for (let j = 0; j < count; j++) {
      const len = lens[p.docs[j]!]!;
      let s = 0;
      for (let f = 0; f < 3; f++) {
        const tf = p.tf[j * 3 + f]!;
        if (!tf) continue;
        s += WEIGHT[f]! * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len[f]!) / avgLen[f]!)));
      }
      weight[j] = idf * s;
    }
    postings.set(t, { docs: Int32Array.from(p.docs), weight });
  }
  return { docs, postings, vocab: [...postings.keys()].sort() };
}

/** The first index of sorted `list` whose value is not below `x` (`list.length` when none is). */
function lowerBound<T extends string | number>(list: ArrayLike<T>, x: T): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index words a query word stands for: itself, completions of a word being typed, or close spellings. */
function expand(index: SearchIndex, word: string, isLast: boolean): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  if (index.postings.has(word)) out.push([word, 1]);
  // Completing the word being typed: from three letters, and at most 20 completions, so a short
  // prefix never scores half the index on a keystroke.
  if (isLast && word.length >= 3) {
    for (let i = lowerBound(index.vocab, word), n = 0; i < index.vocab.length && index.vocab[i]!.startsWith(word) && n < 20; i++, n++)
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

/** Per-item arrays a search accumulates into, kept with the index and left zeroed after each search. */
interface Scratch {
  score: Float64Array;
  covered: Int32Array;
  /** The query word (a running stamp) that last touched each item, to count coverage once a word. */
  stamp: Int32Array;
  next: number;
  touched: Int32Array;
}

const scratches = new WeakMap<SearchIndex, Scratch>();

function scratchFor(index: SearchIndex): Scratch {
  let s = scratches.get(index);
  if (!s) {
    const n = index.docs.length;
    s = { score: new Float64Array(n), covered: new Int32Array(n), stamp: new Int32Array(n), next: 0, touched: new Int32Array(n) };
    scratches.set(index, s);
  }
  return s;
}

/** Item `d` is in these postings (ascending). */
function holds(p: Postings, d: number): boolean {
  const at = lowerBound(p.docs, d);
  return at < p.docs.length && p.docs[at] === d;
}

/** Score `sa` of item `da` ranks above `sb` of `db`: higher score, then earlier item. */
const above = (sa: number, da: number, sb: number, db: number) => sa > sb || (sa === sb && da < db);

export function search(index: SearchIndex, query: string, limit = 20): SearchHit[] {
  const words = tokenize(query);
  if (!words.length || !(limit > 0)) return [];
  const sc = scratchFor(index);
  const { score, covered, stamp, touched } = sc;
  let count = 0;
  const terms: Array<[term: string, p: Postings]> = [];
  words.forEach((w, wi) => {
    if (sc.next >= 0x7fffffff) {
      stamp.fill(0);
      sc.next = 0;
    }
    const mark = ++sc.next;
    for (const [term, factor] of expand(index, w, wi === words.length - 1 && !/\s$/.test(query))) {
      const p = index.postings.get(term)!;
      terms.push([term, p]);
      const { docs, weight } = p;
      for (let j = 0; j < docs.length; j++) {
        const d = docs[j]!;
        if (stamp[d] !== mark) {
          stamp[d] = mark;
          if (covered[d] === 0) touched[count++] = d;
          covered[d]!++;
        }
        score[d]! += weight[j]! * factor;
      }
    }
  });
  const phrase = words.join(" ");
  // The best `limit` items, best first, by insertion into a short list; a full sort for a long one.
  const bestD: number[] = [];
  const bestS: number[] = [];
  const short = limit <= 64;
  for (let i = 0; i < count; i++) {
    const d = touched[i]!;
    const doc = index.docs[d]!;
    const coverage = covered[d]! / words.length;
    let s = score[d]! * (0.5 + coverage * coverage);
    score[d] = 0;
    covered[d] = 0;
    if (doc.names.includes(phrase)) s *= 3;
    else if (words.length > 1 && doc.phrases.includes(phrase)) s *= 1.6;
    if (!short) {
      bestD.push(d);
      bestS.push(s);
      continue;
    }
    const full = bestD.length === limit;
    if (full && !above(s, d, bestS[limit - 1]!, bestD[limit - 1]!)) continue;
    let at = full ? limit - 1 : bestD.length;
    while (at > 0 && above(s, d, bestS[at - 1]!, bestD[at - 1]!)) {
      bestS[at] = bestS[at - 1]!;
      bestD[at] = bestD[at - 1]!;
      at--;
    }
    bestS[at] = s;
    bestD[at] = d;
  }
  let order = bestD.map((_, i) => i);
  if (!short) order = order.sort((a, b) => bestS[b]! - bestS[a]! || bestD[a]! - bestD[b]!).slice(0, limit);
  return order.map((i) => {
    const d = bestD[i]!;
    const doc = index.docs[d]!;
    const matched = new Set<string>();
    for (const [term, p] of terms) if (!matched.has(term) && holds(p, d)) matched.add(term);
    return { kind: doc.kind, id: doc.id, title: doc.title, score: Math.round(bestS[i]! * 1000) / 1000, matched: [...matched] };
  });
}
