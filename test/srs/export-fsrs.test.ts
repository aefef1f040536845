// The review log as the FSRS optimizer reads it: its columns, one card_id per answer version (a
// restarted card is a new card, not a 33-day lapse), no cram reviews, and the help that says which
// timezone and day start hour to give it.
import { fsrsStep } from "../../src/srs/index.js";
import { describe, expect, it } from "vitest";
import { buildDeck } from "../../src/srs/cards.js";
import { FSRS_DAY_START_HOUR, fsrsCsv, localTimeZone } from "../../src/srs/export.js";
import { paramsFor, Rating, State, type Grade } from "../../src/srs/scheduler.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { learner, run } from "../cli/export-run.js";
import { shippedPack } from "../ui/helpers.js";

const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);
const DAY = 86_400_000;
const deck = buildDeck(shippedPack());
const answer = (s: SqliteStore, i: number, rating: Grade, at: number, opts: { hash?: string; cram?: boolean } = {}) =>
  s.answer(
    {
      cardId: deck[i]!.id,
      answerHash: opts.hash ?? deck[i]!.answerHash,
      rating,
      now: at,
      elapsedMs: 4000.4,
      params: paramsFor({ retention: 0.9 }, at),
      ...(opts.cram ? { cram: true } : {}),
    },
    fsrsStep,
  );
const rows = (csv: string) =>
  csv
    .trimEnd()
    .split("\n")
    .slice(1)
    .map((l) => l.split(",").map(Number) as [number, number, number, number, number]);

describe("FSRS optimizer CSV", () => {
  it("has the optimizer's columns: UTC ms times, ratings 1-4, states 0-3, durations in ms", () => {
    const s = SqliteStore.open(":memory:");
    answer(s, 0, Rating.Good, T0);
    answer(s, 0, Rating.Hard, T0 + DAY);
    const csv = fsrsCsv(s.reviews());
    expect(csv.split("\n")[0]).toBe("card_id,review_time,review_rating,review_state,review_duration");
    expect(rows(csv)).toEqual([
      [expect.any(Number), T0, Rating.Good, State.New, 4000],
      [expect.any(Number), T0 + DAY, Rating.Hard, expect.any(Number), 4000],
    ]);
    expect(rows(csv)[1]![3]).not.toBe(State.New);
    s.close();
  });

  it("gives a card whose answer changed a new card_id, starting from New: no false lapse", () => {
    const s = SqliteStore.open(":memory:");
    answer(s, 0, Rating.Good, T0);
    answer(s, 0, Rating.Good, T0 + DAY);
    answer(s, 0, Rating.Good, T0 + 4 * DAY);
    answer(s, 1, Rating.Good, T0 + 4 * DAY);
    // The author changed card 0's answer; 33 days later the learner meets it as a new card.
    answer(s, 0, Rating.Again, T0 + 37 * DAY, { hash: "changed1" });
    answer(s, 0, Rating.Good, T0 + 38 * DAY, { hash: "changed1" });
    // …and once more.
    answer(s, 0, Rating.Good, T0 + 50 * DAY, { hash: "changed2" });
    const r = rows(fsrsCsv(s.reviews()));
    const ids = r.map((x) => x[0]);
    const [v0, other, v1, v2] = [ids[0]!, ids[3]!, ids[4]!, ids[6]!];
    expect(new Set([v0, other, v1, v2]).size).toBe(4);
    expect(ids).toEqual([v0, v0, v0, other, v1, v1, v2]);
    // Each version's first review is a new card's, so the optimizer never sees the restart as forgetting.
    expect(r[4]![3]).toBe(State.New);
    expect(r[6]![3]).toBe(State.New);
    // A card never restarted keeps the id earlier exports gave it.
    expect(rows(fsrsCsv(s.reviews().filter((x) => x.cardId === deck[1]!.id)))[0]![0]).toBe(other);
    expect(fsrsCsv(s.reviews())).toBe(fsrsCsv(s.reviews()));
    s.close();
  });

  it("leaves cram reviews out: they never changed the schedule", () => {
    const s = SqliteStore.open(":memory:");
    answer(s, 0, Rating.Good, T0);
    answer(s, 0, Rating.Again, T0 + 1000, { cram: true });
    expect(rows(fsrsCsv(s.reviews()))).toHaveLength(1);
    s.close();
  });

  it("'export --help' says which timezone and day start hour to give the optimizer", async () => {
    const { code, out } = await run(["export", "--help"], learner());
    expect(code).toBe(0);
    expect(out).toContain(`timezone: ${localTimeZone()}`);
    expect(out).toContain(`day start hour: ${FSRS_DAY_START_HOUR}`);
    expect(FSRS_DAY_START_HOUR).toBe(0);
  });
});
