// Today's drill: the due cards first (most overdue first, misconceptions before the rest), then new
// cards up to the daily limit. Cram mode studies beyond what is due without touching the schedule.
// Reads only the per-card cache, never the review log, so it stays fast with a long history. Pure.
import type { DeckCard } from "./cards.js";
import type { Card } from "./scheduler.js";

export interface CachedCard {
  cardId: string;
  answerHash: string;
  card: Card;
}

export interface QueueItem {
  deck: DeckCard;
  /** Current FSRS state; undefined for a new card (or one whose answer changed). */
  state?: Card;
  isNew: boolean;
}

export interface QueueOptions {
  now: number;
  limit?: number;
  /** New cards allowed today (the daily limit, or fewer when an exam date paces them). */
  newPerDay: number;
  /** New cards already introduced today. */
  newToday: number;
  cram?: boolean;
  topic?: string;
  /** Cards the learner keeps answering with the same distractor: shown first. */
  misconceptions?: ReadonlySet<string>;
}

export function liveState(cache: ReadonlyMap<string, CachedCard>, card: DeckCard): Card | undefined {
  const c = cache.get(card.id);
  return c && c.answerHash === card.answerHash ? c.card : undefined;
}

/** A new card may be introduced: it waits for nothing, or one of the cards it waits for has been drilled. */
export function ready(cache: ReadonlyMap<string, CachedCard>, card: DeckCard): boolean {
  return !card.after || card.after.some((id) => cache.has(id));
}

export function buildQueue(deck: readonly DeckCard[], cache: ReadonlyMap<string, CachedCard>, opts: QueueOptions): QueueItem[] {
  const live = opts.topic ? deck.filter((c) => c.topic === opts.topic || c.domain === opts.topic) : deck;
  const limit = opts.limit ?? Infinity;
  const seen: QueueItem[] = [];
  const fresh: QueueItem[] = [];
  for (const d of live) {
    const state = liveState(cache, d);
    if (state) seen.push({ deck: d, state, isNew: false });
    else if (ready(cache, d)) fresh.push({ deck: d, isNew: true });
  }
  const mis = opts.misconceptions ?? new Set<string>();
  const byDue = (a: QueueItem, b: QueueItem) => Number(mis.has(b.deck.id)) - Number(mis.has(a.deck.id)) || a.state!.due.getTime() - b.state!.due.getTime();
  if (opts.cram) return [...seen.sort(byDue), ...fresh].slice(0, limit);
  const due = seen.filter((q) => q.state!.due.getTime() <= opts.now).sort(byDue);
  const newRoom = Math.max(0, opts.newPerDay - opts.newToday);
  return [...due, ...fresh.slice(0, newRoom)].slice(0, limit);
}

export function dueCount(deck: readonly DeckCard[], cache: ReadonlyMap<string, CachedCard>, now: number): number {
  let n = 0;
  for (const d of deck) {
    const s = liveState(cache, d);
    if (s && s.due.getTime() <= now) n++;
  }
  return n;
}

export interface Pacing {
  /** Cards never drilled (or whose answer changed). */
  unseen: number;
  /** Whole days left before the exam day, today included (at least 1). */
  daysLeft: number;
  /** New cards a day that introduce the whole deck by the exam. */
  needed: number;
  /** The learner's daily limit. */
  limit: number;
  /** New cards allowed today: the pace, never more than the limit, less what today already saw. */
  today: number;
  /** The daily limit is too low to introduce every card in time. */
  bottleneck: boolean;
  /** Cards the limit leaves unseen on the exam day (0 unless a bottleneck). */
  leftOver: number;
}

const DAY = 86_400_000;

/**
 * New cards for today when an exam date is set: spread what is left of the deck evenly over the
 * days before the exam, within the daily limit. `dayStart` is the start of today (local), `examDay`
 * the start of the exam day; cards are introduced on the days before it.
 */
export function paceNewCards(opts: { unseen: number; newToday: number; limit: number; dayStart: number; examDay: number }): Pacing {
  const daysLeft = Math.max(1, Math.round((opts.examDay - opts.dayStart) / DAY));
  const toIntroduce = opts.unseen + opts.newToday;
  const needed = Math.ceil(toIntroduce / daysLeft);
  const perDay = Math.min(opts.limit, needed);
  const bottleneck = needed > opts.limit;
  return {
    unseen: opts.unseen,
    daysLeft,
    needed,
    limit: opts.limit,
    today: Math.max(0, perDay - opts.newToday),
    bottleneck,
    leftOver: bottleneck ? Math.max(0, toIntroduce - opts.limit * daysLeft) : 0,
  };
}

export function unseenCount(deck: readonly DeckCard[], cache: ReadonlyMap<string, CachedCard>, topic?: string): number {
  let n = 0;
  for (const d of deck) if ((!topic || d.topic === topic || d.domain === topic) && !liveState(cache, d)) n++;
  return n;
}
