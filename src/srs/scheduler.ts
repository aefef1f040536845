// FSRS scheduling through ts-fsrs: the learner's desired retention, an exam date no interval may
// pass, the proposed rating (wrong → Again, slow → Hard, else Good) and each rating's next interval.
// Pure: time is passed in.
import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card, type Grade } from "ts-fsrs";

export { Rating, State, type Card, type Grade };

export const DEFAULT_RETENTION = 0.9;
export const MIN_RETENTION = 0.7;
export const MAX_RETENTION = 0.97;
export const DEFAULT_NEW_PER_DAY = 20;
export const LEECH_LAPSES = 8;
/** An answer slower than this (and right) is proposed as Hard. */
export const SLOW_MS = 25_000;
const DAY = 86_400_000;

export interface SchedulerSettings {
  retention: number;
  /** End of the exam day (ms); no card is scheduled past it. */
  examDate?: number;
}

/** The parameters actually used for one review, stored with it so the log replays exactly. */
export interface ReviewParams {
  retention: number;
  maxIntervalDays: number;
  dueCap?: number;
}

/** A card the learner keeps answering with the same distractor comes back within this many days. */
export const MISCONCEPTION_MAX_DAYS = 3;

/** The parameters for one review: the exam date caps every interval; a misconception caps it more. */
export function paramsFor(settings: SchedulerSettings, now: number, opts: { misconception?: boolean } = {}): ReviewParams {
  const cap = opts.misconception ? MISCONCEPTION_MAX_DAYS : 36500;
  // ts-fsrs keeps Easy a day past Good even at its maximum interval, so the due time is capped too.
  const capDue = opts.misconception ? now + cap * DAY : undefined;
  const base = { retention: settings.retention, maxIntervalDays: cap, ...(capDue !== undefined ? { dueCap: capDue } : {}) };
  if (settings.examDate === undefined || settings.examDate <= now) return base;
  return {
    ...base,
    maxIntervalDays: Math.max(1, Math.min(cap, Math.floor((settings.examDate - now) / DAY))),
    dueCap: Math.min(settings.examDate, capDue ?? Infinity),
  };
}

const engines = new Map<string, ReturnType<typeof fsrs>>();
function engine(p: ReviewParams) {
  const key = `${p.retention}|${p.maxIntervalDays}`;
  let f = engines.get(key);
  if (!f) {
    f = fsrs(generatorParameters({ request_retention: p.retention, maximum_interval: p.maxIntervalDays, enable_fuzz: false }));
    engines.set(key, f);
  }
  return f;
}

export function newCard(now: number): Card {
  return createEmptyCard(new Date(now));
}

function capped(card: Card, p: ReviewParams): Card {
  return p.dueCap !== undefined && card.due.getTime() > p.dueCap
    ? { ...card, due: new Date(p.dueCap), scheduled_days: Math.max(0, card.scheduled_days) }
    : card;
}

export function nextState(card: Card, rating: Grade, now: number, p: ReviewParams): Card {
  return capped(engine(p).next(card, new Date(now), rating).card, p);
}

/** Each rating's next due time, for "Good · 4d". */
export function preview(card: Card, now: number, p: ReviewParams): Record<Grade, number> {
  const rec = engine(p).repeat(card, new Date(now));
  const out = {} as Record<Grade, number>;
  for (const g of [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as Grade[]) out[g] = capped(rec[g].card, p).due.getTime();
  return out;
}

export function proposeRating(correct: boolean, elapsedMs: number): Grade {
  if (!correct) return Rating.Again;
  return elapsedMs > SLOW_MS ? Rating.Hard : Rating.Good;
}

export const RATING_NAMES: Record<Grade, string> = { [Rating.Again]: "Again", [Rating.Hard]: "Hard", [Rating.Good]: "Good", [Rating.Easy]: "Easy" } as Record<
  Grade,
  string
>;

/** "10m", "3h", "4d", "2.5mo" — how far away a due time is. */
export function formatInterval(ms: number): string {
  const m = Math.max(0, ms) / 60_000;
  if (m < 60) return `${Math.max(1, Math.round(m))}m`;
  const hrs = m / 60;
  if (hrs < 24) return `${Math.round(hrs)}h`;
  const d = hrs / 24;
  if (d < 31) return `${Math.round(d)}d`;
  if (d < 365) return `${Math.round((d / 30) * 10) / 10}mo`;
  return `${Math.round((d / 365) * 10) / 10}y`;
}

/** Card state as stored: JSON with dates as ms. */
