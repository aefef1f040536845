// Numbers for the Stats screen and `stats --json`, computed from the review log and the card cache:
// reviews today, streak, a 14-day due forecast, 30-day retention, accuracy per exam domain against
// its weight, weakest topics, leeches, and misconceptions (the distractor a learner keeps picking,
// with its reason). Pure: days are local calendar days of `now`.
import { scenarioOptions, type Pack } from "../content/index.js";
import type { AttemptRecord } from "../quiz/index.js";
import type { ReviewRow } from "./review.js";
import type { DeckCard } from "./cards.js";
import { dueCount, liveState, type CachedCard } from "./queue.js";
import { LEECH_LAPSES, Rating } from "./scheduler.js";

export interface Stats {
  totalReviews: number;
  reviewsToday: number;
  dueToday: number;
  /** Cards due now: the drill's queue and Home's count, the same function. */
  dueNow: number;
  newCards: number;
  streakDays: number;
  /** Cards due on each of the next 14 days (index 0 = today, overdue included). */
  forecast: number[];
  /** Share of reviews in the last 30 days not rated Again; null with no reviews. */
  retention30: number | null;
  /**
   * Per exam domain: drill reviews, quiz and exam answers, and accuracy over both (a drill review
   * counts right unless rated Again; a quiz or exam answer when it was right).
   */
  byDomain: Array<{ domain: string; name: string; weight: number | null; reviews: number; answers: number; accuracy: number | null }>;
  weakestTopics: Array<{ topic: string; name: string; reviews: number; accuracy: number }>;
  leeches: Array<{ cardId: string; title: string; lapses: number }>;
  misconceptions: Array<{ cardId: string; title: string; chosen: string; chosenLabel: string; count: number; why: string }>;
  examDate?: string;
  /** Finished exams, oldest first, and the change in percent from the first to the last of them. */
  exams: Array<{ at: number; score: number; total: number; percent: number }>;
  examTrend: number | null;
}

export const MISCONCEPTION_MIN = 2;

export function startOfDay(t: number): number {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}
const DAY = 86_400_000;
const dayKey = (t: number) => startOfDay(t);

/** How often each wrong option was picked on each card (from the log, or counted by the store). */
export interface WrongPick {
  cardId: string;
  chosen: string;
  count: number;
}

/** Count wrong picks in a review log (the store has the same as one indexed query: `wrongPicks`). */
export function countWrongPicks(reviews: readonly ReviewRow[]): WrongPick[] {
  const counts = new Map<string, number>();
  for (const r of reviews)
    if (r.chosen && r.rating === Rating.Again) counts.set(`${r.cardId}\u0000${r.chosen}`, (counts.get(`${r.cardId}\u0000${r.chosen}`) ?? 0) + 1);
  return [...counts].map(([key, count]) => {
    const [cardId, chosen] = key.split("\u0000") as [string, string];
    return { cardId, chosen, count };
  });
}

/** Distractors picked at least twice on the same card, each with the reason it fails. */
export function misconceptionsOf(pack: Pack, picks: readonly WrongPick[]): Stats["misconceptions"] {
  const out: Stats["misconceptions"] = [];
  for (const { cardId, chosen, count } of picks) {
    if (count < MISCONCEPTION_MIN) continue;
    const scenario = cardId.startsWith("scenario:") ? pack.scenarios.find((s) => `scenario:${s.id}` === cardId) : undefined;
    const options = scenario ? scenarioOptions(pack, scenario) : [];
    const d = options.find((x) => x.id === chosen && !x.correct);
    const label = d?.label ?? pack.options.get(chosen)?.name ?? chosen;
    out.push({
      cardId,
      title: scenario?.requirement.trim() ?? cardId,
      chosen,
      chosenLabel: label,
      count,
      why: d?.why ?? (scenario ? `the answer is ${options[0]!.label}` : ""),
    });
  }
  return out.sort((a, b) => b.count - a.count || a.cardId.localeCompare(b.cardId));
}

/** Wrong picks in quiz and exam answers, by the card the question comes from (same ids as the deck). */
export function attemptWrongPicks(attempts: readonly AttemptRecord[]): WrongPick[] {
  const counts = new Map<string, number>();
  for (const a of attempts)
    for (const x of a.answers) if (!x.correct && x.chosen) counts.set(`${x.itemId}\u0000${x.chosen}`, (counts.get(`${x.itemId}\u0000${x.chosen}`) ?? 0) + 1);
  return [...counts].map(([key, count]) => {
    const [cardId, chosen] = key.split("\u0000") as [string, string];
    return { cardId, chosen, count };
  });
}

function mergePicks(a: readonly WrongPick[], b: readonly WrongPick[]): WrongPick[] {
  const m = new Map<string, WrongPick>();
  for (const p of [...a, ...b]) {
    const k = `${p.cardId}\u0000${p.chosen}`;
    const cur = m.get(k);
    m.set(k, cur ? { ...cur, count: cur.count + p.count } : { ...p });
  }
  return [...m.values()];
}

