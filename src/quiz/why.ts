// The second-order "why": after a wrong pick, before any reason is shown, the learner chooses why
// the option they picked fails. Four reasons: the distractor's authored reason, and three foils
// that are false about that same option (its misconceptions, false claims the pack links to it).
// Never a reason from another question. Fewer than three foils: no step. Pure, seeded.
import { createRng, shuffle, type Rng } from "./rng.js";
import type { Question } from "./types.js";

export interface WhyQuestion {
  prompt: string;
  reasons: Array<{ text: string; correct: boolean }>;
}

export const WHY_REASONS = 4;

/** The seed of the why step of one pick: the same in the TUI, plain mode and review. */
export function whyRng(seed: number | string, q: Question, choiceIndex: number): Rng {
  return createRng(`${seed}:why:${q.id}:${q.choices[choiceIndex]?.id ?? choiceIndex}`);
}

/** Can choice `choiceIndex` of `q` have a why step? (a distractor with a reason and three foils) */
export function hasWhyStep(q: Question, choiceIndex: number): boolean {
  const c = q.choices[choiceIndex];
  return q.kind !== "trap" && c !== undefined && !c.correct && c.why !== undefined && (c.foils?.length ?? 0) >= WHY_REASONS - 1;
}

/**
 * Ask why choice `choiceIndex` of `q` fails; undefined when it is right, a true/false item, or has
 * fewer than three foils. (A third `pool` argument of older callers is ignored: reasons never come
 * from other questions.)
 */
export function whyQuestion(q: Question, choiceIndex: number, rng: Rng): WhyQuestion | undefined;
export function whyQuestion(q: Question, choiceIndex: number, pool: readonly Question[], rng: Rng): WhyQuestion | undefined;
export function whyQuestion(q: Question, choiceIndex: number, a: Rng | readonly Question[], b?: Rng): WhyQuestion | undefined {
  const rng = typeof a === "function" ? a : b!;
  if (!hasWhyStep(q, choiceIndex)) return undefined;
  const target = q.choices[choiceIndex]!;
  const foils = shuffle(target.foils!, rng).slice(0, WHY_REASONS - 1);
  return {
    prompt: `Why does "${target.label}" fail this requirement?`,
    reasons: shuffle([{ text: target.why!, correct: true }, ...foils.map((text) => ({ text, correct: false }))], rng),
  };
}

/** The why step of a pick for a seed. */
export function whyStep(q: Question, choiceIndex: number, seed: number | string): WhyQuestion | undefined {
  return whyQuestion(q, choiceIndex, whyRng(seed, q, choiceIndex));
}
