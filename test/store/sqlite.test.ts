// The progress store on a temporary directory: migrations, durability, refusing what it cannot
// trust without touching it, rebuild from the log, idempotent import, exports other tools read.
import Database from "better-sqlite3";
import { readFileSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildDeck } from "../../src/srs/cards.js";
import { fsrsStep, paramsFor, Rating, type Grade } from "../../src/srs/index.js";
import { computeStats, countWrongPicks } from "../../src/srs/stats.js";
import { StoreError } from "../../src/store/errors.js";
import { SCHEMA_VERSION, SqliteStore, STORE_FILE } from "../../src/store/sqlite.js";
import { shippedPack } from "../ui/helpers.js";
import { tempDir } from "../tmp.js";

const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);
const DAY = 86_400_000;
const dir = () => tempDir("ctt-store-");
const pack = shippedPack();
const deck = buildDeck(pack);
const answer = (s: SqliteStore, i: number, rating: Grade, at: number, chosen?: string) =>
  s.answer(
    {
      cardId: deck[i]!.id,
      answerHash: deck[i]!.answerHash,
      rating,
      now: at,
      elapsedMs: 4000,
      ...(chosen ? { chosen } : {}),
      params: paramsFor({ retention: 0.9 }, at),
    },
    fsrsStep,
  );
/** Every file of the data directory with its bytes: a refused store must leave all of them as they were. */
const snapshot = (d: string) =>
  new Map(
    readdirSync(d)
      .sort()
      .map((name) => [name, readFileSync(join(d, name)).toString("base64")]),
  );
const openErr = (d: string) => {
  try {
    SqliteStore.open(d).close();
  } catch (err) {
    return err as StoreError;
  }
  throw new Error("expected the store to refuse");
};

