// `cloudtrail-tutor report items FILES…`: an instructor merges the class's `export attempts` files
// and sees, per item, how many answered, facility, discrimination and each distractor's picks, with
// likely miskeyed items and unused distractors flagged; the same per domain.
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { allQuestions, createRng } from "../quiz/index.js";
import { AttemptsFileError, parseAttempts, type AttemptRow } from "../report/attempts.js";
import { itemReport, METHOD, MIN_LEARNERS_FOR_FLAGS } from "../report/items.js";
import { parseFlags } from "../shell/args.js";
import { writeJson, writeLine } from "../shell/context.js";
import { UsageError, UserError } from "../shell/errors.js";
import { paintOf } from "../shell/paint.js";
import { loadForLearner } from "./learner-pack.js";
import type { Command } from "./types.js";

/** One learner's export is small; a class of 1,000 learners' is still well under this per file. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

export const command: Command = {
  summary: "item statistics from a class's exported attempts: facility, discrimination, distractors",
  usage: `Usage: cloudtrail-tutor report items FILE… [--json]

Merges any number of 'cloudtrail-tutor export attempts' files (CSV or JSON, one per learner or
already merged) and prints per item: learners who answered, facility (share correct),
discrimination and how often each distractor was picked, then the same per domain.

Method: ${METHOD}.
Flagged: negative discrimination (likely miskeyed or ambiguous), and with ${MIN_LEARNERS_FOR_FLAGS} or more learners,
a distractor no one picked (it is not doing its job). Distractors are read from the current pack.

  --json   {"learners","answers","method","items":[{"item","domain","learners","facility",
           "discrimination","distractors":[{"option","picks","share"}],"flags"}],"domains":[…]}`,
  async run(ctx) {
    const { values, positionals } = parseFlags({ json: { type: "boolean" } }, ctx.args, "report");
    if (positionals[0] !== "items") throw new UsageError("report what? write: cloudtrail-tutor report items FILE…");
    const files = positionals.slice(1);
    if (!files.length)
      throw new UsageError(
        "report items needs at least one exported attempts file",
        "each learner makes one with 'cloudtrail-tutor export attempts --out NAME.csv'",
      );
    const rows: AttemptRow[] = [];
    for (const file of files) {
      const path = resolve(ctx.cwd, file);
      let text: string;
      try {
        const st = statSync(path);
        if (!st.isFile()) throw new UserError(`'${file}' is not a regular file`);
        if (st.size > MAX_FILE_BYTES)
          throw new UserError(`'${file}' is ${(st.size / 1048576).toFixed(1)} MiB; the limit is ${MAX_FILE_BYTES / 1048576} MiB per file`);
        text = readFileSync(path, "utf8");
      } catch (err) {
        if (err instanceof UserError) throw err;
        throw new UserError(`cannot read '${file}' (${(err as NodeJS.ErrnoException).code ?? "error"})`);
      }
      try {
        rows.push(...parseAttempts(text, file));
      } catch (err) {
        if (err instanceof AttemptsFileError) throw new UserError(err.message, "files come from 'cloudtrail-tutor export attempts'; CSV or JSON");
        throw err;
      }
    }
    const pack = await loadForLearner(ctx);
    const wrong = new Map(allQuestions(pack, createRng(0)).map((q) => [q.id, q.choices.filter((c) => !c.correct).map((c) => c.id)]));
    const report = itemReport(rows, { distractorsOf: (id) => wrong.get(id) });
    if (values.json) {
      writeJson(ctx.stdout, report);
      return 0;
    }
    const paint = paintOf(ctx, ctx.stdout);
    const pct = (x: number) => `${Math.round(x * 100)}%`.padStart(4);
    const disc = (x: number | null) => (x === null ? "   –" : x.toFixed(2).padStart(5));
    writeLine(ctx.stdout, `${report.learners} learner${report.learners === 1 ? "" : "s"}, ${report.answers} first answers, ${report.items.length} items.`);
    writeLine(ctx.stdout, paint.dim(`Method: ${report.method}.`));
    writeLine(ctx.stdout, "");
    writeLine(ctx.stdout, paint.bold(`${"item".padEnd(48)} ${"n".padStart(5)} ${"facil".padStart(5)} ${"discr".padStart(5)}  distractor picks`));
    for (const it of report.items) {
      const picks = it.distractors.map((d) => `${d.option} ${d.picks}`).join(", ");
      const line = `${it.item.length > 48 ? it.item.slice(0, 47) + "…" : it.item.padEnd(48)} ${String(it.learners).padStart(5)} ${pct(it.facility).padStart(5)} ${disc(it.discrimination)}  ${picks}`;
      writeLine(ctx.stdout, it.flags.length ? paint.yellow(line) : line);
      for (const f of it.flags) writeLine(ctx.stdout, paint.yellow(`    ⚑ ${f}`));
    }
    writeLine(ctx.stdout, "");
    writeLine(ctx.stdout, paint.bold(`${"domain".padEnd(48)} ${"items".padStart(5)} ${"facil".padStart(5)} ${"discr".padStart(5)}`));
    for (const d of report.domains)
      writeLine(ctx.stdout, `${d.domain.padEnd(48)} ${String(d.items).padStart(5)} ${pct(d.facility).padStart(5)} ${disc(d.discrimination)}`);
    return 0;
  },
};
