// `npm run bench`: every benchmark, each figure the median of repeated runs, with its ratio to a
// baseline measured in the same run and the budget from docs/architecture.md. `-- --json` prints the
// table as JSON; `-- --quick` runs on tiny inputs (the smoke test); `-- --only keystrokes,search`
// runs only the named groups (startup, load, search, drill, keystrokes, memory, report). Never part
// of `npm test`.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { listContentFiles, loadContent } from "../src/content/load.js";
import { buildIndex, search } from "../src/search/index.js";
import { buildDeck } from "../src/srs/cards.js";
import { buildQueue, dueCount } from "../src/srs/queue.js";
import { buildQuiz } from "../src/quiz/build.js";
import type { ProgressPort } from "../src/store/port.js";
import { fsrsStep, paramsFor, type Grade } from "../src/srs/index.js";
import { SqliteStore } from "../src/store/sqlite.js";
import { generatePack, writePack } from "./gen-pack.js";
import { MARK } from "../src/present/tone.js";

import { reportBench } from "./report.js";
import type * as Shipped from "./shipped.js";
import type * as ShippedLoad from "./shipped-load.js";
const args = process.argv.slice(2);
const QUICK = args.includes("--quick");
const JSON_OUT = args.includes("--json");
const ROOT = join(import.meta.dirname, "..");
const CLI = join(ROOT, "dist/cli.js");
const SCENARIOS = QUICK ? 50 : 10_000;
const REVIEWS = QUICK ? 1_000 : 100_000;
const RUNS = QUICK ? 1 : 7;
const GROUPS = ["startup", "load", "search", "drill", "keystrokes", "memory", "report"] as const;
const onlyAt = args.findIndex((a) => a === "--only" || a.startsWith("--only="));
const ONLY: ReadonlySet<string> = new Set(
  onlyAt < 0 ? GROUPS : (args[onlyAt]!.includes("=") ? args[onlyAt]!.slice(7) : (args[onlyAt + 1] ?? "")).split(",").filter(Boolean),
);
for (const g of ONLY) {
  if (!(GROUPS as readonly string[]).includes(g)) {
    process.stderr.write(`bench: unknown group ${JSON.stringify(g)} for --only (one of ${GROUPS.join(", ")})\n`);
    process.exit(2);
  }
}

export interface Row {
  name: string;
  unit: "ms" | "MB";
  value: number;
  p95?: number;
  baselineName?: string;
  baseline?: number;
  ratio?: number;
  budget?: string;
  ok?: boolean;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const round = (x: number) => Math.round(x * 10) / 10;
const log = (s: string) => {
  if (!JSON_OUT) process.stderr.write(s + "\n");
};
const times = (n: number, fn: () => number) => Array.from({ length: n }, fn);

function processMs(cmd: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t = performance.now();
  const r = spawnSync(cmd[0]!, cmd.slice(1), { env, stdio: "ignore" });
  if (r.status !== 0) throw new Error(`${cmd.join(" ")} exited ${r.status}`);
  return performance.now() - t;
}

/** Time from launch in a pseudo-terminal (util-linux `script`) until `marker` is on screen. */
function ptyMs(command: string, marker: string | undefined, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((done, fail) => {
    const t = performance.now();
    const child = spawn("script", ["-qfec", command, "/dev/null"], { env: { ...env, COLUMNS: "100", LINES: "30" }, stdio: ["pipe", "pipe", "ignore"] });
    let out = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      fail(new Error(`no ${marker} within 20 s; saw ${JSON.stringify(out.slice(-300))}`));
    }, 20_000);
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString("utf8");
      if (marker && out.includes(marker)) {
        const ms = performance.now() - t;
        clearTimeout(timer);
        child.kill("SIGKILL");
        done(ms);
      }
    });
    child.on("exit", () => {
      if (marker && !out.includes(marker)) return;
      clearTimeout(timer);
      done(performance.now() - t);
    });
  });
}

