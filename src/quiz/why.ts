// The second-order "why": after a wrong pick, the learner chooses why the option they picked fails,
// among that option's own reason and reasons written for other questions. Learning the reasons,
// not just the answer. Pure.
import { shuffle, type Rng } from "./rng.js";
import type { Question } from "./types.js";

export interface WhyQuestion {
  prompt: string;
  reasons: Array<{ text: string; correct: boolean }>;
}

export const WHY_REASONS = 4;

/** Ask why choice `choiceIndex` of `q` fails; undefined when that choice is right or has no reason. */
export function whyQuestion(q: Question, choiceIndex: number, pool: readonly Question[], rng: Rng): WhyQuestion | undefined {
  const target = q.choices[choiceIndex];
  if (!target || target.correct || !target.why) return undefined;
  const seen = new Set([target.why]);
  const others: string[] = [];
  for (const o of shuffle(pool, rng)) {
    if (o.id === q.id || o.kind === "trap") continue;
    for (const c of o.choices) {
      if (c.correct || !c.why || c.generic || seen.has(c.why)) continue;
      seen.add(c.why);
      others.push(c.why);
      break;
    }
    if (others.length === WHY_REASONS - 1) break;
  }
  return {
    prompt: `Why does "${target.label}" fail this requirement?`,
    reasons: shuffle([{ text: target.why, correct: true }, ...others.map((text) => ({ text, correct: false }))], rng),
  };
}
