// A drill session as plain state: each queued card becomes a question (scenario or action: choose or
// type; fact: one of its true/false claims in turn, or a flashcard to reveal), the learner answers,
// the rating is proposed (wrong → Again, slow → Hard, else Good) with each rating's next interval,
// and the shell commits the chosen rating to the store. Pure: time and randomness come in.
import type { Pack } from "../content/index.js";
import {
  actionQuestion,
  configNumber,
  configQuestion,
  createRng,
  feedback,
  type Feedback,
  feedbackForTyped,
  matchTyped,
  type Question,
  scenarioQuestion,
  trapQuestions,
  whyQuestion,
  type WhyQuestion,
} from "../quiz/index.js";
import type { DeckCard } from "./cards.js";
import type { QueueItem } from "./queue.js";
import {
  newCard,
  paramsFor,
  preview,
  proposeRating,
  RATING_NAMES,
  SLOW_MS,
  type Card,
  type Grade,
  type ReviewParams,
  type SchedulerSettings,
} from "./scheduler.js";

export interface DrillItem {
  deck: DeckCard;
  state?: Card;
  isNew: boolean;
  question?: Question;
  flashcard?: { front: string; back: string };
}

export function drillItem(pack: Pack, q: QueueItem, seed: number | string): DrillItem | undefined {
  const rng = createRng(`${seed}:${q.deck.id}`);
  const [kind, ...rest] = q.deck.id.split(":");
  const id = rest.join(":");
  const base = { deck: q.deck, ...(q.state ? { state: q.state } : {}), isNew: q.isNew };
  if (kind === "scenario") {
    const s = pack.scenarios.find((x) => x.id === id);
    return s ? { ...base, question: scenarioQuestion(pack, s, rng) } : undefined;
  }
  if (kind === "config") {
    const n = configNumber(q.deck.id);
    const question = n === undefined ? undefined : configQuestion(pack, n);
    return question ? { ...base, question } : undefined;
  }
  if (kind === "action") {
    const a = pack.actions.find((x) => x.id === id);
    const question = a ? actionQuestion(pack, a, rng) : undefined;
    return question ? { ...base, question } : undefined;
  }
  const f = pack.facts.find((x) => x.id === id);
  if (!f) return undefined;
  const traps = trapQuestions(f);
  if (traps.length) return { ...base, question: traps[(q.state?.reps ?? 0) % traps.length]! };
  return { ...base, flashcard: { front: f.front.trim(), back: f.back.trim() } };
}

export interface Graded {
  correct: boolean;
  feedback?: Feedback;
  typedMessage?: string;
  /** Option id picked, when it was a distractor (for misconceptions). */
  chosen?: string;
}

/** One pick, or every pick of a "Choose two/three" (right only with exactly the correct ones). */
export function gradeChoice(item: DrillItem, picks: number | readonly number[]): Graded {
  const q = item.question!;
  const fb = feedback(q, picks);
  const c = (typeof picks === "number" ? [picks] : picks).map((i) => q.choices[i]).find((x) => x && !x.correct);
  return { correct: fb.correct, feedback: fb, ...(c ? { chosen: c.id } : {}) };
}

export function gradeTyped(pack: Pack, item: DrillItem, typed: string): Graded {
  const q = item.question!;
  const m = matchTyped(pack, q, typed);
  const fb = feedbackForTyped(q, m);
  return { correct: m.accepted, feedback: fb, typedMessage: m.message, ...(!m.accepted && m.matchedId ? { chosen: m.matchedId } : {}) };
}

export interface RatingOffer {
  proposed: Grade;
  /** Why that rating is proposed, e.g. "Hard: answered right after 41 s". */
  reason: string;
  /** Next due time (ms) for each rating. */
  next: Record<Grade, number>;
  params: ReviewParams;
}

export function offerRating(
  item: DrillItem,
  correct: boolean,
  elapsedMs: number,
  now: number,
  settings: SchedulerSettings,
  misconception = false,
): RatingOffer {
  const params = paramsFor(settings, now, { misconception });
  const proposed = proposeRating(correct, elapsedMs);
  return {
    proposed,
    reason: ratingReason(proposed, correct, elapsedMs, item.flashcard !== undefined),
    next: preview(item.state ?? newCard(now), now, params),
    params,
  };
}

/** Seconds as a learner reads them: "41 s", "2 min 5 s". */
function seconds(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ""}`;
}

/** The proposed rating with its reason, so the learner can judge whether to take it. */
export function ratingReason(proposed: Grade, correct: boolean, elapsedMs: number, flashcard: boolean): string {
  const name = RATING_NAMES[proposed];
  if (flashcard) return `${name}: revealed after ${seconds(elapsedMs)} (rate how well you knew it)`;
  if (!correct) return `${name}: answered wrong`;
  return proposed === 2
    ? `${name}: answered right after ${seconds(elapsedMs)} (slower than ${SLOW_MS / 1000} s)`
    : `${name}: answered right in ${seconds(elapsedMs)}`;
}

/** The "why does your pick fail?" step, for a card the learner keeps getting wrong the same way. */
export function drillWhy(item: DrillItem, choiceIndex: number, pool: readonly Question[], seed: number | string): WhyQuestion | undefined {
  return item.question ? whyQuestion(item.question, choiceIndex, pool, createRng(`${seed}:why:${item.deck.id}`)) : undefined;
}

export interface DrillTally {
  answered: number;
  correct: number;
  again: number;
  newSeen: number;
}

export const EMPTY_TALLY: DrillTally = { answered: 0, correct: 0, again: 0, newSeen: 0 };

export function tally(t: DrillTally, item: DrillItem, correct: boolean, rating: Grade): DrillTally {
  return {
    answered: t.answered + 1,
    correct: t.correct + (correct ? 1 : 0),
    again: t.again + (rating === 1 ? 1 : 0),
    newSeen: t.newSeen + (item.isNew ? 1 : 0),
  };
}
