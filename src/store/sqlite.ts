// The learner's progress in SQLite (better-sqlite3): an append-only review log that is the source
// of truth, a per-card FSRS cache rebuilt from it on demand, quiz/exam attempts and settings.
// WAL with a busy timeout so two terminals can drill at once; each answer is one transaction
// that re-reads the card inside it, so neither terminal's review is lost or computed from stale
// state; PRAGMA user_version migrations. The only module that writes the learner's files.
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import type { AttemptRecord } from "../quiz/index.js";
import type { AnswerInput, CachedCard, Card, CardStep, Grade, ReviewParams, ReviewRow, StudyStore } from "../srs/index.js";
import { classifyStoreError, damaged, StoreError } from "./errors.js";
import type { ProgressPort } from "./port.js";
import { MOVED_SETTINGS, readProgressFile, type MovedSetting, type Refusal } from "./progress-file.js";

import { STORE_FILE } from "./paths.js";

export { STORE_FILE };
export const SCHEMA_VERSION = 2;
const BUSY_TIMEOUT_MS = 10_000;
const SQLITE_HEADER = "SQLite format 3\u0000";

const MIGRATIONS: Record<number, string> = {
  1: `
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE reviews (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      uid TEXT NOT NULL UNIQUE,
      card_id TEXT NOT NULL,
      answer_hash TEXT NOT NULL,
      reviewed_at INTEGER NOT NULL,
      rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
      elapsed_ms INTEGER NOT NULL,
      chosen TEXT,
      cram INTEGER NOT NULL DEFAULT 0,
      params TEXT NOT NULL,
      state_before TEXT NOT NULL,
      state_after TEXT NOT NULL
    );
    CREATE INDEX reviews_card ON reviews (card_id, reviewed_at);
    CREATE INDEX reviews_time ON reviews (reviewed_at);
    CREATE TABLE cards (
      card_id TEXT PRIMARY KEY,
      answer_hash TEXT NOT NULL,
      state TEXT NOT NULL,
      due INTEGER NOT NULL,
      lapses INTEGER NOT NULL,
      introduced_at INTEGER NOT NULL
    );
    CREATE INDEX cards_due ON cards (due);
    CREATE TABLE attempts (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      uid TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL,
      started_at INTEGER NOT NULL,
      finished_at INTEGER NOT NULL,
      score INTEGER NOT NULL,
      total INTEGER NOT NULL,
      answers TEXT NOT NULL
    );
  `,
  // Wrong picks are read at every drill start (misconceptions): an index over just those rows.
  2: `
    CREATE INDEX reviews_wrong_picks ON reviews (card_id, chosen) WHERE rating = 1 AND chosen IS NOT NULL;
  `,
};

/** A card's state as stored: JSON with times as numbers. */
function serializeCard(c: Card): string {
  return JSON.stringify({ ...c, due: c.due.getTime(), ...(c.last_review ? { last_review: c.last_review.getTime() } : {}) });
}

function deserializeCard(s: string): Card {
  const o = JSON.parse(s) as Card & { due: number; last_review?: number };
  return { ...o, due: new Date(o.due), ...(o.last_review !== undefined ? { last_review: new Date(o.last_review) } : {}) } as Card;
}

export interface ProgressExport {
  format: "cloudtrail-tutor-progress";
  version: 1;
  exportedAt: string;
  settings: Record<string, string>;
  reviews: Array<Omit<ReviewRow, "before" | "after"> & { before: string; after: string }>;
  attempts: Array<AttemptRecord & { uid: string }>;
}

/** What `importProgress` did: rows added, rows already there, settings restored or kept, rows refused. */
export interface ImportReport {
  reviewsAdded: number;
  reviewsPresent: number;
  attemptsAdded: number;
  attemptsPresent: number;
  settingsRestored: Array<{ key: MovedSetting; value: string }>;
  /** Settings this store already had with another value: kept. */
  settingsKept: Array<{ key: MovedSetting; yours: string; theirs: string }>;
  refused: Refusal[];
}

