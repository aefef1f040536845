import {
  byPosition,
  formatEditorLine,
  formatProblems,
  lintPack,
  loadContent,
  originKey,
  type Pack,
  type ParseCache,
  type Problem,
  shippedContentDir,
  validationReport,
} from "../content/load.js";
import { existsSync, readdirSync, statSync, watch, type Dirent, type FSWatcher } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { changedAnswers } from "../srs/index.js";
import { defaultDataDir, STORE_FILE } from "../store/index.js";
import { contentCache } from "./learner-pack.js";
import { catalogCounts } from "../simulator/catalog.js";
import { parseFlags } from "../shell/args.js";
import { writeJson, writeLine, type CommandContext } from "../shell/context.js";
import { UsageError } from "../shell/errors.js";
import { paintOf } from "../shell/paint.js";
import type { Command } from "./types.js";

export const command: Command = {
  summary: "check content packs: schema, references, safety (exit 1 on errors)",
  usage: `Usage: cloudtrail-tutor validate [PATH…] [--json]

Checks content files the way the tutor reads them and reports every problem with file:line:col,
the source line, and how to fix it. With no PATH, checks the shipped pack and any --content dirs.
A PATH is checked together with the shipped pack (so it may use its services, event types and
domains); --standalone checks it alone.

  --json         print {"ok","errors","warnings","counts","catalog"} only (catalog: the simulator's
                 actions by data-event resource type and by network-activity event source)
  --standalone   do not load the shipped pack alongside PATH
  --watch        re-check PATH on every save and print only what changed, as
                 file:line:col: severity CODE message lines your editor can open

Exit status: 0 no errors (warnings allowed), 1 errors, 2 bad usage.`,
  async run(ctx) {
    const { values, positionals } = parseFlags(
      { json: { type: "boolean" }, standalone: { type: "boolean" }, watch: { type: "boolean" } },
      ctx.args,
      "validate",
    );
    const paths = [...ctx.globals.content, ...positionals];
    const cache = contentCache(ctx);
    const check = () => checkContent(ctx.cwd, paths, values.standalone === true, cache);
    if (values.watch) {
      if (!positionals.length) throw new UsageError("--watch needs the PATH to watch", "e.g. cloudtrail-tutor validate --watch my-pack/");
      return watchContent(ctx, positionals, check);
    }
    const checked = check();
    const { pack } = checked;
    const problems = [...checked.problems, ...(await answerChangeWarnings(ctx, pack))];
    const report = validationReport(pack, problems);
    const catalog = catalogCounts(pack);
    if (values.json) {
      writeJson(ctx.stdout, { ...report, catalog });
      return report.ok ? 0 : 1;
    }
    const paint = paintOf(ctx, ctx.stdout);
    if (problems.length > 0) writeLine(ctx.stdout, formatProblems(problems, paint) + "\n");
    const c = report.counts;
    const summary = `${c.scenarios} scenarios, ${c.facts} facts, ${c.services} services, ${c.eventTypes} event types, ${c.actions} actions`;
    writeLine(
      ctx.stdout,
      `simulator catalog: ${catalog.actions} actions; ${catalog.resourceTypes} data-event resource types (${catalog.resourceTypesWithAction} named by an action, ${catalog.resourceTypesOnlyByArn} more reached only through a call's ARN); ${catalog.networkActivitySources} network-activity event sources (${catalog.networkActivitySourcesWithAction} with an action)`,
    );
    if (report.ok) {
      writeLine(ctx.stdout, `${paint.bold("✓")} ${summary}: no errors${report.warnings.length ? `, ${report.warnings.length} warning(s)` : ""}`);
      return 0;
    }
    const files = new Set(report.errors.map((e) => e.file)).size;
    writeLine(
      ctx.stdout,
      `${paint.red("✗")} ${report.errors.length} error(s)${report.warnings.length ? `, ${report.warnings.length} warning(s)` : ""} in ${files} file(s) (${summary} loaded)`,
    );
    return 1;
  },
};

/** Load PATHs (with the shipped pack unless standalone) and lint: an author's warnings only, not the shipped pack's. */
function checkContent(cwd: string, paths: string[], standalone: boolean, cache: ParseCache | undefined): { pack: Pack; problems: Problem[] } {
  const loaded = loadContent({ paths, includeShipped: !standalone, cwd, ...(cache ? { cache } : {}) });
  const shipped = shippedContentDir();
  const mine = (file: string) => !paths.length || standalone || !resolve(cwd, file).startsWith(shipped);
  return { pack: loaded.pack, problems: [...loaded.problems, ...lintPack(loaded.pack).filter((w) => mine(w.file))] };
}

/** Problems as editor lines, and what changed since the last run. Pure. */
export function diffProblems(before: ReadonlySet<string>, now: readonly Problem[]): { lines: Set<string>; added: string[]; fixed: string[] } {
  const lines = new Set([...now].sort(byPosition).map(formatEditorLine));
  return { lines, added: [...lines].filter((l) => !before.has(l)), fixed: [...before].filter((l) => !lines.has(l)) };
}

