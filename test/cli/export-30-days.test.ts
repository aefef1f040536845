// A simulated learner drills for 30 days through the real command line (plain mode, answers on
// stdin), the clock moved day by day with CLOUDTRAIL_TUTOR_NOW. Each day the drill must present
// exactly what yesterday's forecast said would be due, plus the day's new cards; the review CSV
// for the FSRS optimizer must hold exactly those answers; and moving the progress to an empty
// store must give the same stats.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hashString } from "../../src/quiz/rng.js";
import { buildDeck } from "../../src/srs/cards.js";
import { drillReducer, startDrillFlow } from "../../src/srs/drill-flow.js";
import { fsrsStep } from "../../src/srs/index.js";
import { todaysDrill } from "../../src/srs/today.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { shippedPack } from "../ui/helpers.js";
import { learner, run, tempDir } from "./export-run.js";

const NEW_PER_DAY = 5;
const DAYS = 30;
const pad = (n: number) => String(n).padStart(2, "0");
/** Day d's session, in local time: 08:00 plus ten minutes a day, so each session is later in the day than the one before. */
const sessionTime = (d: number) => {
  const t = new Date(2026, 11, 2 + d, 8, d * 10);
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}T${pad(t.getHours())}:${pad(t.getMinutes())}`;
};
const pack = shippedPack();
const deck = buildDeck(pack);
const RIGHT_PERCENT = 85;

/**
 * The learner's answer lines for day d. The learner sees the cards the drill will show and picks the
 * right choice about 85% of the time (always right when a card comes back in the session), a wrong
 * one otherwise; Enter after a flashcard. Which card comes next depends on the answers (a card
 * rated Again comes back after its learning step), so the day is played through the drill's own
 * reducer, as the plain driver plays it, to know the order in which the lines are read.
 */
function answersFor(dataDir: string, now: number, seed: string, d: number): { input: string; right: number; fresh: number; repeats: number } {
  const store = SqliteStore.open(dataDir);
  try {
    const lines: string[] = [];
    let rightCount = 0;
    let repeats = 0;
    const { queue, settings, misconceptions } = todaysDrill(pack, deck, store, { now });
    const fresh = queue.filter((q) => q.isNew).length;
    const cards = new Map([...store.cardCache()].map(([id, c]) => [id, c.card]));
    let flow = startDrillFlow(pack, queue, { now, seed, settings, misconceptions, cram: false });
    for (let guard = 0; flow.phase !== "done" && guard < 10_000; guard++) {
      if (flow.phase === "wait") flow = drillReducer(pack, flow, { type: "showNow", now }, []);
      else if (flow.phase === "ask") {
        const item = flow.item!;
        if (!item.question) {
          lines.push("");
          flow = drillReducer(pack, flow, { type: "reveal", now }, []);
          continue;
        }
        const again = flow.queue[flow.index]?.returnAt !== undefined;
        if (again) repeats++;
        const right = again || hashString(`${d}:${item.deck.id}`) % 100 < RIGHT_PERCENT;
        // Right: every correct option ("1,3" for a Choose-two item); wrong: one wrong option.
        const picks = item.question.choices.flatMap((c, i) => (c.correct === right ? [i] : []));
        lines.push(right ? picks.map((i) => i + 1).join(",") : String(picks[0]! + 1));
        flow =
          item.question.choose > 1
            ? drillReducer(pack, flow, { type: "picks", indexes: right ? picks : [picks[0]!], now }, [])
            : drillReducer(pack, flow, { type: "pick", index: picks[0]!, now }, []);
      } else if (flow.phase === "why") flow = drillReducer(pack, flow, { type: "skipWhy" }, []);
      else if (flow.phase === "rate") {
        const item = flow.item!;
        const rating = flow.offer!.proposed;
        if (flow.graded?.correct) rightCount++;
        const after = fsrsStep(cards.get(item.deck.id), rating, now, flow.offer!.params).after;
        cards.set(item.deck.id, after);
        flow = drillReducer(pack, flow, { type: "committed", rating, now, after }, []);
      } else break;
    }
    return { input: lines.join("\n") + "\n", right: rightCount, fresh, repeats };
  } finally {
    store.close();
  }
}

interface Drilled {
  answered: number;
  correct: number;
  again: number;
  new: number;
  dueRemaining: number;
}

describe("30 days of drilling, end to end", () => {
  it("due counts follow the forecast, the CSV holds every answer, and a progress move keeps the stats", { timeout: 240_000 }, async () => {
    const env = learner();
    const deckSize = deck.length;
    const first = await run(
      ["drill", "--json", "--new-per-day", String(NEW_PER_DAY), "--exam-date", "2027-03-01", "--limit", "1"],
      { ...env, CLOUDTRAIL_TUTOR_NOW: sessionTime(-1) },
      { input: "1\n" },
    );
    expect(first.code).toBe(0);
    let prev = JSON.parse((await run(["stats", "--json"], { ...env, CLOUDTRAIL_TUTOR_NOW: sessionTime(-1) })).out);
    const seenFirst: number = JSON.parse(first.out).answered;
    let total = seenFirst;
    let again: number = JSON.parse(first.out).again;
    let introduced = 0;
    for (let d = 0; d < DAYS; d++) {
      const now = { ...env, CLOUDTRAIL_TUTOR_NOW: sessionTime(d) };
      const seed = `day-${d}`;
      const plan = answersFor(env.CLOUDTRAIL_TUTOR_DATA!, Date.parse(sessionTime(d)), seed, d);
      const drill = await run(["drill", "--json", "--seed", seed], now, { input: plan.input });
      expect(drill.code, drill.err).toBe(0);
      const t = JSON.parse(drill.out) as Drilled;
      // Exactly what yesterday's forecast had due today (overdue included) and tomorrow, plus the day's new cards.
      // (Cards rated Again come back in the same session: those answers are on top.)
      expect({ day: d, due: t.answered - t.new - plan.repeats }).toEqual({ day: d, due: prev.forecast[0] + prev.forecast[1] });
      // The day's new cards: at most the daily limit (an exam date paces them), never none while cards are left.
      expect(t.new).toBe(plan.fresh);
      expect(t.new).toBeGreaterThan(0);
      expect(t.new).toBeLessThanOrEqual(NEW_PER_DAY);
      introduced += t.new;
      expect(t.correct).toBe(plan.right);
      expect(t.dueRemaining).toBe(0);
      total += t.answered;
      again += t.again;
      const stats = JSON.parse((await run(["stats", "--json"], now)).out);
      expect(stats.reviewsToday).toBe(t.answered);
      expect(stats.totalReviews).toBe(total);
      expect(stats.newCards).toBe(prev.newCards - t.new);
      expect(stats.streakDays).toBe(d + 2);
      expect(stats.forecast).toHaveLength(14);
      expect(stats.examDate).toBe("2027-03-01");
      prev = stats;
    }
    expect(prev.newCards).toBe(deckSize - seenFirst - introduced);
    expect(again).toBeGreaterThan(0);
    // A learner who is mostly right: intervals grow past a day, so the forecast looks ahead.
    expect(prev.retention30).toBeGreaterThan(0.7);
    expect(prev.forecast.slice(2).reduce((a: number, b: number) => a + b, 0)).toBeGreaterThan(0);

    // The FSRS optimizer's CSV: every answer once, in the simulated month, each card starting New.
    const end = sessionTime(DAYS);
    const reviews = await run(["export", "reviews", "--now", end], env);
    expect(reviews.code).toBe(0);
    const rows = reviews.out
      .trimEnd()
      .split("\n")
      .slice(1)
      .map((l) => l.split(",").map(Number));
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r[0])).size).toBe(seenFirst + introduced);
    expect(rows.filter((r) => r[2] === 1)).toHaveLength(again);
    expect(rows.every((r) => r[2] === 1 || r[2] === 3)).toBe(true);
    const start = Date.parse(sessionTime(-1));
    const stop = Date.parse(sessionTime(DAYS - 1)) + 3_600_000;
    expect(rows.every((r) => r[1]! >= start && r[1]! < stop)).toBe(true);
    const firstSeen = new Map<number, number>();
    for (const r of rows) if (!firstSeen.has(r[0]!)) firstSeen.set(r[0]!, r[3]!);
    expect([...firstSeen.values()].every((state) => state === 0)).toBe(true);

    // export progress → import progress into an empty store: the same stats, the same CSV.
    const dir = tempDir();
    expect((await run(["export", "progress", "--out", join(dir, "p.json"), "--now", end], env)).code).toBe(0);
    // The clock starts at --now and runs on: the stamp is that instant plus the moments the export took.
    const stamped = Date.parse(JSON.parse(readFileSync(join(dir, "p.json"), "utf8")).exportedAt) - Date.parse(end);
    expect(stamped).toBeGreaterThanOrEqual(0);
    expect(stamped).toBeLessThan(5000);
    const other = learner();
    const moved = await run(["import", "progress", join(dir, "p.json")], other);
    expect(moved.code, moved.err).toBe(0);
    expect(moved.out).toContain(`Imported ${total} new reviews`);
    expect(moved.out).toContain("Restored your exam date: 2027-03-01.");
    const a = await run(["stats", "--json", "--now", end], env);
    const b = await run(["stats", "--json", "--now", end], other);
    expect(JSON.parse(b.out)).toEqual(JSON.parse(a.out));
    expect(b.out).toBe(a.out);
    expect((await run(["export", "reviews"], other)).out).toBe(reviews.out);
  });

  it("a clock that is not an ISO time is a usage error", async () => {
    const env = learner();
    const bad = await run(["stats", "--json"], { ...env, CLOUDTRAIL_TUTOR_NOW: "next tuesday\u001b[2J" });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("CLOUDTRAIL_TUTOR_NOW must be an ISO 8601 time");
    expect(bad.err).not.toContain("\u001b");
    const flag = await run(["drill", "--json", "--now", "2026-13-45T99:00"], env);
    expect(flag.code).toBe(2);
    expect(flag.err).toContain("--now must be an ISO 8601 time");
    expect((await run(["export", "progress", "--now", ""], env)).code).toBe(2);
  });
});