describe("progress store", () => {
  it("creates the schema at the current version in WAL mode", () => {
    const d = dir();
    SqliteStore.open(d).close();
    const db = new Database(join(d, STORE_FILE), { readonly: true });
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("migrates a version-1 store in place, keeping every review", () => {
    const d = dir();
    const s = SqliteStore.open(d);
    answer(s, 0, Rating.Again, T0, "data-events");
    s.close();
    const db = new Database(join(d, STORE_FILE));
    db.exec("DROP INDEX reviews_wrong_picks");
    db.pragma("user_version = 1");
    db.close();
    const again = SqliteStore.open(d);
    expect(again.reviewCount()).toBe(1);
    again.close();
    const check = new Database(join(d, STORE_FILE), { readonly: true });
    expect(check.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    expect(check.prepare("SELECT name FROM sqlite_master WHERE name = 'reviews_wrong_picks'").get()).toBeDefined();
    check.close();
  });

  it("counts wrong picks in the database exactly as from the log", () => {
    const s = SqliteStore.open(":memory:");
    for (let i = 0; i < 40; i++) answer(s, i % 5, i % 3 ? Rating.Again : Rating.Good, T0 + i * 1000, ["data-events", "guardduty", undefined][i % 3]);
    const norm = (xs: Array<{ cardId: string; chosen: string; count: number }>) =>
      [...xs].sort((a, b) => (a.cardId + a.chosen).localeCompare(b.cardId + b.chosen));
    expect(norm(s.wrongPicks())).toEqual(norm(countWrongPicks(s.reviews())));
    expect(s.wrongPicks(3).every((p) => p.count >= 3)).toBe(true);
    s.close();
  });

  it("keeps every answer across reopen, with the schedule", () => {
    const d = dir();
    const s = SqliteStore.open(d);
    answer(s, 0, Rating.Good, T0);
    answer(s, 1, Rating.Again, T0 + 1000);
    s.close();
    const again = SqliteStore.open(d);
    expect(again.reviewCount()).toBe(2);
    expect(again.cardCache().get(deck[0]!.id)!.card.reps).toBe(1);
    again.close();
  });

  it("refuses a newer schema and leaves the file untouched", () => {
    const d = dir();
    SqliteStore.open(d).close();
    const db = new Database(join(d, STORE_FILE));
    db.pragma("user_version = 99");
    db.close();
    const before = snapshot(d);
    expect([...before.keys()]).toContain(STORE_FILE);
    const err = openErr(d);
    expect(err).toBeInstanceOf(StoreError);
    expect(err.problem).toBe("newer");
    // Byte for byte: the database, and no journal or WAL file created or changed beside it.
    expect(snapshot(d)).toEqual(before);
  });

  it("reports a corrupt file, never overwrites it, and sets it aside only when asked", () => {
    const d = dir();
    const junk = Buffer.from("this is not a database at all, just some learner's bytes".repeat(100));
    writeFileSync(join(d, STORE_FILE), junk);
    const err = openErr(d);
    expect(err.problem).toBe("corrupt");
    expect(err.hint).toContain("--reset");
    expect(snapshot(d)).toEqual(new Map([[STORE_FILE, junk.toString("base64")]]));
    const aside = SqliteStore.setAside(d, new Date(T0))!;
    expect(readFileSync(aside).equals(junk)).toBe(true);
    expect(existsSync(join(d, STORE_FILE))).toBe(false);
    SqliteStore.open(d).close();
  });

  it("a damaged database page is reported as corrupt, not a crash", () => {
    const d = dir();
    const s = SqliteStore.open(d);
    for (let i = 0; i < 50; i++) answer(s, i, Rating.Good, T0 + i);
    s.close();
    const bytes = readFileSync(join(d, STORE_FILE));
    for (let i = 100; i < bytes.length; i++) bytes[i] = (bytes[i]! * 7 + 13) & 0xff;
    writeFileSync(join(d, STORE_FILE), bytes);
    const before = snapshot(d);
    const err = openErr(d);
    expect(err.problem).toBe("corrupt");
    expect(err.message).toContain(STORE_FILE);
    expect(snapshot(d)).toEqual(before);
  });

  it("two connections writing in turn both keep every review, each building on the other's state", () => {
    const d = dir();
    const a = SqliteStore.open(d);
    const b = SqliteStore.open(d);
    for (let i = 0; i < 20; i++) answer(i % 2 ? a : b, 0, Rating.Good, T0 + i * DAY);
    expect(a.reviewCount()).toBe(20);
    expect(b.cardCache().get(deck[0]!.id)!.card.reps).toBe(20);
    a.close();
    b.close();
  });

  it("rebuild from the log equals the cache", () => {
    const s = SqliteStore.open(":memory:");
    let t = T0;
    for (let i = 0; i < 300; i++) {
      answer(s, i % 17, ([1, 2, 3, 4] as Grade[])[(i * 7) % 4]!, t);
      t += 3_600_000 * ((i % 5) + 1);
    }
    const before = s.cardCache();
    const r = s.rebuild(fsrsStep);
    expect(r).toEqual({ cards: 17, changed: 0 });
    expect(s.cardCache()).toEqual(before);
    s.close();
  });

  it("cram reviews are logged but leave the schedule alone", () => {
    const s = SqliteStore.open(":memory:");
    answer(s, 3, Rating.Good, T0);
    const due = s.cardCache().get(deck[3]!.id)!.card.due.getTime();
    s.answer(
      {
        cardId: deck[3]!.id,
        answerHash: deck[3]!.answerHash,
        rating: Rating.Again,
        now: T0 + 1000,
        elapsedMs: 1,
        params: paramsFor({ retention: 0.9 }, T0),
        cram: true,
      },
      fsrsStep,
    );
    expect(s.reviewCount()).toBe(2);
    expect(s.cardCache().get(deck[3]!.id)!.card.due.getTime()).toBe(due);
    expect(s.rebuild(fsrsStep).changed).toBe(0);
    s.close();
  });

  it("export → import into another store reproduces it; importing twice adds nothing", () => {
    const a = SqliteStore.open(":memory:");
    for (let i = 0; i < 30; i++) answer(a, i % 6, Rating.Good, T0 + i * DAY);
    a.recordAttempt({ kind: "quiz", startedAt: new Date(T0), finishedAt: new Date(T0 + 60_000), score: 3, total: 5, answers: [] });
    a.setSetting("retention", "0.85");
    const doc = JSON.parse(JSON.stringify(a.exportProgress()));
    const b = SqliteStore.open(":memory:");
    expect(b.importProgress(doc, fsrsStep)).toMatchObject({ reviewsAdded: 30, attemptsAdded: 1 });
    expect(b.importProgress(doc, fsrsStep)).toMatchObject({ reviewsAdded: 0, attemptsAdded: 0 });
    expect(b.reviewCount()).toBe(30);
    expect(b.cardCache()).toEqual(a.cardCache());
    expect(b.attempts()).toHaveLength(1);
    a.close();
    b.close();
  });

  it("stats agree with the log: totals, today, misconceptions with their reason, leeches", () => {
    const s = SqliteStore.open(":memory:");
    const scen = deck.findIndex((c) => c.id === "scenario:security-group-change-who");
    const now = T0 + 40 * DAY;
    answer(s, scen, Rating.Again, now - 2 * DAY, "data-events");
    answer(s, scen, Rating.Again, now - 1000, "data-events");
    // Reach review state, then lapse eight times: a leech.
    let t = T0;
    answer(s, 1, Rating.Good, t);
    answer(s, 1, Rating.Good, (t += DAY));
    for (let i = 0; i < 8; i++) {
      answer(s, 1, Rating.Again, (t += DAY));
      answer(s, 1, Rating.Good, (t += DAY));
    }
    const stats = computeStats(pack, deck, s.cardCache(), s.reviews(), now);
    expect(stats.totalReviews).toBe(20);
    expect(stats.reviewsToday).toBeGreaterThanOrEqual(1);
    expect(stats.misconceptions[0]).toMatchObject({ cardId: "scenario:security-group-change-who", chosen: "data-events", count: 2 });
    expect(stats.misconceptions[0]!.why).toContain("AuthorizeSecurityGroupIngress is a control-plane call");
    expect(stats.leeches.map((l) => l.cardId)).toEqual([deck[1]!.id]);
    expect(stats.forecast).toHaveLength(14);
    s.close();
  });
});

it("leaves no stray files next to the store", () => {
  const d = dir();
  SqliteStore.open(d).close();
  expect(readdirSync(d).filter((f) => !f.startsWith(STORE_FILE))).toEqual([]);
});
