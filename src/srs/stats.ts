// Numbers for the Stats screen and `stats --json`, computed from the review log and the card cache:
// reviews today, streak, a 14-day due forecast, 30-day retention, accuracy per exam domain against
// its weight, weakest topics, leeches, and misconceptions (the distractor a learner keeps picking,
// with its reason). Pure: days are local calendar days of `now`.
import { scenarioOptions, type Pack } from "../content/index.js";
import type { ReviewRow } from "./review.js";
import type { DeckCard } from "./cards.js";
import { liveState, type CachedCard } from "./queue.js";
import { LEECH_LAPSES, Rating } from "./scheduler.js";

export interface Stats {
  totalReviews: number;
  reviewsToday: number;
  dueToday: number;
  newCards: number;
  streakDays: number;
  /** Cards due on each of the next 14 days (index 0 = today, overdue included). */
  forecast: number[];
  /** Share of reviews in the last 30 days not rated Again; null with no reviews. */
  retention30: number | null;
  byDomain: Array<{ domain: string; name: string; weight: number | null; reviews: number; accuracy: number | null }>;
  weakestTopics: Array<{ topic: string; name: string; reviews: number; accuracy: number }>;
  leeches: Array<{ cardId: string; title: string; lapses: number }>;
  misconceptions: Array<{ cardId: string; chosen: string; chosenLabel: string; count: number; why: string }>;
  examDate?: string;
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
  for (const r of reviews) if (r.chosen && r.rating === Rating.Again) counts.set(`${r.cardId}\u0000${r.chosen}`, (counts.get(`${r.cardId}\u0000${r.chosen}`) ?? 0) + 1);
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
    out.push({ cardId, chosen, chosenLabel: label, count, why: d?.why ?? (scenario ? `the answer is ${options[0]!.label}` : "") });
  }
  return out.sort((a, b) => b.count - a.count || a.cardId.localeCompare(b.cardId));
}

export function computeStats(pack: Pack, deck: readonly DeckCard[], cache: ReadonlyMap<string, CachedCard>, reviews: readonly ReviewRow[], now: number, examDate?: string): Stats {
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

  const domainRows = new Map(pack.meta.domains.map((d) => [d.id, { domain: d.id, name: d.name, weight: d.weight ?? null, reviews: 0, right: 0 }]));
  const topicRows = new Map(pack.meta.topics.map((t) => [t.id, { topic: t.id, name: t.name, reviews: 0, right: 0 }]));
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
    newCards,
    streakDays: streak,
    forecast,
    retention30: recent.length ? Math.round((recent.filter(ok).length / recent.length) * 1000) / 1000 : null,
    byDomain: [...domainRows.values()].map((d) => ({ domain: d.domain, name: d.name, weight: d.weight, reviews: d.reviews, accuracy: d.reviews ? Math.round((d.right / d.reviews) * 1000) / 1000 : null })),
    weakestTopics: [...topicRows.values()]
      .filter((t) => t.reviews > 0)
      .map((t) => ({ topic: t.topic, name: t.name, reviews: t.reviews, accuracy: Math.round((t.right / t.reviews) * 1000) / 1000 }))
      .sort((a, b) => a.accuracy - b.accuracy || b.reviews - a.reviews)
      .slice(0, 5),
    leeches: deck
      .map((c) => ({ c, s: liveState(cache, c) }))
      .filter(({ s }) => s && s.lapses >= LEECH_LAPSES)
      .map(({ c, s }) => ({ cardId: c.id, title: c.title, lapses: s!.lapses })),
    misconceptions: misconceptionsOf(pack, countWrongPicks(reviews)),
    ...(examDate ? { examDate } : {}),
  };
}
