// A drill session as one pure reducer over the srs engine, for the Ink screen and plain mode alike:
// ask → (flashcard: reveal) → [why, for a repeated misconception] → rate → next card … → done.
// Like Anki: a card rated Again comes back in this session once its learning step has passed
// (the session waits for it, or shows it early on request), and the last rating can be undone.
// Writing a rating to the store (or removing it, for undo) is the driver's job, done before it
// dispatches `committed` / `undo`; this only decides.
import type { Pack } from "../content/pack.js";
import {
  drillItem,
  drillWhy,
  EMPTY_TALLY,
  gradeChoice,
  gradeTyped,
  offerRating,
  tally,
  type DrillItem,
  type DrillTally,
  type Graded,
  type RatingOffer,
} from "./drill.js";
import type { QueueItem } from "./queue.js";
import type { Card, Grade } from "./scheduler.js";
import type { DrillSettings } from "./settings.js";
import type { Question } from "../quiz/types.js";
import type { WhyQuestion } from "../quiz/why.js";

export type DrillPhase = "ask" | "why" | "rate" | "wait" | "done";

/** A queued card; a card rated Again comes back with `returnAt` (its learning step's end). */
export interface SessionCard extends QueueItem {
  returnAt?: number;
}

export interface DrillFlow {
  queue: readonly SessionCard[];
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
  /** While waiting for an Again card: when it is due back. */
  waitUntil?: number;
  /** The flow just before the last rating was committed, for undo; its card is `undoCard`. */
  undo?: DrillFlow;
  /** How many cards rated Again are still to come back in this session. */
  relearning: number;
  /** The options toggled so far on a "Choose two/three" card (submitted together). */
  picked: readonly number[];
}

export type DrillAction =
  | { type: "pick"; index: number; now: number }
  /** Toggle one option of a "Choose two/three" card; `submit` grades the toggled set. */
  | { type: "toggle"; index: number }
  | { type: "submit"; now: number }
  /** A "Choose two/three" answer given at once (plain mode's "1,3"). */
  | { type: "picks"; indexes: readonly number[]; now: number }
  | { type: "typed"; text: string; now: number }
  | { type: "reveal"; now: number }
  | { type: "why"; index: number }
  | { type: "toRate" }
  /** Go on to the rating without picking a reason (plain mode's blank line). */
  | { type: "skipWhy" }
  /** The rating is in the store; `after` is the card's new state (for an Again card's return). */
  | { type: "committed"; rating: Grade; now: number; after?: Card }
  /** The last rating was removed from the store: back to that card, answered, to rate again. */
  | { type: "undo" }
  /** Time passes (a waiting Again card may be due back). */
  | { type: "tick"; now: number }
  /** Show the waiting Again card now, without waiting for its step. */
  | { type: "showNow"; now: number };

function show(pack: Pack, flow: DrillFlow, index: number, now: number): DrillFlow | undefined {
  const q = flow.queue[index]!;
  const item = drillItem(pack, q, flow.seed);
  return item
    ? {
        ...flow,
        index,
        item,
        phase: "ask",
        shownAt: now,
        graded: undefined,
        offer: undefined,
        why: undefined,
        whyPick: undefined,
        waitUntil: undefined,
        picked: [],
      }
    : undefined;
}

/** The next card from `index` on: skips cards that no longer exist; waits for an Again card not yet due. */
function load(pack: Pack, flow: DrillFlow, index: number, now: number): DrillFlow {
  for (let i = index; i < flow.queue.length; i++) {
    const q = flow.queue[i]!;
    if (q.returnAt !== undefined && q.returnAt > now) {
      // Cards queue in the order they come due: nothing later is ready either.
      return {
        ...flow,
        index: i,
        item: undefined,
        phase: "wait",
        waitUntil: q.returnAt,
        graded: undefined,
        offer: undefined,
        why: undefined,
        whyPick: undefined,
      };
    }
    const shown = show(pack, flow, i, now);
    if (shown) return shown;
  }
  return { ...flow, index: flow.queue.length, item: undefined, phase: "done", waitUntil: undefined };
}

export function startDrillFlow(
  pack: Pack,
  queue: readonly QueueItem[],
  opts: { now: number; seed: string; settings: DrillSettings; misconceptions: ReadonlySet<string>; cram: boolean },
): DrillFlow {
  return load(
    pack,
    {
      queue,
      index: 0,
      phase: "ask",
      shownAt: opts.now,
      tally: EMPTY_TALLY,
      seed: opts.seed,
      settings: opts.settings,
      misconceptions: opts.misconceptions,
      cram: opts.cram,
      relearning: 0,
      picked: [],
    },
    0,
    opts.now,
  );
}