export function computeStats(
  pack: Pack,
  deck: readonly DeckCard[],
  cache: ReadonlyMap<string, CachedCard>,
  reviews: readonly ReviewRow[],
  now: number,
  examDate?: string,
  attempts: readonly AttemptRecord[] = [],
): Stats {
  const today = startOfDay(now);
  const counted = reviews.filter((r) => !r.cram);
  const days = new Set(reviews.map((r) => dayKey(r.at)));
  let streak = 0;
  for (let d = days.has(today) ? today : today - DAY; days.has(d); d = startOfDay(d - DAY / 2)) streak++;

  const forecast = Array<number>(14).fill(0);
  let newCards = 0;
  const byCard = new Map(deck.map((c) => [c.id, c]));
  for (const c of deck) {
    const s = liveState(cache, c);
    if (!s) {
      newCards++;
      continue;
    }
    const i = Math.max(0, Math.floor((startOfDay(s.due.getTime()) - today) / DAY));
    if (i < 14) forecast[i]!++;
  }
  const recent = counted.filter((r) => r.at >= now - 30 * DAY);
  const ok = (r: ReviewRow) => r.rating !== Rating.Again;

  const domainRows = new Map(pack.meta.domains.map((d) => [d.id, { domain: d.id, name: d.name, weight: d.weight ?? null, reviews: 0, answers: 0, right: 0 }]));
  const topicOf = new Map(deck.map((c) => [c.id, c.topic]));
  const topicRowsEarly = new Map<string, { reviews: number; right: number }>();
  for (const a of attempts) {
    for (const x of a.answers) {
      const d = x.domain ? domainRows.get(x.domain) : undefined;
      if (d) {
        d.answers++;
        if (x.correct) d.right++;
      }
      const topic = topicOf.get(x.itemId);
      if (topic) {
        const t = topicRowsEarly.get(topic) ?? { reviews: 0, right: 0 };
        t.reviews++;
        if (x.correct) t.right++;
        topicRowsEarly.set(topic, t);
      }
    }
  }
  const topicRows = new Map(
    pack.meta.topics.map((t) => [
      t.id,
      { topic: t.id, name: t.name, reviews: topicRowsEarly.get(t.id)?.reviews ?? 0, right: topicRowsEarly.get(t.id)?.right ?? 0 },
    ]),
  );
  for (const r of counted) {
    const card = byCard.get(r.cardId);
    if (!card) continue;
    const d = card.domain ? domainRows.get(card.domain) : undefined;
    if (d) {
      d.reviews++;
      if (ok(r)) d.right++;
    }
    const t = card.topic ? topicRows.get(card.topic) : undefined;
    if (t) {
      t.reviews++;
      if (ok(r)) t.right++;
    }
  }
  return {
    totalReviews: reviews.length,
    reviewsToday: reviews.filter((r) => r.at >= today).length,
    dueToday: forecast[0]!,
    dueNow: dueCount(deck, cache, now),
    newCards,
    streakDays: streak,
    forecast,
    retention30: recent.length ? Math.round((recent.filter(ok).length / recent.length) * 1000) / 1000 : null,
    byDomain: [...domainRows.values()].map((d) => ({
      domain: d.domain,
      name: d.name,
      weight: d.weight,
      reviews: d.reviews,
      answers: d.answers,
      accuracy: d.reviews + d.answers ? Math.round((d.right / (d.reviews + d.answers)) * 1000) / 1000 : null,
    })),
    weakestTopics: [...topicRows.values()]
      .filter((t) => t.reviews > 0)
      .map((t) => ({ topic: t.topic, name: t.name, reviews: t.reviews, accuracy: Math.round((t.right / t.reviews) * 1000) / 1000 }))
      .sort((a, b) => a.accuracy - b.accuracy || b.reviews - a.reviews)
      .slice(0, 5),
    leeches: deck
      .map((c) => ({ c, s: liveState(cache, c) }))
      .filter(({ s }) => s && s.lapses >= LEECH_LAPSES)
      .map(({ c, s }) => ({ cardId: c.id, title: c.title, lapses: s!.lapses })),
    misconceptions: misconceptionsOf(pack, mergePicks(countWrongPicks(reviews), attemptWrongPicks(attempts))),
    ...(examDate ? { examDate } : {}),
    ...examHistory(attempts),
  };
}

function examHistory(attempts: readonly AttemptRecord[]): Pick<Stats, "exams" | "examTrend"> {
  const exams = attempts
    .filter((a) => a.kind === "exam" && a.total > 0)
    .map((a) => ({ at: a.finishedAt.getTime(), score: a.score, total: a.total, percent: Math.round((a.score / a.total) * 1000) / 10 }))
    .sort((a, b) => a.at - b.at);
  return { exams, examTrend: exams.length >= 2 ? Math.round((exams[exams.length - 1]!.percent - exams[0]!.percent) * 10) / 10 : null };
}
