// What the Drill screen shows and how keys move it on, as a pure reducer over the srs engine:
// ask → (flashcard: reveal) → [why, for a repeated misconception] → rate → next card … → done.
// Committing the rating to the store is the screen's job (it is I/O); this only decides.
import type { Pack } from "../content/index.js";
import { drillItem, type DrillItem, type DrillSettings, type DrillTally, drillWhy, EMPTY_TALLY, type Grade, gradeChoice, type Graded, gradeTyped, offerRating, type QueueItem, type RatingOffer, tally } from "../srs/index.js";
import type { Question, WhyQuestion } from "../quiz/index.js";

export type DrillPhase = "ask" | "reveal" | "why" | "rate" | "done";

export interface DrillFlow {
  queue: readonly QueueItem[];
  index: number;
  item?: DrillItem;
  phase: DrillPhase;
  shownAt: number;
  graded?: Graded;
  offer?: RatingOffer;
  why?: WhyQuestion;
  whyPick?: number;
  tally: DrillTally;
  seed: string;
  settings: DrillSettings;
  misconceptions: ReadonlySet<string>;
  cram: boolean;
}

export type DrillAction =
  | { type: "pick"; index: number; now: number }
  | { type: "typed"; text: string; now: number }
  | { type: "reveal"; now: number }
  | { type: "why"; index: number }
  | { type: "toRate" }
  | { type: "committed"; rating: Grade; now: number };

function load(pack: Pack, flow: DrillFlow, index: number, now: number): DrillFlow {
  for (let i = index; i < flow.queue.length; i++) {
    const item = drillItem(pack, flow.queue[i]!, flow.seed);
    if (item) return { ...flow, index: i, item, phase: "ask", shownAt: now, graded: undefined, offer: undefined, why: undefined, whyPick: undefined };
  }
  return { ...flow, index: flow.queue.length, item: undefined, phase: "done" };
}

export function startDrillFlow(pack: Pack, queue: readonly QueueItem[], opts: { now: number; seed: string; settings: DrillSettings; misconceptions: ReadonlySet<string>; cram: boolean }): DrillFlow {
  return load(pack, { queue, index: 0, phase: "ask", shownAt: opts.now, tally: EMPTY_TALLY, seed: opts.seed, settings: opts.settings, misconceptions: opts.misconceptions, cram: opts.cram }, 0, opts.now);
}

function graded(flow: DrillFlow, g: Graded, now: number): DrillFlow {
  const item = flow.item!;
  const offer = offerRating(item, g.correct, now - flow.shownAt, now, flow.settings, flow.misconceptions.has(item.deck.id));
  return { ...flow, graded: g, offer, phase: "rate" };
}

/** `pool`: questions the why step draws other reasons from. */
export function drillReducer(pack: Pack, flow: DrillFlow, a: DrillAction, pool: readonly Question[] = []): DrillFlow {
  const item = flow.item;
  switch (a.type) {
    case "pick": {
      if (flow.phase !== "ask" || !item?.question || a.index < 0 || a.index >= item.question.choices.length) return flow;
      const g = gradeChoice(item, a.index);
      const next = graded(flow, g, a.now);
      if (next.phase === "rate" && !g.correct && flow.misconceptions.has(item.deck.id)) {
        const why = drillWhy(item, a.index, pool, flow.seed);
        if (why) return { ...next, phase: "why", why };
      }
      return next;
    }
    case "typed":
      if (flow.phase !== "ask" || !item?.question || !a.text.trim()) return flow;
      return graded(flow, gradeTyped(pack, item, a.text), a.now);
    case "reveal":
      if (flow.phase !== "ask" || !item?.flashcard) return flow;
      return { ...graded(flow, { correct: true }, a.now), phase: "rate" };
    case "why":
      if (flow.phase !== "why" || !flow.why || flow.whyPick !== undefined || a.index < 0 || a.index >= flow.why.reasons.length) return flow;
      return { ...flow, whyPick: a.index };
    case "toRate":
      return flow.phase === "why" && flow.whyPick !== undefined ? { ...flow, phase: "rate" } : flow;
    case "committed": {
      if (flow.phase !== "rate" || !item) return flow;
      const t = tally(flow.tally, item, flow.graded?.correct === true, a.rating);
      return load(pack, { ...flow, tally: t }, flow.index + 1, a.now);
    }
  }
}
