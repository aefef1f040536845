// Grading picks or a typed answer, and the feedback shown after it: right or wrong (all or nothing
// for "Choose two/three"), the expected answer, why every distractor fails (the learner's own picks
// first), the explanation and the source. Pure.
import type { Pack } from "../content/pack.js";
import type { Feedback, Question, TypedMatch } from "./types.js";

const asList = (picks: number | readonly number[] | undefined): number[] =>
  picks === undefined ? [] : typeof picks === "number" ? [picks] : [...new Set(picks)];

/** Right when the picks are exactly the correct choices (no partial credit). */
export function grade(q: Question, picks: number | readonly number[]): boolean {
  const list = asList(picks);
  const correct = q.choices.filter((c) => c.correct).length;
  return list.length === correct && list.every((i) => q.choices[i]?.correct === true);
}

export function feedback(q: Question, picks: number | readonly number[] | undefined): Feedback {
  const list = asList(picks).filter((i) => i >= 0 && i < q.choices.length);
  const chosen = new Set(list.map((i) => q.choices[i]!));
  const wrong = q.choices.filter((c) => !c.correct && c.why);
  const ordered = [...wrong.filter((c) => chosen.has(c)), ...wrong.filter((c) => !chosen.has(c))];
  return {
    correct: list.length > 0 && grade(q, list),
    ...(list.length ? { chosen: list.map((i) => q.choices[i]!.label).join("; ") } : {}),
    expected: q.answerLabel,
    ...(q.situation ? { situation: q.situation } : {}),
    prompt: q.prompt,
    answers: q.choices.filter((c) => c.correct).map((c) => ({ label: c.label, ...(c.why ? { why: c.why } : {}), chosen: chosen.has(c) })),
    distractors: ordered.map((c) => ({ label: c.label, why: c.why!, chosen: chosen.has(c) })),
    explanation: q.explanation,
    ...(q.source ? { source: q.source } : {}),
  };
}

// ---------------------------------------------------------------- typed answers
interface Entry {
  id: string;
  name: string;
  /** Normalised, without spaces. */
  compact: string;
}

/** Lower-case words, "aws"/"amazon" dropped, then without spaces: "Amazon Guard Duty" → "guardduty". */
export const normaliseTyped = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/\b(aws|amazon)\b/g, " ")
    .replace(/\s+/g, "");

/**
 * Misspellings forgiven: at most this share of the longer name's letters may differ (edits,
 * transpositions counted as one), and only for answers of MIN_FUZZY letters or more. Chosen on the
 * table in test/quiz/typed.test.ts: "netwrok activity", "gaurdduty" and "data evnts" are read;
 * "no" (not Amazon SNS) and "management account" (not Management events) are not.
 */
export const TYPED_MAX_EDIT_SHARE = 0.2;
export const MIN_FUZZY = 4;
/** Kept for callers that name the old constant: the share of letters that may differ. */
export const TYPED_THRESHOLD = TYPED_MAX_EDIT_SHARE;

const indexCache = new WeakMap<Pack, Entry[]>();

function typedIndex(pack: Pack): Entry[] {
  let entries = indexCache.get(pack);
  if (!entries) {
    entries = [];
    const seen = new Set<string>();
    for (const o of pack.options.values()) {
      for (const text of [o.name, o.id, ...o.aliases]) {
        const compact = normaliseTyped(text);
        if (!compact || seen.has(`${o.id}\u0000${compact}`)) continue;
        seen.add(`${o.id}\u0000${compact}`);
        entries.push({ id: o.id, name: o.name, compact });
      }
    }
    indexCache.set(pack, entries);
  }
  return entries;
}

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits of a substring). */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The option ids the input reads as: every exact name, or else the single closest misspelling. */
function readTyped(pack: Pack, compact: string): Array<{ id: string; name: string }> | "ambiguous" | undefined {
  const entries = typedIndex(pack);
  const exact = new Map<string, string>();
  for (const e of entries) if (e.compact === compact) exact.set(e.id, e.name);
  if (exact.size) return [...exact].map(([id, name]) => ({ id, name }));
  if (compact.length < MIN_FUZZY) return undefined;
  let best = Infinity;
  const closest = new Map<string, string>();
  for (const e of entries) {
    const allowed = Math.floor(Math.max(compact.length, e.compact.length) * TYPED_MAX_EDIT_SHARE);
    if (allowed < 1) continue;
    const d = editDistance(compact, e.compact, Math.min(allowed, best));
    if (d > allowed || d > best) continue;
    if (d < best) {
      best = d;
      closest.clear();
    }
    closest.set(e.id, e.name);
  }
  if (closest.size === 0) return undefined;
  if (closest.size > 1) return "ambiguous";
  return [...closest].map(([id, name]) => ({ id, name }));
}

/**
 * Read what a learner typed as a service or event type; accepted when it reads as one the question
 * accepts. A different real answer is refused by name ("that reads as GuardDuty"); input that
 * reads as no name, or as two equally, is `unreadable`: ask again, do not grade.
 */
export function matchTyped(pack: Pack, q: Question, typed: string): TypedMatch {
  const compact = normaliseTyped(typed);
  const shown = typed.trim().slice(0, 60);
  if (q.kind === "trap") {
    const t = compact;
    const yes = ["true", "t", "yes", "y"].includes(t);
    const no = ["false", "f", "no", "n"].includes(t);
    if (!yes && !no) return { accepted: false, unreadable: true, message: "Type true or false." };
    const id = yes ? "true" : "false";
    return {
      accepted: q.accept.includes(id),
      matchedId: id,
      matchedName: yes ? "True" : "False",
      message: q.accept.includes(id) ? "Correct." : `Not quite: the answer is ${q.answerLabel}.`,
    };
  }
  if (!compact) return { accepted: false, unreadable: true, message: "Type the name of a service or an event type." };
  const hits = readTyped(pack, compact);
  if (hits === undefined)
    return { accepted: false, unreadable: true, message: `"${shown}" does not read as a service or event type this pack knows: type its name.` };
  if (hits === "ambiguous") return { accepted: false, unreadable: true, message: `"${shown}" is close to more than one name: type it in full.` };
  const right = hits.find((h) => q.accept.includes(h.id));
  const hit = right ?? hits[0]!;
  return {
    accepted: right !== undefined,
    matchedId: hit.id,
    matchedName: hit.name,
    message: right ? `Correct: ${hit.name}.` : `That reads as ${hit.name}; the answer is ${q.answerLabel}.`,
  };
}

/** Feedback for a typed answer: a matched option counts as the learner's pick, and reads as it does among the choices. */
export function feedbackForTyped(q: Question, match: TypedMatch): Feedback {
  const idx = match.matchedId === undefined ? -1 : q.choices.findIndex((c) => c.id === match.matchedId);
  const f = feedback(q, idx >= 0 ? idx : undefined);
  const chosen = idx >= 0 ? q.choices[idx]!.label : match.matchedName;
  return { ...f, correct: match.accepted, ...(chosen ? { chosen } : {}) };
}