/** Re-validate on every save; print only what changed, as file:line:col lines editors make clickable,
 * each with the hint a one-shot `validate` gives. Editors save by writing a new file and renaming it
 * over the old one (and `sed -i` does the same), which detaches a watch on the file itself: so the
 * watch is on each root's directory, filtered to content files, and a stat poll of the files backs
 * it up on file systems where directory events do not arrive. */
async function watchContent(ctx: CommandContext, roots: string[], check: () => { pack: Pack; problems: Problem[] }): Promise<number> {
  let last = new Set<string>();
  let seen = "";
  const run = async () => {
    seen = signature();
    const { pack, problems: found } = check();
    const problems = [...found, ...(await answerChangeWarnings(ctx, pack))];
    const d = diffProblems(last, problems);
    const now = new Map(problems.filter((p) => p.hint).map((p) => [formatEditorLine(p), p.hint!]));
    const stamp = new Date().toLocaleTimeString("en-GB");
    for (const l of d.added) {
      writeLine(ctx.stdout, l);
      if (now.has(l)) writeLine(ctx.stdout, `    hint: ${now.get(l)}`);
    }
    for (const l of d.fixed) writeLine(ctx.stdout, `fixed: ${l}`);
    const errors = problems.filter((p) => p.severity === "error").length;
    writeLine(
      ctx.stdout,
      `[${stamp}] ${errors} error(s), ${problems.length - errors} warning(s)${d.added.length || d.fixed.length ? "" : " (no change)"} — watching ${roots.join(", ")} (Ctrl+C stops)`,
    );
    last = d.lines;
  };
  const targets = roots.map((root) => {
    const abs = resolve(ctx.cwd, root);
    const isDir = existsSync(abs) && statSync(abs).isDirectory();
    return { dir: isDir ? abs : dirname(abs), file: isDir ? undefined : basename(abs) };
  });
  const relevant = (t: (typeof targets)[number], name: string | null) =>
    t.file ? name === null || basename(name) === t.file : name === null || /\.ya?ml$/i.test(name);
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => (running = running.then(run)), 80);
  };
  // Watch first, then check: a save between the first report and the watch would be missed.
  const watchers: FSWatcher[] = [];
  for (const t of targets) {
    try {
      const w = watch(t.dir, { recursive: !t.file }, (_event, name) => {
        if (relevant(t, name)) schedule();
      });
      w.on("error", () => undefined);
      watchers.push(w);
    } catch {
      // No directory events here (or the directory is gone): the poll below still sees saves.
    }
  }
  const signature = () => {
    const parts: string[] = [];
    for (const t of targets) {
      for (const f of t.file ? [join(t.dir, t.file)] : listYaml(t.dir)) {
        try {
          const st = statSync(f);
          parts.push(`${f}:${st.ino}:${st.size}:${st.mtimeMs}`);
        } catch {
          parts.push(`${f}:gone`);
        }
      }
    }
    return parts.join("|");
  };
  const poll = setInterval(() => {
    const now = signature();
    if (now !== seen) {
      seen = now;
      schedule();
    }
  }, POLL_MS);
  await run();
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  for (const w of watchers) w.close();
  clearInterval(poll);
  clearTimeout(timer);
  await running;
  return 0;
}

const POLL_MS = 500;

/** YAML files under a directory (for the watch's poll), skipping hidden folders and node_modules. */
function listYaml(dir: string, depth = 0): string[] {
  if (depth > 8) return [];
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    if (e.name.startsWith(".") || e.name === "node_modules") return [];
    const p = join(dir, e.name);
    if (e.isDirectory()) return listYaml(p, depth + 1);
    return /\.ya?ml$/i.test(e.name) ? [p] : [];
  });
}

/** Warn an author whose edit changes the answer of a card they have drilled: its history restarts. */
async function answerChangeWarnings(ctx: CommandContext, pack: Pack): Promise<Problem[]> {
  const dir = ctx.globals.dataDir ?? defaultDataDir();
  if (!existsSync(join(dir, STORE_FILE))) return [];
  const { readCardHashes } = await import("../store/sqlite.js");
  const drilled = readCardHashes(dir);
  if (!drilled) return [];
  return changedAnswers(pack, drilled).map((c) => {
    const [kind, ...rest] = c.id.split(":");
    const o = pack.origins.get(originKey(kind!, rest.join(":")));
    return {
      file: o?.file ?? "",
      line: o?.line ?? 0,
      col: o?.col ?? 0,
      code: "ANSWER_CHANGED",
      message: `${kind} '${rest.join(":")}' has a new answer since it was drilled: its drill history restarts`,
      hint: "that is right when the old answer was wrong; if you only meant to reword it, keep the answer (and accept) as it was",
      severity: "warning" as const,
    };
  });
}