/**
 * bench/shipped.ts and bench/shipped-load.ts bundled as the CLI is (scripts/build-options.mjs: minified, production React,
 * the patched Ink and string-width), into node_modules/.cache so its external modules resolve. Built
 * once per run, on first use; removed when the run ends.
 */
const SHIPPED_DIR = join(ROOT, "node_modules/.cache/cloudtrail-tutor-bench");
let shippedBuilt: Promise<string> | undefined;
/** The bundle's folder (its entries: shipped.js, shipped-load.js). */
function shippedBundle(): Promise<string> {
  shippedBuilt ??= (async () => {
    const [{ build }, { bundleOptions }] = await Promise.all([import("esbuild"), import("../scripts/build-options.mjs" as string)]);
    rmSync(SHIPPED_DIR, { recursive: true, force: true });
    await build(bundleOptions({ entryPoints: [join(ROOT, "bench/shipped.ts"), join(ROOT, "bench/shipped-load.ts")], outdir: SHIPPED_DIR }));
    return SHIPPED_DIR;
  })();
  return shippedBuilt;
}
async function shipped(): Promise<typeof Shipped> {
  const entry = join(await shippedBundle(), "shipped.js");
  // The screens in colour, as a learner's terminal shows them: Ink's chalk reads FORCE_COLOR once,
  // when it loads (not left set: the processes the bench starts get their own environment).
  const own = process.env.FORCE_COLOR;
  process.env.FORCE_COLOR = "1";
  try {
    return await import(entry);
  } finally {
    if (own === undefined) delete process.env.FORCE_COLOR;
    else process.env.FORCE_COLOR = own;
  }
}

async function startup(rows: Row[], env: NodeJS.ProcessEnv): Promise<void> {
  log("start-up in a pseudo-terminal …");
  if (spawnSync("script", ["--version"]).status !== 0) {
    log("  (skipped: util-linux `script` is not installed)");
    return;
  }
  const base: number[] = [];
  const cli: number[] = [];
  await ptyMs(`node ${CLI}`, "1. Study", env); // warm the content cache and the OS file cache
  for (let i = 0; i < RUNS; i++) {
    base.push(await ptyMs("node -e 0", undefined, env));
    cli.push(await ptyMs(`node ${CLI}`, "1. Study", env));
  }
  const b = median(base);
  const v = median(cli);
  rows.push({
    name: "start-up to first frame (home screen, pty)",
    unit: "ms",
    value: round(v),
    baselineName: "node -e 0",
    baseline: round(b),
    ratio: round(v / b),
    budget: "≤ 2.5×",
    ok: v / b <= 2.5,
  });
  for (const [name, cmd] of [
    ["--version (whole process)", ["node", CLI, "--version"]],
    ["validate shipped pack (whole process)", ["node", CLI, "validate"]],
  ] as const) {
    const base2 = times(RUNS, () => processMs(["node", "-e", "0"], env));
    const runs = times(RUNS, () => processMs([...cmd], env));
    rows.push({
      name,
      unit: "ms",
      value: round(median(runs)),
      baselineName: "node -e 0",
      baseline: round(median(base2)),
      ratio: round(median(runs) / median(base2)),
    });
  }
}

