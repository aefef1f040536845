// Every item of a pack as a learner will meet it, for authors: the stem, every option with its
// reason, the why step of every distractor that has one (the right reason marked), the source.
// What `cloudtrail-tutor review` prints. Pure.
import type { Pack } from "../content/pack.js";
import { actionQuestion, scenarioQuestion, trapQuestions } from "./build.js";
import { configDeck } from "./config-items.js";
import { createRng } from "./rng.js";
import type { Question, QuestionKind } from "./types.js";
import { whyStep } from "./why.js";

export interface ReviewItem {
  id: string;
  kind: QuestionKind;
  stem: string;
  choose: number;
  options: Array<{ id: string; text: string; correct: boolean; reason: string }>;
  /** One entry per distractor with a why step; `foils` counts what it was drawn from. */
  why: Array<{ option: string; optionId: string; choices: Array<{ text: string; correct: boolean }> }>;
  /** Distractors with no why step, and how many foils they have (fewer than three). */
  noWhy: Array<{ option: string; foils: number }>;
  source?: string;
}

export function reviewQuestion(q: Question, seed: number | string): ReviewItem {
  const why: ReviewItem["why"] = [];
  const noWhy: ReviewItem["noWhy"] = [];
  q.choices.forEach((c, i) => {
    if (c.correct) return;
    const step = whyStep(q, i, seed);
    if (step) why.push({ option: c.label, optionId: c.id, choices: step.reasons.map((r) => ({ text: r.text, correct: r.correct })) });
    else if (q.kind !== "trap") noWhy.push({ option: c.label, foils: c.foils?.length ?? 0 });
  });
  return {
    id: q.id,
    kind: q.kind,
    stem: q.situation ? `${q.situation} ${q.prompt}` : q.prompt,
    choose: q.choose,
    options: q.choices.map((c) => ({ id: c.id, text: c.label, correct: c.correct, reason: c.why ?? (c.correct ? q.explanation : "") })),
    why,
    noWhy,
    ...(q.source ? { source: q.source } : {}),
  };
}

/** Every scenario (with all its distractors), generated action item and true/false item, in content order. */
export function reviewPack(pack: Pack, opts: { seed?: number | string; kinds?: readonly QuestionKind[]; ids?: readonly string[] } = {}): ReviewItem[] {
  const seed = opts.seed ?? 0;
  const rng = createRng(seed);
  const kinds = opts.kinds ?? ["scenario", "action", "trap"];
  const qs: Question[] = [];
  if (kinds.includes("scenario")) for (const s of pack.scenarios) qs.push(scenarioQuestion(pack, s, rng, { allOptions: true }));
  if (kinds.includes("action"))
    for (const a of pack.actions) {
      const q = actionQuestion(pack, a, rng);
      if (q) qs.push(q);
    }
  if (kinds.includes("trap")) for (const f of pack.facts) qs.push(...trapQuestions(f));
  // Generated items: the drill's fixed set (any config:<n> is the same question wherever it is asked).
  if (kinds.includes("config")) qs.push(...configDeck(pack));
  const only = opts.ids ? new Set(opts.ids) : undefined;
  return qs.filter((q) => !only || only.has(q.id)).map((q) => reviewQuestion(q, seed));
}
