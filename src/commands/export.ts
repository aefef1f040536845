// `cloudtrail-tutor export progress|anki|reviews` and `import progress FILE`.
import { writeFileSync } from "node:fs";
import { INPUT_LIMITS, readUserFile } from "../shell/read-capped.js";
import { resolve } from "node:path";
import { ankiTsv, fsrsCsv } from "../srs/export.js";
import { parseFlags } from "../shell/args.js";
import { writeLine } from "../shell/context.js";
import { UsageError, UserError } from "../shell/errors.js";
import type { ProgressExport } from "../store/sqlite.js";
import { loadForLearner } from "./learner-pack.js";
import { openStore } from "./progress.js";
import type { Command } from "./types.js";

const KINDS = ["progress", "anki", "reviews"];

export const command: Command = {
  summary: "export progress (JSON), cards for Anki (TSV) or the review log for the FSRS optimizer (CSV)",
  usage: `Usage: cloudtrail-tutor export progress|anki|reviews [--out FILE]

  progress   the whole review log, attempts and settings as JSON ('import progress FILE' merges it back)
  anki       every card as a TSV Anki's File › Import reads; re-importing updates notes in place
  reviews    the review log as CSV in the FSRS optimizer's columns (card_id, review_time, review_rating,
             review_state, review_duration), to fit personal parameters (--csv is accepted: CSV is its format)
  --out FILE write there instead of stdout`,
  async run(ctx) {
    const { values, positionals } = parseFlags({ out: { type: "string" }, csv: { type: "boolean" } }, ctx.args, "export");
    const kind = positionals[0];
    if (!kind || !KINDS.includes(kind)) throw new UsageError(`export what? one of ${KINDS.join(", ")}`, "e.g. cloudtrail-tutor export progress --out progress.json");
    let text: string;
    if (kind === "anki") text = ankiTsv(await loadForLearner(ctx));
    else {
      const store = openStore(ctx);
      try {
        text = kind === "progress" ? JSON.stringify(store.exportProgress(), null, 2) + "\n" : fsrsCsv(store.reviews());
      } finally {
        store.close();
      }
    }
    if (values.out) {
      try {
        writeFileSync(resolve(ctx.cwd, values.out), text);
      } catch (err) {
        throw new UserError(`cannot write '${values.out}' (${(err as NodeJS.ErrnoException).code ?? "error"})`);
      }
      writeLine(ctx.stderr, `Wrote ${values.out}.`);
    } else ctx.stdout.write(text);
    return 0;
  },
};

export const importCommand: Command = {
  summary: "merge an exported progress file (never duplicates a review)",
  usage: `Usage: cloudtrail-tutor import progress FILE

Merges the reviews and attempts of FILE (from 'export progress') into your store. Reviews already
present are skipped, so importing twice changes nothing; card schedules are then rebuilt from the log.`,
  async run(ctx) {
    const { positionals } = parseFlags({}, ctx.args, "import");
    if (positionals[0] !== "progress" || !positionals[1]) throw new UsageError("write: cloudtrail-tutor import progress FILE");
    const file = positionals[1];
    let doc: ProgressExport;
    try {
      doc = JSON.parse(readUserFile(ctx.cwd, file, INPUT_LIMITS.progress)) as ProgressExport;
    } catch (err) {
      if (err instanceof UserError) throw err;
      throw new UserError(`cannot read '${file}' as JSON (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    if (doc?.format !== "cloudtrail-tutor-progress" || !Array.isArray(doc.reviews) || !Array.isArray(doc.attempts)) {
      throw new UserError(`'${file}' is not a cloudtrail-tutor progress export`, "make one with 'cloudtrail-tutor export progress --out FILE'");
    }
    const store = openStore(ctx);
    try {
      const r = store.importProgress(doc);
      writeLine(ctx.stdout, `Imported ${r.reviewsAdded} new review${r.reviewsAdded === 1 ? "" : "s"} and ${r.attemptsAdded} attempt${r.attemptsAdded === 1 ? "" : "s"} (${doc.reviews.length - r.reviewsAdded} already present).`);
      return 0;
    } finally {
      store.close();
    }
  },
};