async function load(rows: Row[], dir: string, cacheDir: string): Promise<void> {
  log(`load ${SCENARIOS.toLocaleString("en-US")} scenarios …`);
  const files = listContentFiles(dir);
  // Interleaved, so a shared machine's load drifting over the seconds this takes weighs on both alike.
  const yamlParse: number[] = [];
  const cold: number[] = [];
  for (let i = 0; i < (QUICK ? 1 : 5); i++) {
    let t = performance.now();
    for (const f of files) parse(readFileSync(f, "utf8"));
    yamlParse.push(performance.now() - t);
    t = performance.now();
    loadContent({ paths: [dir], includeShipped: false });
    cold.push(performance.now() - t);
  }
  const yp = median(yamlParse);
  const c = median(cold);
  rows.push({
    name: `load + validate ${SCENARIOS.toLocaleString("en-US")} scenarios, cold`,
    unit: "ms",
    value: round(c),
    baselineName: "yaml.parse of the same files",
    baseline: round(yp),
    ratio: round(c / yp),
    budget: "≤ 1.3×",
    ok: c / yp <= 1.3,
  });
  // Filled by the bundle, whose code hash keys the entries (src/ through tsx has none).
  const entry = join(await shippedBundle(), "shipped-load.js");
  const { loadContentLazily, DirParseCache: ShippedCache } = (await import(entry)) as typeof ShippedLoad;
  await loadContentLazily({ paths: [dir], includeShipped: false, cache: new ShippedCache(cacheDir) });
  // A warm start is a fresh process with the cache on disk: measure it in one, as a learner meets it.
  const code = `const { loadContentLazily, DirParseCache } = await import(${JSON.stringify(entry)}); const t = performance.now(); const r = await loadContentLazily({ paths: [${JSON.stringify(dir)}], includeShipped: false, cache: new DirParseCache(${JSON.stringify(cacheDir)}) }); const ms = performance.now() - t; if (!r.pack.scenarios.length) process.exit(1); console.log(ms);`;
  const warmRun = () => {
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], { cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`warm load failed: ${r.stderr}`);
    return Number(r.stdout.trim());
  };
  // The first run after a parse builds the pack from the files' entries and stores it whole; every
  // later one reads that (src/content/cache.ts). Each is its own row.
  const storing = warmRun();
  const warm = times(QUICK ? 1 : 11, warmRun);
  const w = median(warm);
  log(`  warm runs: ${warm.map((x) => x.toFixed(0)).join(" ")}`);
  rows.push({
    name: `load + validate ${SCENARIOS.toLocaleString("en-US")} scenarios, warm (parsed cache)`,
    unit: "ms",
    value: round(w),
    baselineName: "cold load",
    baseline: round(c),
    ratio: Math.round((w / c) * 100) / 100,
    budget: "≤ 150 ms",
    ok: w <= 150,
  });
  rows.push({ name: "warm load, the first run after a parse (builds the pack, stores it whole)", unit: "ms", value: round(storing) });
}

function searchBench(rows: Row[], dir: string): void {
  log("search per keystroke …");
  const pack = loadContent({ paths: [dir] }).pack;
  const t0 = performance.now();
  const index = buildIndex(pack);
  const build = performance.now() - t0;
  const queries = ["denied at vpc endpoint", "spike in api call rate", "who did what", "object-level read", "ad-hoc sql over a year", "cloudtrail insigts"];
  const per: number[] = [];
  for (let r = 0; r < (QUICK ? 1 : 3); r++) {
    for (const q of queries) {
      for (let i = 1; i <= q.length; i++) {
        const t = performance.now();
        search(index, q.slice(0, i), 20);
        per.push(performance.now() - t);
      }
    }
  }
  rows.push({
    name: "search per keystroke (median)",
    unit: "ms",
    value: round(median(per)),
    p95: round(pct(per, 0.95)),
    budget: "≤ 16 ms",
    ok: median(per) <= 16,
  });
  rows.push({ name: "search index build (once, off the input path)", unit: "ms", value: round(build) });
}

