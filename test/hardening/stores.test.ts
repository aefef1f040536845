// A progress store that fails speaks in its own words — full disk, lock timeout, damaged pages,
// read-only places — each one line with what to do; damage found by SQLite's quick_check (at open, or
// when an operation fails) stops every write, `stats --reset` sets such a store aside, and `schema`
// without --out never writes into the installed tutor.
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildDeck } from "../../src/srs/cards.js";
import { fsrsStep, paramsFor, Rating } from "../../src/srs/index.js";
import { classifyStoreError, StoreError } from "../../src/store/errors.js";
import { SqliteStore, STORE_FILE } from "../../src/store/sqlite.js";
import { runMain } from "../cli/run-main.js";
import { shippedPack } from "../ui/helpers.js";

const STACK = /\n\s+at .+:\d+:\d+/;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), "ctt-stores-"));
  dirs.push(d);
  return d;
};
const deck = buildDeck(shippedPack());
const T0 = Date.UTC(2026, 10, 2, 9);
const answer = (s: SqliteStore, i: number) =>
  s.answer(
    {
      cardId: deck[i % deck.length]!.id,
      answerHash: deck[i % deck.length]!.answerHash,
      rating: Rating.Good,
      now: T0 + i * 1000,
      elapsedMs: 3000,
      chosen: "x".repeat(200),
      params: paramsFor({ retention: 0.9 }, T0),
    },
    fsrsStep,
  );
const hash = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");
const thrown = (fn: () => unknown): StoreError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof StoreError) return err;
    throw err;
  }
  throw new Error("nothing was thrown");
};

/** A store with enough reviews to span many pages, then the reviews table's root page overwritten. */
function damagedStore(): string {
  const d = tmp();
  const s = SqliteStore.open(d);
  for (let i = 0; i < 300; i++) answer(s, i);
  s.close();
  const file = join(d, STORE_FILE);
  const db = new Database(file, { readonly: true });
  const root = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'reviews'").get() as { rootpage: number }).rootpage;
  const pageSize = db.pragma("page_size", { simple: true }) as number;
  db.close();
  const fd = openSync(file, "r+");
  writeSync(fd, Buffer.alloc(pageSize, 0xab), 0, pageSize, (root - 1) * pageSize);
  closeSync(fd);
  return d;
}