const classify = classifyStoreError;

/** A store up to this size is checked page by page (quick_check) when it is opened. */
const CHECK_ON_OPEN_BYTES = 32 * 1024 * 1024;

function looksLikeSqlite(file: string): boolean {
  const fd = openSync(file, "r");
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return n === 16 && buf.toString("latin1") === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

export class SqliteStore implements ProgressPort, StudyStore {
  private readonly db: Database.Database;
  private closed = false;

  private constructor(
    db: Database.Database,
    readonly file: string,
  ) {
    this.db = db;
  }

  /** Open (creating and migrating as needed) the store in `dir`, or an in-memory one for ":memory:". */
  static open(dir: string, opts: { busyTimeoutMs?: number; checkOnOpen?: boolean } = {}): SqliteStore {
    const file = dir === ":memory:" ? ":memory:" : join(dir, STORE_FILE);
    if (file !== ":memory:") {
      try {
        mkdirSync(dirname(file), { recursive: true });
      } catch (err) {
        throw classify(err, file);
      }
      if (existsSync(file) && statSync(file).size > 0 && !looksLikeSqlite(file)) {
        throw new StoreError("corrupt", `${file} is not a progress database (its header is wrong)`, damaged(file, "").hint);
      }
    }
    let db: Database.Database;
    try {
      db = new Database(file, { timeout: opts.busyTimeoutMs ?? BUSY_TIMEOUT_MS });
    } catch (err) {
      throw classify(err, file);
    }
    try {
      const version = db.pragma("user_version", { simple: true }) as number;
      if (version > SCHEMA_VERSION) {
        db.close();
        throw new StoreError(
          "newer",
          `${file} was written by a newer cloudtrail-tutor (schema ${version}; this one knows ${SCHEMA_VERSION})`,
          "update cloudtrail-tutor; the file was left untouched",
        );
      }
      if (file !== ":memory:") db.pragma("journal_mode = WAL");
      // In WAL mode NORMAL survives any process crash (kill -9); only a power cut may lose the last commit.
      db.pragma("synchronous = NORMAL");
      db.pragma("foreign_keys = ON");
      const migrate = db.transaction(() => {
        for (let v = version + 1; v <= SCHEMA_VERSION; v++) {
          db.exec(MIGRATIONS[v]!);
          db.pragma(`user_version = ${v}`);
        }
      });
      if (version < SCHEMA_VERSION) migrate.immediate();
      db.prepare("SELECT count(*) FROM cards").get();
      // Damage beyond the header and the first pages: a small store is checked page by page now, a
      // large one whenever an operation on it fails (see `run`).
      if (file !== ":memory:" && (opts.checkOnOpen ?? statSync(file).size <= CHECK_ON_OPEN_BYTES)) {
        const problem = quickCheck(db);
        if (problem) throw damaged(file, problem);
      }
    } catch (err) {
      if (err instanceof StoreError) {
        try {
          db.close();
        } catch {
          /* already unusable */
        }
      }
      if (err instanceof StoreError) throw err;
      try {
        db.close();
      } catch {
        /* already unusable */
      }
      throw classify(err, file);
    }
    return new SqliteStore(db, file);
  }

  /** Rename a damaged store aside (never delete it) so a fresh one can start. */
  static setAside(dir: string, now = new Date()): string | undefined {
    const file = join(dir, STORE_FILE);
    if (!existsSync(file)) return undefined;
    const stamp = now.toISOString().replace(/[:.]/g, "-");
    const aside = `${file}.corrupt-${stamp}`;
    renameSync(file, aside);
    for (const ext of ["-wal", "-shm"]) if (existsSync(file + ext)) renameSync(file + ext, aside + ext);
    return aside;
  }

  /** Set when the store failed its check: nothing is written into it afterwards. */
  private failed: StoreError | undefined;

  /** SQLite's page-by-page check: undefined when the store is sound, else what it found first. */
  check(): string | undefined {
    if (this.failed) return this.failed.message;
    return quickCheck(this.db);
  }

  /**
   * Every operation goes through here. When one fails, the store is checked (quick_check): damaged
   * pages are reported as damage (and the store is never written again this session), anything
   * else in SQLite's own words with what to do.
   */
  private run<T>(fn: () => T, writes = false): T {
    if (this.failed && writes) throw this.failed;
    try {
      return fn();
    } catch (err) {
      if (err instanceof StoreError) throw err;
      const code = (err as { code?: string }).code ?? "";
      if (code.startsWith("SQLITE_CORRUPT") || code === "SQLITE_NOTADB") throw this.fail(damaged(this.file, code));
      if (code === "SQLITE_BUSY" || code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) throw classify(err, this.file);
      let problem: string | undefined;
      try {
        problem = quickCheck(this.db);
      } catch (checkErr) {
        problem = (checkErr as { code?: string }).code ?? "the check itself failed";
      }
      if (problem) throw this.fail(damaged(this.file, problem));
      if (code.startsWith("SQLITE_") || /^E[A-Z]+$/.test(code)) throw classify(err, this.file);
      throw err;
    }
  }

  private fail(e: StoreError): StoreError {
    this.failed = e;
    return e;
  }

  // ------------------------------------------------------------------ settings
  getSetting(key: string): string | undefined {
    return this.run(() => (this.db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined)?.value);
  }

  setSetting(key: string, value: string | undefined): void {
    this.run(() => {
      if (value === undefined) this.db.prepare("DELETE FROM meta WHERE key = ?").run(key);
      else this.db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(key, value);
    }, true);
  }

  settings(): Record<string, string> {
    return this.run(() =>
      Object.fromEntries((this.db.prepare("SELECT key, value FROM meta").all() as Array<{ key: string; value: string }>).map((r) => [r.key, r.value])),
    );
  }

  // ------------------------------------------------------------------ cards and reviews
  /** The per-card cache (one row per card ever reviewed). */
  cardCache(): Map<string, CachedCard> {
    return this.run(() => {
      const m = new Map<string, CachedCard>();
      for (const r of this.db.prepare("SELECT card_id, answer_hash, state FROM cards").all() as Array<{
        card_id: string;
        answer_hash: string;
        state: string;
      }>) {
        m.set(r.card_id, { cardId: r.card_id, answerHash: r.answer_hash, card: deserializeCard(r.state) });
      }
      return m;
    });
  }

  /** Cards first seen since `since` (ms): counts against the daily new-card limit. */
  newCardsSince(since: number): number {
    return this.run(() => (this.db.prepare("SELECT count(*) AS n FROM cards WHERE introduced_at >= ?").get(since) as { n: number }).n);
  }

  /**
   * Record one answer and reschedule the card, atomically: the card's state is read inside the
   * write transaction, so two terminals reviewing at once each build on the other's result.
   */
  answer(input: AnswerInput, step: CardStep): { before: Card; after: Card } {
    const tx = this.db.transaction((a: AnswerInput) => {
      const row = this.db.prepare("SELECT answer_hash, state, introduced_at FROM cards WHERE card_id = ?").get(a.cardId) as
        | { answer_hash: string; state: string; introduced_at: number }
        | undefined;
      const same = row && row.answer_hash === a.answerHash;
      const stored = same ? deserializeCard(row.state) : undefined;
      // Another terminal may have reviewed this card after our clock was read: keep each card's
      // reviews in causal order, so replaying the log by time rebuilds exactly this state.
      const at = Math.max(a.now, (stored?.last_review?.getTime() ?? 0) + 1);
      const moved = step(stored, a.rating, at, a.params);
      const before = moved.before;
      const after = a.cram ? before : moved.after;
      this.db
        .prepare(
          "INSERT INTO reviews (uid, card_id, answer_hash, reviewed_at, rating, elapsed_ms, chosen, cram, params, state_before, state_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .run(
          randomUUID(),
          a.cardId,
          a.answerHash,
          at,
          a.rating,
          Math.max(0, Math.round(a.elapsedMs)),
          a.chosen ?? null,
          a.cram ? 1 : 0,
          JSON.stringify(a.params),
          serializeCard(before),
          serializeCard(after),
        );
      if (!a.cram) {
        this.db
          .prepare(
            "INSERT INTO cards (card_id, answer_hash, state, due, lapses, introduced_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(card_id) DO UPDATE SET answer_hash = excluded.answer_hash, state = excluded.state, due = excluded.due, lapses = excluded.lapses, introduced_at = CASE WHEN cards.answer_hash = excluded.answer_hash THEN cards.introduced_at ELSE excluded.introduced_at END",
          )
          .run(a.cardId, a.answerHash, serializeCard(after), after.due.getTime(), after.lapses, same ? row.introduced_at : at);
      }
      return { before, after };
    });
    return this.run(() => tx.immediate(input), true);
  }

  /**
   * Take back the latest review of a card (the drill's undo), in one write transaction: the review
   * row is removed and the card returns to the state it had before it (or is forgotten, when that
   * review introduced it). False when the card has no review.
   */
  undoLastReview(cardId: string): boolean {
    const tx = this.db.transaction((id: string) => {
      const last = this.db
        .prepare("SELECT id, cram, state_before, reviewed_at FROM reviews WHERE card_id = ? ORDER BY reviewed_at DESC, id DESC LIMIT 1")
        .get(id) as { id: number; cram: number; state_before: string; reviewed_at: number } | undefined;
      if (!last) return false;
      this.db.prepare("DELETE FROM reviews WHERE id = ?").run(last.id);
      if (last.cram === 1) return true;
      const card = this.db.prepare("SELECT introduced_at FROM cards WHERE card_id = ?").get(id) as { introduced_at: number } | undefined;
      if (card && card.introduced_at === last.reviewed_at) this.db.prepare("DELETE FROM cards WHERE card_id = ?").run(id);
      else {
        const before = deserializeCard(last.state_before);
        this.db.prepare("UPDATE cards SET state = ?, due = ?, lapses = ? WHERE card_id = ?").run(last.state_before, before.due.getTime(), before.lapses, id);
      }
      return true;
    });
    return this.run(() => tx.immediate(cardId), true);
  }

  /** Wrong options picked per card, counted in the database (an index over just those rows). */
  wrongPicks(min = 1): Array<{ cardId: string; chosen: string; count: number }> {
    return this.run(
      () =>
        this.db
          .prepare(
            "SELECT card_id AS cardId, chosen, count(*) AS count FROM reviews WHERE rating = 1 AND chosen IS NOT NULL GROUP BY card_id, chosen HAVING count(*) >= ?",
          )
          .all(min) as Array<{ cardId: string; chosen: string; count: number }>,
    );
  }

  reviewCount(): number {
    return this.run(() => (this.db.prepare("SELECT count(*) AS n FROM reviews").get() as { n: number }).n);
  }

  /** The whole review log, oldest first. */
  reviews(): ReviewRow[] {
    return this.run(() =>
      (this.db.prepare("SELECT * FROM reviews ORDER BY reviewed_at, id").all() as Array<Record<string, unknown>>).map((r) => ({
        uid: r.uid as string,
        cardId: r.card_id as string,
        answerHash: r.answer_hash as string,
        at: r.reviewed_at as number,
        rating: r.rating as Grade,
        elapsedMs: r.elapsed_ms as number,
        ...(r.chosen ? { chosen: r.chosen as string } : {}),
        cram: r.cram === 1,
        params: JSON.parse(r.params as string) as ReviewParams,
        before: deserializeCard(r.state_before as string),
        after: deserializeCard(r.state_after as string),
      })),
    );
  }

  /** Recompute every card's cached state by replaying the log; returns how many rows changed. */
  rebuild(step: CardStep): { cards: number; changed: number } {
    const tx = this.db.transaction(() => this.replayLog(step));
    return this.run(() => tx.immediate(), true);
  }

  /** The body of `rebuild`, for callers already inside a write transaction. */
  private replayLog(step: CardStep): { cards: number; changed: number } {
    const rows = this.db
      .prepare("SELECT card_id, answer_hash, reviewed_at, rating, params FROM reviews WHERE cram = 0 ORDER BY card_id, reviewed_at, id")
      .all() as Array<{ card_id: string; answer_hash: string; reviewed_at: number; rating: Grade; params: string }>;
    const replayed = new Map<string, { hash: string; card: Card; introduced: number }>();
    for (const r of rows) {
      let cur = replayed.get(r.card_id);
      const fresh = !cur || cur.hash !== r.answer_hash;
      const introduced = fresh ? r.reviewed_at : cur!.introduced;
      cur = { hash: r.answer_hash, introduced, card: step(fresh ? undefined : cur!.card, r.rating, r.reviewed_at, JSON.parse(r.params) as ReviewParams).after };
      replayed.set(r.card_id, cur);
    }
    const old = new Map(
      (this.db.prepare("SELECT card_id, answer_hash, state FROM cards").all() as Array<{ card_id: string; answer_hash: string; state: string }>).map((r) => [
        r.card_id,
        r,
      ]),
    );
    let changed = 0;
    this.db.prepare("DELETE FROM cards").run();
    const ins = this.db.prepare("INSERT INTO cards (card_id, answer_hash, state, due, lapses, introduced_at) VALUES (?, ?, ?, ?, ?, ?)");
    for (const [id, c] of replayed) {
      const state = serializeCard(c.card);
      const prev = old.get(id);
      if (!prev || prev.state !== state || prev.answer_hash !== c.hash) changed++;
      ins.run(id, c.hash, state, c.card.due.getTime(), c.card.lapses, c.introduced);
    }
    changed += [...old.keys()].filter((k) => !replayed.has(k)).length;
    return { cards: replayed.size, changed };
  }

  // ------------------------------------------------------------------ attempts (ProgressPort)
  recordAttempt(a: AttemptRecord, uid: string = randomUUID()): void {
    this.run(
      () =>
        this.db
          .prepare("INSERT OR IGNORE INTO attempts (uid, kind, started_at, finished_at, score, total, answers) VALUES (?, ?, ?, ?, ?, ?, ?)")
          .run(uid, a.kind, a.startedAt.getTime(), a.finishedAt.getTime(), a.score, a.total, JSON.stringify(a.answers)),
      true,
    );
  }

  attempts(limit = 1_000_000): AttemptRecord[] {
    return this.attemptRows(limit).map(({ uid: _uid, ...a }) => a);
  }

  private attemptRows(limit: number): Array<AttemptRecord & { uid: string }> {
    return this.run(() =>
      (this.db.prepare("SELECT * FROM attempts ORDER BY finished_at DESC, id DESC LIMIT ?").all(limit) as Array<Record<string, unknown>>).map((r) => ({
        uid: r.uid as string,
        kind: r.kind as AttemptRecord["kind"],
        startedAt: new Date(r.started_at as number),
        finishedAt: new Date(r.finished_at as number),
        score: r.score as number,
        total: r.total as number,
        answers: JSON.parse(r.answers as string) as AttemptRecord["answers"],
      })),
    );
  }

  // ------------------------------------------------------------------ export / import
  exportProgress(now = new Date()): ProgressExport {
    return {
      format: "cloudtrail-tutor-progress",
      version: 1,
      exportedAt: now.toISOString(),
      settings: this.settings(),
      reviews: this.reviews().map((r) => ({ ...r, before: serializeCard(r.before), after: serializeCard(r.after) })),
      attempts: this.attemptRows(1_000_000).reverse(),
    };
  }

  /**
   * Merge an export (`export progress`), in one transaction: every row is checked first (see
   * progress-file.ts) and a row that fails is refused, never written; reviews and attempts already
   * present (same uid) are skipped; each drill setting is restored only where this store has none
   * (one it has is kept and reported); then every card's schedule is rebuilt from the whole log.
   * Throws ProgressFileError when `doc` is not a progress export at all.
   */
  importProgress(doc: unknown, step: CardStep): ImportReport {
    const file = readProgressFile(doc);
    const tx = this.db.transaction(() => {
      const report: ImportReport = {
        reviewsAdded: 0,
        reviewsPresent: 0,
        attemptsAdded: 0,
        attemptsPresent: 0,
        settingsRestored: [],
        settingsKept: [],
        refused: file.refused,
      };
      const ins = this.db.prepare(
        "INSERT INTO reviews (uid, card_id, answer_hash, reviewed_at, rating, elapsed_ms, chosen, cram, params, state_before, state_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(uid) DO NOTHING",
      );
      for (const r of file.reviews) {
        const params = {
          retention: r.params.retention,
          maxIntervalDays: r.params.maxIntervalDays,
          ...(r.params.dueCap !== undefined ? { dueCap: r.params.dueCap } : {}),
        };
        const added = ins.run(
          r.uid,
          r.cardId,
          r.answerHash,
          r.at,
          r.rating,
          Math.round(r.elapsedMs),
          r.chosen ?? null,
          r.cram ? 1 : 0,
          JSON.stringify(params),
          r.before,
          r.after,
        ).changes;
        if (added) report.reviewsAdded++;
        else report.reviewsPresent++;
      }
      const insA = this.db.prepare(
        "INSERT INTO attempts (uid, kind, started_at, finished_at, score, total, answers) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(uid) DO NOTHING",
      );
      for (const a of file.attempts) {
        const added = insA.run(a.uid, a.kind, a.startedAt, a.finishedAt, a.score, a.total, JSON.stringify(a.answers)).changes;
        if (added) report.attemptsAdded++;
        else report.attemptsPresent++;
      }
      const getS = this.db.prepare("SELECT value FROM meta WHERE key = ?");
      const setS = this.db.prepare("INSERT INTO meta (key, value) VALUES (?, ?)");
      for (const key of MOVED_SETTINGS) {
        const theirs = file.settings[key];
        if (theirs === undefined) continue;
        const yours = (getS.get(key) as { value: string } | undefined)?.value;
        if (yours === undefined) {
          setS.run(key, theirs);
          report.settingsRestored.push({ key, value: theirs });
        } else if (yours !== theirs) report.settingsKept.push({ key, yours, theirs });
      }
      this.replayLog(step);
      return report;
    });
    return this.run(() => tx.immediate(), true);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}

/**
 * The answer key each drilled card was last reviewed under, read-only and without creating
 * anything: `validate` uses it to warn an author whose edit will restart cards. Undefined when
 * there is no store (or it cannot be read).
 */
export function readCardHashes(dir: string): Map<string, string> | undefined {
  const file = join(dir, STORE_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return new Map(
        (db.prepare("SELECT card_id, answer_hash FROM cards").all() as Array<{ card_id: string; answer_hash: string }>).map((r) => [r.card_id, r.answer_hash]),
      );
    } finally {
      db.close();
    }
  } catch {
    return undefined;
  }
}

/** SQLite's quick_check on an open database: undefined when "ok", else its first finding. */
export function quickCheck(db: Database.Database): string | undefined {
  const rows = db.pragma("quick_check(5)") as Array<{ quick_check: string }>;
  if (rows[0]?.quick_check === "ok") return undefined;
  // Its report can run over several lines ("*** in database main ***", then one per finding): the first finding.
  const first = rows.flatMap((r) => r.quick_check.split("\n")).find((l) => l.trim() && !l.startsWith("***"));
  return `quick_check: ${first?.trim() ?? "no answer"}`;
}
