// Today's drill from the learner's store: their settings, the cards they keep getting wrong, and
// the queue built from the per-card cache. One place for the Drill screen and `drill --plain`.
import type { Pack } from "../content/index.js";
import type { StudyStore } from "./review.js";
import type { DeckCard } from "./cards.js";
import { buildQueue, paceNewCards, unseenCount, type Pacing, type QueueItem } from "./queue.js";
import { drillSettings, type DrillSettings } from "./settings.js";
import { MISCONCEPTION_MIN, misconceptionsOf, startOfDay } from "./stats.js";

export interface TodaysDrill {
  queue: QueueItem[];
  settings: DrillSettings;
  misconceptions: ReadonlySet<string>;
  /** With an exam date: how new cards are paced to introduce the whole deck in time. */
  pacing?: Pacing;
}

export function todaysDrill(
  pack: Pack,
  deck: readonly DeckCard[],
  store: Pick<StudyStore, "getSetting" | "wrongPicks" | "cardCache" | "newCardsSince">,
  opts: { now: number; limit?: number; cram?: boolean; topic?: string },
): TodaysDrill {
  const settings = drillSettings((k) => store.getSetting(k));
  const misconceptions = new Set(misconceptionsOf(pack, store.wrongPicks(MISCONCEPTION_MIN)).map((m) => m.cardId));
  const cache = store.cardCache();
  const newToday = store.newCardsSince(startOfDay(opts.now));
  const pacing =
    settings.examDate !== undefined && settings.examDate > startOfDay(opts.now)
      ? paceNewCards({
          unseen: unseenCount(deck, cache, opts.topic),
          newToday,
          limit: settings.newPerDay,
          dayStart: startOfDay(opts.now),
          examDay: settings.examDate,
        })
      : undefined;
  const queue = buildQueue(deck, cache, {
    now: opts.now,
    // Paced: today's share; buildQueue subtracts what today already introduced.
    newPerDay: pacing ? pacing.today + newToday : settings.newPerDay,
    newToday,
    ...(opts.limit ? { limit: opts.limit } : {}),
    cram: opts.cram === true,
    ...(opts.topic ? { topic: opts.topic } : {}),
    misconceptions,
  });
  return { queue, settings, misconceptions, ...(pacing ? { pacing } : {}) };
}