describe("the store's own words", () => {
  it.each([
    ["SQLITE_FULL", "full", /disk .* is full \(SQLITE_FULL\); this answer was not saved/, /free some disk space/],
    ["ENOSPC", "full", /is full/, /free some disk space/],
    ["SQLITE_BUSY", "locked", /stayed locked by another program/, /close other cloudtrail-tutor windows/],
    ["SQLITE_BUSY_TIMEOUT", "locked", /locked/, /try again/],
    ["SQLITE_READONLY", "readonly", /read-only/, /writable .*--data-dir/],
    ["SQLITE_READONLY_DIRECTORY", "readonly", /read-only/, /progress\.db-wal/],
    ["EACCES", "readonly", /read-only/, /--data-dir/],
    ["EROFS", "readonly", /read-only/, /--data-dir/],
    ["SQLITE_CORRUPT", "corrupt", /is damaged \(SQLITE_CORRUPT\)/, /stats --reset/],
    ["SQLITE_IOERR_WRITE", "unavailable", /disk or file system reported an error/, /check the disk/],
  ])("%s → %s, one line and what to do", (code, problem, message, hint) => {
    const e = classifyStoreError(Object.assign(new Error("x"), { code }), "/d/progress.db");
    expect(e.problem).toBe(problem);
    expect(e.message).toMatch(message);
    expect(e.hint).toMatch(hint);
    expect(e.message).not.toContain("\n");
  });

  it("a full disk while answering: SQLITE_FULL from SQLite becomes 'full', and nothing half-written stays", () => {
    const d = tmp();
    const s = SqliteStore.open(d);
    answer(s, 0);
    const db = (s as unknown as { db: Database.Database }).db;
    db.pragma(`max_page_count = ${db.pragma("page_count", { simple: true }) as number}`);
    const e = thrown(() => {
      for (let i = 1; i < 5000; i++) answer(s, i);
    });
    expect(e.problem).toBe("full");
    const n = s.reviewCount();
    expect(n).toBeGreaterThanOrEqual(1);
    s.close();
    const again = SqliteStore.open(d);
    expect(again.reviewCount()).toBe(n);
    expect(again.check()).toBeUndefined();
    again.close();
  });

  it("a lock held past the busy timeout: 'locked' with what to do, not an unexpected error", () => {
    const d = tmp();
    SqliteStore.open(d).close();
    const holder = new Database(join(d, STORE_FILE));
    holder.exec("BEGIN IMMEDIATE");
    try {
      const s = SqliteStore.open(d, { busyTimeoutMs: 100 });
      const e = thrown(() => s.setSetting("retention", "0.8"));
      expect(e.problem).toBe("locked");
      expect(e.message).toMatch(/stayed locked/);
      s.close();
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
  });
});

describe("damaged pages", () => {
  it("are found by quick_check when the store opens: drill and stats stop with one line, the file untouched", async () => {
    const d = damagedStore();
    const before = hash(join(d, STORE_FILE));
    for (const argv of [["stats"], ["drill", "--json"]]) {
      const r = await runMain(argv, { env: { CLOUDTRAIL_TUTOR_DATA: d } });
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/the progress store .* is damaged \(quick_check: /);
      expect(r.err).toContain("stats --reset");
      expect(r.err).not.toMatch(STACK);
      expect(r.err).not.toContain("unexpected error");
      expect(r.err.trim().split("\n"), r.err).toHaveLength(2);
    }
    expect(hash(join(d, STORE_FILE))).toBe(before);
  });

  it("a quiz on a damaged store runs, warns once, and writes nothing into it", async () => {
    const d = damagedStore();
    const before = hash(join(d, STORE_FILE));
    const q = await runMain(["quiz", "--count", "1", "--json"], { env: { CLOUDTRAIL_TUTOR_DATA: d }, input: "1\n" });
    expect(q.code).toBe(0);
    expect(q.err).toContain("will not be saved");
    expect(hash(join(d, STORE_FILE))).toBe(before);
  });

  it("a store too big to check at open is checked when an operation fails, and is never written again", () => {
    const d = damagedStore();
    const file = join(d, STORE_FILE);
    const before = hash(file);
    const s = SqliteStore.open(d, { checkOnOpen: false });
    const e = thrown(() => s.reviews());
    expect(e.problem).toBe("corrupt");
    expect(e.message).toMatch(/is damaged/);
    expect(thrown(() => s.setSetting("retention", "0.8")).problem).toBe("corrupt");
    expect(thrown(() => s.recordAttempt({ kind: "quiz", startedAt: new Date(T0), finishedAt: new Date(T0), score: 1, total: 1, answers: [] })).problem).toBe(
      "corrupt",
    );
    expect(thrown(() => answer(s, 1)).problem).toBe("corrupt");
    s.close();
    expect(hash(file)).toBe(before);
  });

  it("stats --reset sets aside a store that opens but fails its check (renamed, not deleted); a sound one is left alone", async () => {
    const d = damagedStore();
    const before = hash(join(d, STORE_FILE));
    const r = await runMain(["stats", "--reset"], { env: { CLOUDTRAIL_TUTOR_DATA: d } });
    expect(r.code).toBe(0);
    expect(r.out).toContain("Set the damaged store aside");
    expect(existsSync(join(d, STORE_FILE))).toBe(false);
    const aside = readdirSync(d).find((f) => f.startsWith(`${STORE_FILE}.corrupt-`) && !f.endsWith("-wal") && !f.endsWith("-shm"))!;
    expect(hash(join(d, aside))).toBe(before);
    const sound = tmp();
    SqliteStore.open(sound).close();
    const ok = await runMain(["stats", "--reset"], { env: { CLOUDTRAIL_TUTOR_DATA: sound } });
    expect(ok.out).toContain("nothing was reset");
    expect(existsSync(join(sound, STORE_FILE))).toBe(true);
  });
});

describe("schema", () => {
  it("without --out never writes into the installed tutor: ./schema in the current directory, or exit 2 inside the package", async () => {
    const cwd = tmp();
    const r = await runMain(["schema"], { cwd });
    expect(r.code).toBe(0);
    expect(readdirSync(join(cwd, "schema")).length).toBeGreaterThan(0);
    const root = join(import.meta.dirname, "../..");
    const before = readdirSync(join(root, "content", "schema")).map((f) => hash(join(root, "content", "schema", f)));
    const inside = await runMain(["schema"], { cwd: root });
    expect(inside.code).toBe(2);
    expect(inside.err).toContain("--out DIR");
    expect(existsSync(join(root, "schema"))).toBe(false);
    expect(readdirSync(join(root, "content", "schema")).map((f) => hash(join(root, "content", "schema", f)))).toEqual(before);
  });
});
