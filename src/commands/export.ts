// `cloudtrail-tutor export progress|anki|reviews` and `import progress FILE`.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { attemptRows, attemptsCsv, attemptsJson } from "../report/attempts.js";
import { ankiTsv, buildDeck, fsrsCsv, fsrsStep } from "../srs/index.js";
import { parseFlags } from "../shell/args.js";
import { writeLine } from "../shell/context.js";
import { UsageError, UserError } from "../shell/errors.js";
import type { ProgressExport, SqliteStore } from "../store/sqlite.js";
import { loadForLearner } from "./learner-pack.js";
import { openStore } from "./progress.js";
import type { Command } from "./types.js";

const KINDS = ["progress", "anki", "reviews", "attempts"];

export const command: Command = {
  summary: "export progress (JSON), cards for Anki (TSV) or the review log for the FSRS optimizer (CSV)",
  usage: `Usage: cloudtrail-tutor export progress|anki|reviews|attempts [--out FILE]

  progress   the whole review log, attempts and settings as JSON ('import progress FILE' merges it back)
  anki       every card as a TSV Anki's File › Import reads; re-importing updates notes in place
  reviews    the review log as CSV in the FSRS optimizer's columns (card_id, review_time, review_rating,
             review_state, review_duration), to fit personal parameters (--csv is accepted: CSV is its format)
  attempts   every quiz, exam and drill answer with your learner id, pack id and version, item,
             option chosen, correctness and time, for an instructor's 'report items'; CSV, or JSON
             with --json. --learner NAME sets your learner id once (it is stored; without it a
             random id is chosen and kept)
  --out FILE write there instead of stdout`,
  async run(ctx) {
    const { values, positionals } = parseFlags({ out: { type: "string" }, csv: { type: "boolean" }, json: { type: "boolean" }, learner: { type: "string" } }, ctx.args, "export");
    const kind = positionals[0];
    if (!kind || !KINDS.includes(kind)) throw new UsageError(`export what? one of ${KINDS.join(", ")}`, "e.g. cloudtrail-tutor export progress --out progress.json");
    if (values.learner !== undefined && kind !== "attempts") throw new UsageError("--learner goes with 'export attempts'");
    if (values.learner !== undefined && !LEARNER_ID.test(values.learner)) throw new UsageError(`--learner must be 1-64 letters, digits, '.', '_', '@' or '-' (got '${values.learner.slice(0, 40)}')`);
    let text: string;
    if (kind === "anki") text = ankiTsv(await loadForLearner(ctx));
    else if (kind === "attempts") {
      const pack = await loadForLearner(ctx);
      const store = openStore(ctx);
      try {
        const learner = learnerId(store, values.learner);
        const domains = new Map(buildDeck(pack).map((c) => [c.id, c.domain]));
        const rows = attemptRows({ learner, pack: pack.meta.id, packVersion: pack.meta.version }, store.attempts(), store.reviews(), (id) => domains.get(id));
        text = values.json ? attemptsJson(rows) : attemptsCsv(rows);
      } finally {
        store.close();
      }
    }
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

const LEARNER_ID = /^[A-Za-z0-9._@-]{1,64}$/;

/** The learner id kept in the store: chosen once with --learner, else a random one made and kept. */
function learnerId(store: SqliteStore, chosen: string | undefined): string {
  if (chosen !== undefined) {
    store.setSetting("learnerId", chosen);
    return chosen;
  }
  const kept = store.getSetting("learnerId");
  if (kept) return kept;
  const made = `learner-${randomBytes(4).toString("hex")}`;
  store.setSetting("learnerId", made);
  return made;
}

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
      doc = JSON.parse(readFileSync(resolve(ctx.cwd, file), "utf8")) as ProgressExport;
    } catch (err) {
      throw new UserError(`cannot read '${file}' as JSON (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    if (doc?.format !== "cloudtrail-tutor-progress" || !Array.isArray(doc.reviews) || !Array.isArray(doc.attempts)) {
      throw new UserError(`'${file}' is not a cloudtrail-tutor progress export`, "make one with 'cloudtrail-tutor export progress --out FILE'");
    }
    const store = openStore(ctx);
    try {
      const r = store.importProgress(doc, fsrsStep);
      writeLine(ctx.stdout, `Imported ${r.reviewsAdded} new review${r.reviewsAdded === 1 ? "" : "s"} and ${r.attemptsAdded} attempt${r.attemptsAdded === 1 ? "" : "s"} (${doc.reviews.length - r.reviewsAdded} already present).`);
      return 0;
    } finally {
      store.close();
    }
  },
};
