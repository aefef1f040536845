// How a scenario's options read among a question's choices: one rule for the quiz that shows them,
// the feedback that reveals the answer, review and lint. Pure.
import type { Pack } from "./pack.js";
import type { Scenario } from "./schema.js";

export interface ScenarioOption {
  id: string;
  label: string;
  correct: boolean;
  /** A distractor's reason it fails; a further answer's reason it is also right. */
  why?: string;
  misconceptions?: readonly string[];
}

/** Catalog kinds name services and event types; the others offer authored text. */
export function isCatalogKind(s: Scenario): boolean {
  return s.answerKind === "service" || s.answerKind === "event-type";
}

/**
 * Does every option of the item carry its own label? Text kinds always do (the loader requires
 * it). A catalog item shows labels only when every option has one — the answer's through
 * `answerLabel` — so a precise answer never stands out among plain names by length alone
 * (lint MIXED_OPTIONS warns about the others).
 */
export function labelled(s: Scenario): boolean {
  if (!isCatalogKind(s)) return true;
  return s.answerLabel !== undefined && (s.moreAnswers ?? []).every((m) => m.label !== undefined) && s.distractors.every((d) => d.label !== undefined);
}

/** Every option of a scenario as it reads: the answers first (in authored order), then the distractors. */
export function scenarioOptions(pack: Pack, s: Scenario): ScenarioOption[] {
  const useLabels = labelled(s);
  const read = (id: string, label: string | undefined) => (useLabels && label !== undefined ? label : (pack.options.get(id)?.name ?? label ?? id));
  return [
    { id: s.answer, label: read(s.answer, s.answerLabel), correct: true },
    ...(s.moreAnswers ?? []).map((m) => ({ id: m.option, label: read(m.option, m.label), correct: true, why: m.why })),
    ...s.distractors.map((d) => ({
      id: d.option,
      label: read(d.option, d.label),
      correct: false,
      why: d.why,
      ...(d.misconceptions ? { misconceptions: d.misconceptions } : {}),
    })),
  ];
}

/** How the (first) answer reads among the choices, and so in the feedback. */
export function answerChoiceLabel(pack: Pack, s: Scenario): string {
  return scenarioOptions(pack, s)[0]!.label;
}