function drill(rows: Row[], dataDir: string): void {
  log(`drill queue with ${REVIEWS.toLocaleString("en-US")} reviews …`);
  const pack = loadContent({}).pack;
  const deck = buildDeck(pack);
  const store = SqliteStore.open(dataDir);
  const t0 = Date.UTC(2024, 0, 1);
  const answerMs: number[] = [];
  for (let i = 0; i < REVIEWS; i++) {
    const card = deck[i % deck.length]!;
    const now = t0 + i * 600_000;
    const t = performance.now();
    const rating = (((i * 7) % 4) + 1) as Grade;
    store.answer(
      {
        cardId: card.id,
        answerHash: card.answerHash,
        rating,
        now,
        elapsedMs: 5000,
        ...(rating === 1 ? { chosen: "data-events" } : {}),
        params: paramsFor({ retention: 0.9 }, now),
      },
      fsrsStep,
    );
    if (i % 97 === 0) answerMs.push(performance.now() - t);
  }
  store.close();
  const now = t0 + REVIEWS * 600_000;
  const q = times(QUICK ? 1 : RUNS, () => {
    const t = performance.now();
    const s = SqliteStore.open(dataDir);
    const misconceptions = new Set(s.wrongPicks(2).map((p) => p.cardId));
    buildQueue(deck, s.cardCache(), { now, newPerDay: 20, newToday: s.newCardsSince(now - 86_400_000), misconceptions });
    const ms = performance.now() - t;
    s.close();
    return ms;
  });
  rows.push({
    name: `drill queue (open store, misconceptions, build) with ${REVIEWS.toLocaleString("en-US")} reviews`,
    unit: "ms",
    value: round(median(q)),
    budget: "≤ 50 ms",
    ok: median(q) <= 50,
  });
  rows.push({
    name: "record one answer (one transaction)",
    unit: "ms",
    value: round(median(answerMs)),
    p95: round(pct(answerMs, 0.95)),
    budget: "≤ 5 ms",
    ok: median(answerMs) <= 5,
  });
}

/**
 * Per-keystroke latency of the Ink screens (in colour, from the shipped bundle: see `shipped`), from
 * writing a key to the frame it brings, with the 10,000-scenario pack and a store of 100,000 reviews over its cards: Home (↓ ↑ on the menu, with
 * the due count known), Quiz and Drill (↓ ↑ over the choices), Exam (next / previous question) and
 * Search (typing a query and deleting it again; the frame waited for is the one that shows that
 * query's results, so deferring the search would not shorten it). Each screen first takes a round of
 * unmeasured keys (compiling the code paths a typist then repeats). Besides the wall-clock time, the
 * CPU time the process spent per key (process.cpuUsage: every thread, garbage collection included,
 * none of the time spent waiting for a core), which a busy machine inflates far less.
 */
