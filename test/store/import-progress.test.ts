// `import progress` against what a stranger's (or a damaged) file holds: every row checked before it
// is written, refused rows listed with their place and reason (exit 1), the rest imported, the
// schedule rebuilt in the same transaction, and settings restored only where the store has none.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fsrsStep } from "../../src/srs/index.js";
import { describe, expect, it } from "vitest";
import { buildDeck } from "../../src/srs/cards.js";
import { paramsFor, Rating, type Grade } from "../../src/srs/scheduler.js";
import { computeStats } from "../../src/srs/stats.js";
import { ProgressFileError, readProgressFile } from "../../src/store/progress-file.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { learner, run, tempDir } from "../cli/export-run.js";
import { shippedPack } from "../ui/helpers.js";

const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);
const DAY = 86_400_000;
const pack = shippedPack();
const deck = buildDeck(pack);
const answer = (s: SqliteStore, i: number, rating: Grade, at: number) =>
  s.answer({ cardId: deck[i]!.id, answerHash: deck[i]!.answerHash, rating, now: at, elapsedMs: 3000, params: paramsFor({ retention: 0.9 }, at) }, fsrsStep);

/** A real export: 12 reviews over 6 cards, one attempt, the three drill settings. */
function exported() {
  const s = SqliteStore.open(":memory:");
  for (let i = 0; i < 12; i++) answer(s, i % 6, i % 5 === 0 ? Rating.Again : Rating.Good, T0 + i * DAY);
  s.recordAttempt({
    kind: "quiz",
    startedAt: new Date(T0),
    finishedAt: new Date(T0 + 60_000),
    score: 3,
    total: 5,
    answers: [{ itemId: "scenario:x", correct: true, elapsedMs: 10 }],
  });
  s.setSetting("retention", "0.85");
  s.setSetting("newPerDay", "7");
  s.setSetting("examDate", "2027-01-15");
  const doc = JSON.parse(JSON.stringify(s.exportProgress(new Date(T0 + 20 * DAY))));
  const cache = s.cardCache();
  s.close();
  return { doc, cache };
}

describe("import progress: settings", () => {
  it("restores retention, new cards per day and the exam date into a store that has none", () => {
    const { doc, cache } = exported();
    const b = SqliteStore.open(":memory:");
    const r = b.importProgress(doc, fsrsStep);
    expect(r).toMatchObject({ reviewsAdded: 12, reviewsPresent: 0, attemptsAdded: 1, attemptsPresent: 0, settingsKept: [], refused: [] });
    expect(r.settingsRestored).toEqual([
      { key: "retention", value: "0.85" },
      { key: "newPerDay", value: "7" },
      { key: "examDate", value: "2027-01-15" },
    ]);
    expect(b.settings()).toEqual({ retention: "0.85", newPerDay: "7", examDate: "2027-01-15" });
    expect(b.cardCache()).toEqual(cache);
    // Twice changes nothing, and says so.
    expect(b.importProgress(doc, fsrsStep)).toMatchObject({
      reviewsAdded: 0,
      reviewsPresent: 12,
      attemptsAdded: 0,
      attemptsPresent: 1,
      settingsRestored: [],
      settingsKept: [],
    });
    b.close();
  });

  it("keeps a setting the store already has, and reports it", () => {
    const { doc } = exported();
    const b = SqliteStore.open(":memory:");
    b.setSetting("retention", "0.92");
    b.setSetting("examDate", "2027-01-15");
    const r = b.importProgress(doc, fsrsStep);
    expect(r.settingsKept).toEqual([{ key: "retention", yours: "0.92", theirs: "0.85" }]);
    expect(r.settingsRestored).toEqual([{ key: "newPerDay", value: "7" }]);
    expect(b.getSetting("retention")).toBe("0.92");
    b.close();
  });
});