/** Grade the picks (all or nothing for "Choose two/three"); a repeated misconception asks why the wrong pick fails. */
function gradedPicks(flow: DrillFlow, picks: readonly number[], now: number, pool: readonly Question[]): DrillFlow {
  const item = flow.item!;
  const q = item.question!;
  const g = gradeChoice(item, q.choose > 1 ? picks : picks[0]!);
  const next = { ...graded(flow, g, now), picked: [] };
  const wrong = picks.find((i) => !q.choices[i]!.correct);
  if (!g.correct && wrong !== undefined && flow.misconceptions.has(item.deck.id)) {
    const why = drillWhy(item, wrong, pool, flow.seed);
    if (why) return { ...next, phase: "why", why };
  }
  return next;
}

function graded(flow: DrillFlow, g: Graded, now: number): DrillFlow {
  const item = flow.item!;
  const offer = offerRating(item, g.correct, now - flow.shownAt, now, flow.settings, flow.misconceptions.has(item.deck.id));
  return { ...flow, graded: g, offer, phase: "rate" };
}

/** Insert an Again card so the queue stays in due order for returning cards (fresh cards keep theirs). */
function requeue(queue: readonly SessionCard[], from: number, card: SessionCard): SessionCard[] {
  const out = queue.slice();
  let at = out.length;
  for (let i = out.length - 1; i >= from; i--) {
    const r = out[i]!.returnAt;
    if (r === undefined || r <= card.returnAt!) break;
    at = i;
  }
  out.splice(at, 0, card);
  return out;
}

/** The card whose rating `undo` would take back, if any. */
export function undoable(flow: DrillFlow): DrillItem | undefined {
  return flow.undo && (flow.phase === "ask" || flow.phase === "wait" || flow.phase === "done") ? flow.undo.item : undefined;
}

/** `pool`: questions the why step draws other reasons from. */
export function drillReducer(pack: Pack, flow: DrillFlow, a: DrillAction, pool: readonly Question[] = []): DrillFlow {
  const item = flow.item;
  switch (a.type) {
    case "pick": {
      if (flow.phase !== "ask" || !item?.question || a.index < 0 || a.index >= item.question.choices.length) return flow;
      if (item.question.choose > 1) return drillReducer(pack, flow, { type: "toggle", index: a.index }, pool);
      return gradedPicks(flow, [a.index], a.now, pool);
    }
    case "toggle": {
      const q = item?.question;
      if (flow.phase !== "ask" || !q || q.choose <= 1 || a.index < 0 || a.index >= q.choices.length) return flow;
      if (flow.picked.includes(a.index)) return { ...flow, picked: flow.picked.filter((i) => i !== a.index) };
      return flow.picked.length >= q.choose ? flow : { ...flow, picked: [...flow.picked, a.index] };
    }
    case "submit":
      if (flow.phase !== "ask" || !item?.question || flow.picked.length === 0) return flow;
      return gradedPicks(flow, flow.picked, a.now, pool);
    case "picks": {
      const q = item?.question;
      if (flow.phase !== "ask" || !q) return flow;
      const ks = [...new Set(a.indexes)];
      if (ks.length === 0 || ks.length > q.choose || ks.some((k) => k < 0 || k >= q.choices.length)) return flow;
      return gradedPicks(flow, ks, a.now, pool);
    }
    case "typed":
      if (flow.phase !== "ask" || !item?.question || !a.text.trim()) return flow;
      return graded(flow, gradeTyped(pack, item, a.text), a.now);
    case "reveal":
      if (flow.phase !== "ask" || !item?.flashcard) return flow;
      return graded(flow, { correct: true }, a.now);
    case "why":
      if (flow.phase !== "why" || !flow.why || flow.whyPick !== undefined || a.index < 0 || a.index >= flow.why.reasons.length) return flow;
      return { ...flow, whyPick: a.index };
    case "toRate":
      return flow.phase === "why" && flow.whyPick !== undefined ? { ...flow, phase: "rate" } : flow;
    case "skipWhy":
      return flow.phase === "why" ? { ...flow, phase: "rate" } : flow;
    case "committed": {
      if (flow.phase !== "rate" || !item) return flow;
      const t = tally(flow.tally, item, flow.graded?.correct === true, a.rating);
      const wasReturn = flow.queue[flow.index]?.returnAt !== undefined;
      let queue = flow.queue;
      let relearning = flow.relearning - (wasReturn ? 1 : 0);
      if (a.rating === 1 && !flow.cram && a.after) {
        queue = requeue(queue, flow.index + 1, { deck: item.deck, state: a.after, isNew: false, returnAt: a.after.due.getTime() });
        relearning++;
      }
      return { ...load(pack, { ...flow, queue, tally: t, relearning }, flow.index + 1, a.now), undo: flow };
    }
    case "undo":
      return undoable(flow) && flow.undo ? flow.undo : flow;
    case "tick":
      return flow.phase === "wait" && flow.waitUntil !== undefined && a.now >= flow.waitUntil ? load(pack, flow, flow.index, a.now) : flow;
    case "showNow":
      return flow.phase === "wait" ? (show(pack, flow, flow.index, a.now) ?? load(pack, flow, flow.index + 1, a.now)) : flow;
  }
}