async function keystrokes(rows: Row[], dir: string, dataDir: string): Promise<void> {
  log(`per-keystroke latency on Home, Quiz, Drill, Exam, Search (${REVIEWS.toLocaleString("en-US")} reviews) …`);
  // The screens as the CLI ships them (see `shipped`).
  const { render, createElement, App, KIND_LABELS } = await shipped();
  const pack = loadContent({ paths: [dir] }).pack;
  const index = buildIndex(pack);
  const deck = buildDeck(pack);
  const store = SqliteStore.open(dataDir);
  const t0 = Date.now() - REVIEWS * 60_000;
  for (let i = 0; i < REVIEWS; i++) {
    const card = deck[i % deck.length]!;
    const now = t0 + i * 60_000;
    store.answer(
      { cardId: card.id, answerHash: card.answerHash, rating: (((i * 7) % 4) + 1) as Grade, now, elapsedMs: 5000, params: paramsFor({ retention: 0.9 }, now) },
      fsrsStep,
    );
  }
  const progress: ProgressPort = {
    recordAttempt: (a) => store.recordAttempt(a),
    attempts: (n) => store.attempts(n),
    dueCount: (now) => dueCount(deck, store.cardCache(), now.getTime()),
    study: store,
  };
  const DOWN = "\u001B[B";
  const UP = "\u001B[A";
  const query = "denied at vpc endpoint";
  const screens: Array<{
    name: string;
    screen: "home" | "quiz" | "drill" | "exam" | "search";
    params: Record<string, unknown>;
    keys: string[];
    ready: RegExp;
    /** What the frame after key `i` (0-based, over the whole run) must show; else any new frame. */
    shows?: (i: number) => string | RegExp;
  }> = [
    { name: "Home", screen: "home", params: {}, keys: [DOWN, UP], ready: /due for drill/ },
    {
      name: "Quiz",
      screen: "quiz",
      params: { questions: buildQuiz(pack, { seed: 1, count: 20, kinds: ["scenario"] }) },
      keys: [DOWN, UP],
      ready: /question 1 of 20/,
    },
    { name: "Drill", screen: "drill", params: { topic: pack.scenarios[0]!.domain }, keys: [DOWN, UP], ready: /Drill · card 1 of/ },
    {
      name: "Exam",
      screen: "exam",
      params: { questions: buildQuiz(pack, { seed: 2, count: 20, kinds: ["scenario"] }), tickMs: 3_600_000 },
      keys: ["n", "p"],
      ready: /question 1 of 20/,
    },
    {
      name: "Search",
      screen: "search",
      params: {},
      keys: [...query.split(""), ...query.split("").map(() => "\u007F")],
      ready: /e\.g\. denied/,
      shows: (i) => {
        // After key i the query is the first k letters (typing, then deleting); the screen lists
        // up to 25 hits (a 30-row window): the frame must show their count and the first title.
        const at = (i % (2 * query.length)) + 1;
        const q = query.slice(0, at <= query.length ? at : 2 * query.length - at);
        const hits = q.trim() ? search(index, q, 25) : [];
        if (!q.trim()) return "e.g. denied at vpc endpoint";
        if (!hits.length) return "no match";
        const title = hits[0]!.title
          .replace(/\s+/g, " ")
          .slice(0, 30)
          .replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        return new RegExp(`${hits.length} hits\\n\\n${MARK.pointer} ${KIND_LABELS[hits[0]!.kind]} +${title}`);
      },
    },
  ];
  const presses = QUICK ? 10 : 200;
  const plain = (f: string | undefined) => (f ?? "").replace(/\u001B\[[0-9;]*m/g, "");
  const until = async (check: () => boolean, ms: number) => {
    const end = performance.now() + ms;
    while (!check()) {
      if (performance.now() > end) return false;
      await new Promise((r) => setImmediate(r));
    }
    return true;
  };
  try {
    for (const s of screens) {
      const app = render(createElement(App, { pack, progress, color: true, size: { width: 100, height: 30 }, screen: s.screen, params: s.params }));
      if (!(await until(() => s.ready.test(plain(app.lastFrame())), 60_000))) throw new Error(`${s.name} never showed ${s.ready}:\n${plain(app.lastFrame())}`);
      if (!app.lastFrame()?.includes("\u001B[")) throw new Error(`${s.name} drew no colour: the figures would not be a terminal's`);
      await new Promise((r) => setTimeout(r, 50));
      const warm = s.keys.length * Math.ceil((QUICK ? 2 : 20) / s.keys.length);
      const per: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < warm + presses; i++) {
        const key = s.keys[i % s.keys.length]!;
        const before = app.frames.length;
        const want = s.shows?.(i);
        const c = process.cpuUsage();
        const t = performance.now();
        app.stdin.write(key);
        const ok = await until(
          () =>
            app.frames.length > before &&
            (want === undefined || (typeof want === "string" ? plain(app.lastFrame()).includes(want) : want.test(plain(app.lastFrame())))),
          5_000,
        );
        if (!ok) throw new Error(`${s.name}: no frame${want ? ` showing ${JSON.stringify(want)}` : ""} after a key:\n${plain(app.lastFrame())}`);
        const ms = performance.now() - t;
        const used = process.cpuUsage(c);
        if (i >= warm) {
          per.push(ms);
          cpu.push((used.user + used.system) / 1000);
        }
        // Let the render's effects settle, as a typist's gap between keys would.
        await new Promise((r) => setTimeout(r, 2));
      }
      app.unmount();
      for (const [what, xs] of [
        ["keystroke to frame", per],
        ["keystroke CPU time", cpu],
      ] as const)
        rows.push({
          name: `${what}, ${s.name}`,
          unit: "ms",
          value: round(median(xs)),
          p95: round(pct(xs, 0.95)),
          budget: "p95 ≤ 16 ms",
          ok: pct(xs, 0.95) <= 16,
        });
    }
  } finally {
    store.close();
  }
}

