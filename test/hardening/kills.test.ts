// Killed processes lose nothing acknowledged: drills and exams are killed at random points with
// SIGINT, SIGTERM and SIGKILL; afterwards the store always opens, every answer the drill said it
// saved is in the log, and no review row is partial. Two drills writing the same store at once keep
// all 400 reviews.
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/quiz/index.js";
import { fsrsStep } from "../../src/srs/index.js";
import { SqliteStore, STORE_FILE } from "../../src/store/sqlite.js";
import { tempDir } from "../tmp.js";

const CLI = join(import.meta.dirname, "../../dist/cli.js");
export const KILLS = Number(process.env.KILL_RUNS ?? 51);
const SIGNALS = ["SIGINT", "SIGTERM", "SIGKILL"] as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// Each kill starts the real CLI (about 0.6 s on an idle 2-core machine): budgets leave room for a
// machine running the rest of the suite beside it, instead of the 20 s default meant for unit tests.
const PER_KILL_MS = 2_500;
const TWO_DRILLS_MS = 90_000;

function start(args: string[], dataDir: string) {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, CLOUDTRAIL_TUTOR_DATA: dataDir, NO_COLOR: "1", CLOUDTRAIL_TUTOR_CACHE: join(dataDir, "cache") },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  child.stdin.on("error", () => {});
  return { child, out: () => out, err: () => err, exited };
}

function checkStore(dataDir: string): { reviews: number; attempts: number } {
  const db = new Database(join(dataDir, STORE_FILE), { readonly: true });
  try {
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    // No partial row: every review has its rating, params and both states, parseable.
    for (const r of db.prepare("SELECT rating, params, state_before, state_after FROM reviews").all() as Array<Record<string, string | number>>) {
      expect([1, 2, 3, 4]).toContain(r.rating);
      for (const k of ["params", "state_before", "state_after"]) expect(() => JSON.parse(r[k] as string)).not.toThrow();
    }
    for (const a of db.prepare("SELECT score, total, answers FROM attempts").all() as Array<Record<string, string | number>>) {
      expect(a.score as number).toBeLessThanOrEqual(a.total as number);
      expect(JSON.parse(a.answers as string)).toHaveLength(a.total as number);
    }
    return {
      reviews: (db.prepare("SELECT count(*) AS n FROM reviews").get() as { n: number }).n,
      attempts: (db.prepare("SELECT count(*) AS n FROM attempts").get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

describe("killed processes", () => {
  it(
    `survive ${KILLS} kills at random points of drills and exams, keeping every acknowledged answer`,
    async () => {
      const dataDir = tempDir("ctt-kills-");
      const rng = createRng(20261126);
      let known = 0;
      let acknowledged = 0;
      for (let i = 0; i < KILLS; i++) {
        const signal = SIGNALS[i % SIGNALS.length]!;
        const exam = i % 6 === 5;
        const p = start(
          exam ? ["exam", "--plain", "--count", "4", "--seed", String(i)] : ["drill", "--plain", "--limit", "30", "--new-per-day", "1000", "--seed", String(i)],
          dataDir,
        );
        const answers = Math.floor(rng() * 6);
        let acks = 0;
        for (let k = 0; k < answers; k++) {
          p.child.stdin.write(`${1 + Math.floor(rng() * 2)}\n`);
          if (!exam) {
            const until = Date.now() + 5000;
            while ((p.out().match(/^Saved/gm) ?? []).length <= k && Date.now() < until) await sleep(5);
            acks = (p.out().match(/^Saved/gm) ?? []).length;
          }
        }
        await sleep(Math.floor(rng() * 40));
        p.child.kill(signal);
        await p.exited;
        if (!exam) acks = (p.out().match(/^Saved/gm) ?? []).length;
        expect(p.err(), `run ${i}`).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
        const after = checkStore(dataDir);
        expect(after.reviews, `run ${i} (${signal})`).toBeGreaterThanOrEqual(known + acks);
        expect(after.reviews).toBeLessThanOrEqual(known + answers);
        acknowledged += acks;
        known = after.reviews;
      }
      expect(acknowledged).toBeGreaterThan(KILLS / 2);
      const store = SqliteStore.open(dataDir);
      expect(store.rebuild(fsrsStep).changed).toBe(0);
      store.close();
    },
    Math.max(60_000, KILLS * PER_KILL_MS),
  );

  it(
    "two drills on the same store at once: 400 answers, 400 reviews, none lost or duplicated",
    async () => {
      const dataDir = tempDir("ctt-two-");
      SqliteStore.open(dataDir).close();
      const args = ["drill", "--plain", "--json", "--limit", "200", "--new-per-day", "1000"];
      const a = start([...args, "--seed", "a"], dataDir);
      const b = start([...args, "--seed", "b"], dataDir);
      const lines = Array.from({ length: 200 }, (_, i) => `${(i % 2) + 1}\n`).join("");
      a.child.stdin.end(lines);
      b.child.stdin.end(lines);
      expect(await a.exited).toBe(0);
      expect(await b.exited).toBe(0);
      expect(JSON.parse(a.out()).answered).toBe(200);
      expect(JSON.parse(b.out()).answered).toBe(200);
      const db = new Database(join(dataDir, STORE_FILE), { readonly: true });
      expect((db.prepare("SELECT count(*) AS n FROM reviews").get() as { n: number }).n).toBe(400);
      expect((db.prepare("SELECT count(DISTINCT uid) AS n FROM reviews").get() as { n: number }).n).toBe(400);
      // Each review moved its card on from the state the other terminal left: the cache counts 400 reps.
      const reps = db.prepare("SELECT json_extract(state, '$.reps') AS reps FROM cards").all() as Array<{ reps: number }>;
      expect(reps.reduce((n, r) => n + r.reps, 0)).toBe(400);
      db.close();
      const store = SqliteStore.open(dataDir);
      expect(store.rebuild(fsrsStep).changed).toBe(0);
      store.close();
    },
    TWO_DRILLS_MS,
  );
});