describe("import progress: rows it cannot trust", () => {
  const poisoned = (base = exported().doc) => {
    const doc = JSON.parse(JSON.stringify(base));
    const good = doc.reviews[0];
    const bad = (patch: Record<string, unknown>, uid: string) => ({ ...good, uid, ...patch });
    doc.reviews.push(
      bad({ before: "garbage" }, "bad-1"),
      bad({ params: null }, "bad-2"),
      bad({ rating: 7 }, "bad-3"),
      bad({ rating: "3" }, "bad-4"),
      bad({ at: -5 }, "bad-5"),
      bad({ after: JSON.stringify({ due: "soon" }) }, "bad-6"),
      bad({ params: { retention: 5, maxIntervalDays: 10 } }, "bad-7"),
      bad({ chosen: "\u001b]0;pwned\u0007" }, "bad-8"),
      // Same uid as a row already imported, but invalid: refused, never "already present".
      bad({ rating: 0 }, good.uid),
    );
    doc.attempts.push({ ...doc.attempts[0], uid: "att-bad", startedAt: "not a date" }, { ...doc.attempts[0], uid: "att-bad-2", score: 9, total: 5 });
    doc.settings.retention = "2";
    return doc;
  };

  it("refuses each bad row with its place and reason, imports the rest, and every later read works", () => {
    const b = SqliteStore.open(":memory:");
    const r = b.importProgress(poisoned(), fsrsStep);
    expect(r.reviewsAdded).toBe(12);
    expect(r.reviewsPresent).toBe(0);
    expect(r.attemptsAdded).toBe(1);
    const where = r.refused.map((x) => x.where);
    expect(where).toEqual([
      "reviews[12]",
      "reviews[13]",
      "reviews[14]",
      "reviews[15]",
      "reviews[16]",
      "reviews[17]",
      "reviews[18]",
      "reviews[19]",
      "reviews[20]",
      "attempts[1]",
      "attempts[2]",
      "settings.retention",
    ]);
    const why = Object.fromEntries(r.refused.map((x) => [x.where, x.reason]));
    expect(why["reviews[12]"]).toMatch(/^before is not a card state \(not JSON\)/);
    expect(why["reviews[13]"]).toMatch(/params must be an object/);
    expect(why["reviews[14]"]).toBe("rating must be 1–4 (Again, Hard, Good, Easy) (got 7)");
    expect(why["reviews[15]"]).toBe('rating must be a number (got "3")');
    expect(why["reviews[16]"]).toBe("at is before 1970 (got -5)");
    expect(why["reviews[17]"]).toMatch(/^after is not a card state \(due/);
    expect(why["reviews[18]"]).toBe("retention is above 0.97 (got 5)");
    expect(why["reviews[19]"]).toMatch(/^chosen must be an option id \(got "\\u001b\]0;pwned\\u0007"\)$/);
    expect(why["reviews[20]"]).toMatch(/^rating must be 1–4/);
    expect(why["attempts[1]"]).toMatch(/^startedAt is not a date/);
    expect(why["attempts[2]"]).toBe("score is more than total");
    expect(why["settings.retention"]).toBe('retention must be a number from 0.7 to 0.97 (got "2")');
    // Nothing refused reached the store: every read and the rebuild still work.
    expect(b.reviewCount()).toBe(12);
    expect(b.getSetting("retention")).toBeUndefined();
    expect(b.getSetting("newPerDay")).toBe("7");
    expect(() => computeStats(pack, deck, b.cardCache(), b.reviews(), T0 + 30 * DAY)).not.toThrow();
    expect(b.rebuild(fsrsStep).changed).toBe(0);
    b.close();
  });

  it("is not a progress export: refused as a whole, nothing written", () => {
    const b = SqliteStore.open(":memory:");
    for (const doc of [
      null,
      [],
      { format: "other" },
      { format: "cloudtrail-tutor-progress", version: 2, reviews: [], attempts: [] },
      { format: "cloudtrail-tutor-progress", version: 1, reviews: {}, attempts: [] },
    ]) {
      expect(() => b.importProgress(doc, fsrsStep)).toThrow(ProgressFileError);
    }
    expect(b.reviewCount()).toBe(0);
    b.close();
  });

  it("infinite and fractional times are refused", () => {
    const { doc } = exported();
    const text = JSON.stringify({ ...doc, reviews: [{ ...doc.reviews[0], at: 1 }] }).replace('"at":1', '"at":1e999');
    const r = readProgressFile(JSON.parse(text));
    expect(r.refused[0]!.reason).toMatch(/^at must be/);
    expect(readProgressFile({ ...doc, reviews: [{ ...doc.reviews[0], at: 1.5 }] }).refused[0]!.reason).toBe("at must be whole milliseconds (got 1.5)");
  });

  it("on the command line: lists what it refused on stderr and exits 1; a clean file exits 0", async () => {
    const dir = tempDir();
    const env = learner();
    const { doc } = exported();
    writeFileSync(join(dir, "bad.json"), JSON.stringify(poisoned(doc)));
    const bad = await run(["import", "progress", "bad.json"], env, { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.out).toContain("Imported 12 new reviews and 1 attempt (0 already present).");
    expect(bad.out).toContain("Restored your new cards per day: 7.");
    expect(bad.err).toContain('refused 12 rows of "bad.json" (the rest was imported):');
    expect(bad.err).toContain("  reviews[14]: rating must be 1–4 (Again, Hard, Good, Easy) (got 7)");
    expect(bad.err).not.toContain("\u001b");
    writeFileSync(join(dir, "good.json"), JSON.stringify({ ...doc, settings: { ...doc.settings, retention: "0.8", examDate: "2027-02-01" } }));
    const good = await run(["import", "progress", "good.json"], env, { cwd: dir });
    expect(good.code).toBe(0);
    expect(good.out).toContain("(13 already present)");
    expect(good.out).toContain("Restored your retention: 0.8.");
    expect(good.out).toContain('Kept your exam date 2027-01-15 (the file has "2027-02-01").');
    writeFileSync(join(dir, "other.json"), JSON.stringify({ hello: 1 }));
    const other = await run(["import", "progress", "other.json"], env, { cwd: dir });
    expect(other.code).toBe(1);
    expect(other.err).toContain('"other.json": it is not a cloudtrail-tutor progress export');
  });
});