/** Peak RSS of the built CLI answering a search over the pack: cold (parsing) and warm (cache). */
function memory(rows: Row[], dir: string, env: NodeJS.ProcessEnv): void {
  log("peak memory …");
  const time = "/usr/bin/time";
  const peak = (cmd: string[]) => {
    const r = spawnSync(time, ["-f", "%M", ...cmd], { encoding: "utf8", env });
    const kb = Number(r.stderr.trim().split("\n").pop());
    if (r.status !== 0 || !Number.isFinite(kb)) throw new Error(`${cmd.join(" ")} failed: ${r.stderr.slice(-300)}`);
    return kb / 1024;
  };
  if (spawnSync(time, ["-f", "%M", "true"]).status !== 0) {
    log("  (skipped: /usr/bin/time is not installed)");
    return;
  }
  const base = peak(["node", "-e", "0"]);
  const search = ["node", CLI, "search", "denied endpoint", "--content", dir, "--json"];
  const cold = peak(search);
  const warm = median(times(QUICK ? 1 : 3, () => peak(search)));
  rows.push({
    name: `peak RSS, ${SCENARIOS.toLocaleString("en-US")} scenarios + search index, first run (parsing)`,
    unit: "MB",
    value: round(cold),
    baselineName: "node -e 0",
    baseline: round(base),
    ratio: round(cold / base),
    budget: "≤ 200 MB",
    ok: cold <= 200,
  });
  rows.push({
    name: `peak RSS, ${SCENARIOS.toLocaleString("en-US")} scenarios + search index, warm`,
    unit: "MB",
    value: round(warm),
    baselineName: "node -e 0",
    baseline: round(base),
    ratio: round(warm / base),
    budget: "≤ 200 MB",
    ok: warm <= 200,
  });
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "ctt-bench-"));
  const packDir = join(work, "pack");
  writePack(packDir, generatePack({ scenarios: SCENARIOS, seed: 1 }));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: "1",
    CLOUDTRAIL_TUTOR_DATA: join(work, "data"),
    CLOUDTRAIL_TUTOR_CACHE: join(work, "cache-cli"),
    TERM: "xterm-256color",
  };
  delete env.CI;
  const rows: Row[] = [];
  try {
    if (ONLY.has("startup")) await startup(rows, env);
    if (ONLY.has("load")) await load(rows, packDir, join(work, "cache"));
    if (ONLY.has("search")) searchBench(rows, packDir);
    if (ONLY.has("drill")) drill(rows, join(work, "drill"));
    if (ONLY.has("keystrokes")) await keystrokes(rows, packDir, join(work, "keys"));
    if (ONLY.has("memory")) memory(rows, packDir, { ...env, CLOUDTRAIL_TUTOR_CACHE: join(work, "cache-mem") });
    if (ONLY.has("report")) reportBench(rows, QUICK, median);
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(SHIPPED_DIR, { recursive: true, force: true });
  }
  if (JSON_OUT) {
    process.stdout.write(JSON.stringify({ date: new Date().toISOString(), node: process.version, quick: QUICK, rows }, null, 2) + "\n");
    return;
  }
  const w = Math.max(...rows.map((r) => r.name.length));
  const fmt = (r: Row) =>
    `${r.name.padEnd(w)}  ${`${r.value} ${r.unit}`.padStart(10)}${r.p95 !== undefined ? `  p95 ${r.p95}` : ""}${r.baseline !== undefined ? `  vs ${r.baselineName} ${r.baseline} ${r.unit} = ${r.ratio}×` : ""}${r.budget ? `  budget ${r.budget} ${r.ok ? "✓" : "✗ MISSED"}` : ""}`;
  process.stdout.write(rows.map(fmt).join("\n") + "\n");
}

await main();
