// Grading a choice or a typed answer, and the feedback shown after it: right or wrong, the expected
// answer, why every distractor fails (the learner's own pick first), the explanation. Pure.
import Fuse from "fuse.js";
import type { Pack } from "../content/index.js";
import type { Feedback, Question, TypedMatch } from "./types.js";

export function grade(q: Question, choiceIndex: number): boolean {
  return q.choices[choiceIndex]?.correct === true;
}

export function feedback(q: Question, choiceIndex: number | undefined): Feedback {
  const chosen = choiceIndex === undefined ? undefined : q.choices[choiceIndex];
  const wrong = q.choices.filter((c) => !c.correct && c.why);
  const ordered = chosen && !chosen.correct ? [chosen, ...wrong.filter((c) => c !== chosen)] : wrong;
  return {
    correct: chosen?.correct === true,
    ...(chosen ? { chosen: chosen.label } : {}),
    expected: q.answerLabel,
    distractors: ordered.map((c) => ({ label: c.label, why: c.why!, chosen: c === chosen, ...(c.generic ? { generic: true } : {}) })),
    explanation: q.explanation,
    ...(q.source ? { source: q.source } : {}),
  };
}

interface Entry {
  id: string;
  name: string;
  text: string;
}

const normalise = (s: string) =>
  s
    .toLowerCase()
    .replace(/^(aws|amazon)\s+/, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/**
 * Fuse threshold for typed answers. Chosen on the accepted/refused table in
 * test/quiz/typed.test.ts: 0.3 accepts "cloudtrail insigts" and "netwrok activity" while a
 * different name ("guardduty", "data events") never comes closest to the expected answer.
 */
export const TYPED_THRESHOLD = 0.3;

const indexCache = new WeakMap<Pack, Fuse<Entry>>();

function typedIndex(pack: Pack): Fuse<Entry> {
  let fuse = indexCache.get(pack);
  if (!fuse) {
    const entries: Entry[] = [];
    for (const o of pack.options.values()) {
      for (const text of [o.name, o.id.replace(/-/g, " "), ...o.aliases]) entries.push({ id: o.id, name: o.name, text: normalise(text) });
    }
    fuse = new Fuse(entries, { keys: ["text"], includeScore: true, threshold: TYPED_THRESHOLD, ignoreLocation: true, minMatchCharLength: 2 });
    indexCache.set(pack, fuse);
  }
  return fuse;
}

/**
 * Match what a learner typed against every service and event type; accepted when the closest
 * option is one the question accepts. A different real answer is refused by name, so "guardduty"
 * for an Insights question says "that is GuardDuty", not "close enough".
 */
export function matchTyped(pack: Pack, q: Question, typed: string): TypedMatch {
  const text = normalise(typed);
  if (!text) return { accepted: false, message: "Type the name of a service or an event type." };
  if (q.kind === "trap") {
    const yes = ["true", "t", "yes", "y"].includes(text);
    const no = ["false", "f", "no", "n"].includes(text);
    if (!yes && !no) return { accepted: false, message: "Type true or false." };
    const id = yes ? "true" : "false";
    return { accepted: q.accept.includes(id), matchedId: id, matchedName: yes ? "True" : "False", message: q.accept.includes(id) ? "Correct." : `Not quite: the answer is ${q.answerLabel}.` };
  }
  const exact = [...pack.options.values()].find((o) => [o.name, o.id.replace(/-/g, " "), ...o.aliases].some((t) => normalise(t) === text));
  const hit = exact ? { id: exact.id, name: exact.name } : typedIndex(pack).search(text)[0]?.item;
  if (!hit) return { accepted: false, message: `"${typed.trim()}" is not a service or event type this pack knows.` };
  const accepted = q.accept.includes(hit.id);
  return {
    accepted,
    matchedId: hit.id,
    matchedName: hit.name,
    message: accepted ? `Correct: ${hit.name}.` : `That reads as ${hit.name}; the answer is ${q.answerLabel}.`,
  };
}

/** Feedback for a typed answer: a matched distractor counts as the learner's pick. */
export function feedbackForTyped(q: Question, match: TypedMatch): Feedback {
  const idx = match.matchedId === undefined ? -1 : q.choices.findIndex((c) => c.id === match.matchedId);
  const f = feedback(q, idx >= 0 ? idx : undefined);
  return { ...f, correct: match.accepted, ...(match.matchedName ? { chosen: match.matchedName } : {}) };
}
