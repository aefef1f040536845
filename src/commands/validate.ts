import { formatProblems } from "../content/format.js";
import { lintPack } from "../content/lint.js";
import { resolve } from "node:path";
import { loadContent, shippedContentDir } from "../content/load.js";
import { validationReport } from "../content/validate.js";
import { parseFlags } from "../shell/args.js";
import { writeJson, writeLine } from "../shell/context.js";
import { paintFor } from "../shell/paint.js";
import type { Command } from "./types.js";

export const command: Command = {
  summary: "check content packs: schema, references, safety (exit 1 on errors)",
  usage: `Usage: cloudtrail-tutor validate [PATH…] [--json]

Checks content files the way the tutor reads them and reports every problem with file:line:col,
the source line, and how to fix it. With no PATH, checks the shipped pack and any --content dirs.
A PATH is checked together with the shipped pack (so it may use its services, event types and
domains); --standalone checks it alone.

  --json         print {"ok","errors","warnings","counts"} only
  --standalone   do not load the shipped pack alongside PATH

Exit status: 0 no errors (warnings allowed), 1 errors, 2 bad usage.`,
  async run(ctx) {
    const { values, positionals } = parseFlags({ json: { type: "boolean" }, standalone: { type: "boolean" } }, ctx.args, "validate");
    const paths = [...ctx.globals.content, ...positionals];
    const loaded = loadContent({ paths, includeShipped: !values.standalone, cwd: ctx.cwd });
    const { pack } = loaded;
    // Checking an author's PATH: their warnings, not the shipped pack's.
    const shipped = shippedContentDir();
    const mine = (file: string) => !paths.length || values.standalone || !resolve(ctx.cwd, file).startsWith(shipped);
    const problems = [...loaded.problems, ...lintPack(pack).filter((w) => mine(w.file))];
    const report = validationReport(pack, problems);
    if (values.json) {
      writeJson(ctx.stdout, report);
      return report.ok ? 0 : 1;
    }
    const paint = paintFor(ctx.globals.color && Boolean(ctx.stdout.isTTY));
    if (problems.length > 0) writeLine(ctx.stdout, formatProblems(problems, paint) + "\n");
    const c = report.counts;
    const summary = `${c.scenarios} scenarios, ${c.facts} facts, ${c.services} services, ${c.eventTypes} event types, ${c.actions} actions`;
    if (report.ok) {
      writeLine(ctx.stdout, `${paint.bold("✓")} ${summary}: no errors${report.warnings.length ? `, ${report.warnings.length} warning(s)` : ""}`);
      return 0;
    }
    const files = new Set(report.errors.map((e) => e.file)).size;
    writeLine(ctx.stdout, `${paint.red("✗")} ${report.errors.length} error(s)${report.warnings.length ? `, ${report.warnings.length} warning(s)` : ""} in ${files} file(s) (${summary} loaded)`);
    return 1;
  },
};
