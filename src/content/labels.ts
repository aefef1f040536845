// How a scenario's answer reads among a question's choices: one rule for the quiz that shows it
// and the lint that checks it. Pure.
import type { Pack } from "./pack.js";
import type { Scenario } from "./schema.js";

/**
 * How the answer reads among the choices. When every distractor is shown by its plain name ("which
 * service?"), the answer is too — its precise `answerLabel` would stand out by length alone and give
 * it away; the label is still what the feedback says. When distractors are written as statements,
 * the answer's statement is shown. Lint (ANSWER_LENGTH_GIVEAWAY) checks what this shows.
 */
export function answerChoiceLabel(pack: Pack, s: Scenario): string {
  const name = pack.options.get(s.answer)?.name ?? s.answer;
  if (!s.answerLabel) return name;
  return s.distractors.some((d) => d.label) ? s.answerLabel : name;
}
