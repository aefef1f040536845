// The drill's records and what it needs from a store, owned here (the store implements them, the
// drill never imports the store): one review as logged, one answer to record, and the step that moves
// a card on an answer, which the store applies inside its write transaction.
import type { CachedCard } from "./queue.js";
import { newCard, nextState, type Card, type Grade, type ReviewParams } from "./scheduler.js";

/** One review in the log, with the card's state before and after it. */
export interface ReviewRow {
  uid: string;
  cardId: string;
  answerHash: string;
  at: number;
  rating: Grade;
  elapsedMs: number;
  chosen?: string;
  cram: boolean;
  params: ReviewParams;
  before: Card;
  after: Card;
}

/** An answer to record. */
export interface AnswerInput {
  cardId: string;
  answerHash: string;
  rating: Grade;
  now: number;
  elapsedMs: number;
  chosen?: string;
  params: ReviewParams;
  cram?: boolean;
}

/**
 * How one answer moves a card: from its state before (undefined: a new card, or one whose answer
 * changed) at time `at`, the state before and after. The store calls it for each answer and to
 * replay the log, so scheduling rules live in the scheduler alone.
 */
export type CardStep = (before: Card | undefined, rating: Grade, at: number, params: ReviewParams) => { before: Card; after: Card };

/** The FSRS step (scheduler.ts). */
export const fsrsStep: CardStep = (before, rating, at, params) => {
  const from = before ?? newCard(at);
  return { before: from, after: nextState(from, rating, at, params) };
};

/** What drills, stats and exports need from the learner's store. */
export interface StudyStore {
  /** Where the store is (":memory:" for none on disk). */
  readonly file: string;
  cardCache(): Map<string, CachedCard>;
  newCardsSince(since: number): number;
  /** Record one answer, moving its card by `step`, atomically. */
  answer(input: AnswerInput, step: CardStep): { before: Card; after: Card };
  /** Remove the card's last review and put its cached state back, in one transaction (drill undo). */
  undoLastReview(cardId: string): boolean;
  reviews(): ReviewRow[];
  wrongPicks(min?: number): Array<{ cardId: string; chosen: string; count: number }>;
  reviewCount(): number;
  getSetting(key: string): string | undefined;
  setSetting(key: string, value: string | undefined): void;
  settings(): Record<string, string>;
  /** Recompute every card's cached state by replaying the log with `step`. */
  rebuild(step: CardStep): { cards: number; changed: number };
}
