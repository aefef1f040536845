// `cloudtrail-tutor export progress|anki|reviews` and `import progress FILE`.
import { writeFileSync } from "node:fs";
import { INPUT_LIMITS, readUserFile } from "../shell/read-capped.js";
import { resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { attemptRows, attemptsCsv, attemptsJson } from "../report/attempts.js";
import { ankiDeckOf, ankiTsv, buildDeck, FSRS_DAY_START_HOUR, fsrsCsv, fsrsStep, localTimeZone } from "../srs/index.js";
import { parseFlags } from "../shell/args.js";
import { clockOf, writeLine } from "../shell/context.js";
import { UsageError, UserError } from "../shell/errors.js";
import { ProgressFileError, shown } from "../store/progress-file.js";
import type { ImportReport, SqliteStore } from "../store/sqlite.js";
import { loadForLearner } from "./learner-pack.js";
import { SHIPPED_PACK_ID } from "../packs/manifest.js";
import { openStore } from "./progress.js";
import type { Command } from "./types.js";

const KINDS = ["progress", "anki", "reviews", "attempts"];

export const command: Command = {
  summary: "export progress (JSON), cards for Anki (TSV), the review log for the FSRS optimizer (CSV) or every answer for an instructor",
  usage: `Usage: cloudtrail-tutor export progress|anki|reviews|attempts [--out FILE] [--now TIME]

  progress   as JSON: every review (each with the card state before and after it), quiz and exam
             attempts, and your drill settings (retention, new cards per day, exam date);
             'import progress FILE' merges it into another store (see 'import --help')
  anki       every card as a note for Anki's File › Import: the question the drill asks on the front;
             the answer, why, why not and the source on the back; tags cloudtrail-tutor::KIND,
             ::domain::ID and ::topic::ID. Re-importing updates each note in place (by its GUID)
             and REPLACES its tags with ours: use --keep-tags to keep tags you added in Anki.
    --deck NAME      deck for new notes (default: the chosen pack's title, CloudTrail for the
                     shipped pack; Anki creates it)
    --notetype NAME  your two-field note type, when it is not called 'Basic' (e.g. a collection
                     set up in another language)
    --keep-tags      leave the tags column out: Anki keeps every note's tags as they are
  reviews    the review log as CSV in the FSRS optimizer's columns (card_id, review_time in UTC ms,
             review_rating, review_state, review_duration in ms), to fit personal parameters (--csv
             is accepted: CSV is its format). A card whose answer changed starts afresh under a new
             card_id; cram reviews are left out. When the optimizer asks, give it
               timezone: ${localTimeZone()}   (this machine's; our days are counted in it)
               day start hour: ${FSRS_DAY_START_HOUR}   (our days start at local midnight)
  attempts   every quiz, exam and drill answer with your learner id, pack id and version, item,
             option chosen, correctness and time, for an instructor's 'report items'; CSV, or JSON
             with --json. --learner NAME sets your learner id once (it is stored; without it a
             random id is chosen and kept)
  --out FILE write there instead of stdout
  --now TIME the export's time stamp (ISO 8601; also CLOUDTRAIL_TUTOR_NOW)`,
  async run(ctx) {
    const { values, positionals } = parseFlags(
      {
        out: { type: "string" },
        csv: { type: "boolean" },
        deck: { type: "string" },
        notetype: { type: "string" },
        "keep-tags": { type: "boolean" },
        now: { type: "string" },
        json: { type: "boolean" },
        learner: { type: "string" },
      },
      ctx.args,
      "export",
    );
    const clock = clockOf(ctx, values.now);
    const kind = positionals[0];
    if (!kind || !KINDS.includes(kind))
      throw new UsageError(`export what? one of ${KINDS.join(", ")}`, "e.g. cloudtrail-tutor export progress --out progress.json");
    let text: string;
    if (values.learner !== undefined && kind !== "attempts") throw new UsageError("--learner goes with 'export attempts'");
    if (values.learner !== undefined && !LEARNER_ID.test(values.learner))
      throw new UsageError(`--learner must be 1-64 letters, digits, '.', '_', '@' or '-' (got '${values.learner.slice(0, 40)}')`);
    if (values.json && kind !== "attempts") throw new UsageError("--json goes with 'export attempts' (progress is JSON already)");
    if (kind !== "anki" && (values.deck !== undefined || values.notetype !== undefined || values["keep-tags"])) {
      throw new UsageError("--deck, --notetype and --keep-tags are for 'export anki'");
    }
    if (kind === "anki") {
      const pack = await loadForLearner(ctx);
      text = ankiTsv(pack, {
        deck: values.deck ?? ankiDeckOf(pack, SHIPPED_PACK_ID),
        ...(values.notetype !== undefined ? { notetype: values.notetype } : {}),
        keepTags: values["keep-tags"] === true,
      });
    } else if (kind === "attempts") {
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
    } else {
      const store = openStore(ctx);
      try {
        text = kind === "progress" ? JSON.stringify(store.exportProgress(new Date(clock())), null, 2) + "\n" : fsrsCsv(store.reviews());
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
    if (kind === "reviews") writeLine(ctx.stderr, `For the FSRS optimizer: timezone ${localTimeZone()}, day start hour ${FSRS_DAY_START_HOUR}.`);
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

const SETTING_NAMES: Record<string, string> = { retention: "retention", newPerDay: "new cards per day", examDate: "exam date" };
const MAX_LISTED = 20;

export const importCommand: Command = {
  summary: "merge an exported progress file (never duplicates a review)",
  usage: `Usage: cloudtrail-tutor import progress FILE

Merges FILE (from 'export progress') into your store, in one transaction:
  reviews    every answer not yet in your store (matched by its id, so importing twice changes nothing)
  attempts   quiz and exam results not yet in your store (same rule)
  settings   retention, new cards per day and exam date — each one only if your store has none;
             a setting you already have is kept, and the message says which
Then every card's schedule is rebuilt from the whole review log. Nothing else moves.
Every row is checked first (ratings 1–4, real times, card states that parse, review parameters);
a row that fails is not imported and is listed with the reason, and the exit code is then 1.`,
  async run(ctx) {
    const { positionals } = parseFlags({}, ctx.args, "import");
    if (positionals[0] !== "progress" || !positionals[1]) throw new UsageError("write: cloudtrail-tutor import progress FILE");
    const file = positionals[1];
    const name = shown(file);
    let doc: unknown;
    try {
      doc = JSON.parse(readUserFile(ctx.cwd, file, INPUT_LIMITS.progress));
    } catch (err) {
      if (err instanceof UserError) throw err;
      throw new UserError(`cannot read ${name} as JSON (${shown((err as NodeJS.ErrnoException).code ?? (err as Error).message)})`);
    }
    const store = openStore(ctx);
    try {
      let r: ImportReport;
      try {
        r = store.importProgress(doc, fsrsStep);
      } catch (err) {
        if (err instanceof ProgressFileError) throw new UserError(`${name}: ${err.message}`, "make one with 'cloudtrail-tutor export progress --out FILE'");
        throw err;
      }
      const n = (k: number, what: string) => `${k} ${what}${k === 1 ? "" : "s"}`;
      writeLine(
        ctx.stdout,
        `Imported ${n(r.reviewsAdded, "new review")} and ${n(r.attemptsAdded, "attempt")} (${r.reviewsPresent + r.attemptsPresent} already present).`,
      );
      for (const s of r.settingsRestored) writeLine(ctx.stdout, `Restored your ${SETTING_NAMES[s.key]}: ${s.value}.`);
      for (const s of r.settingsKept) writeLine(ctx.stdout, `Kept your ${SETTING_NAMES[s.key]} ${s.yours} (the file has ${shown(s.theirs)}).`);
      if (!r.refused.length) return 0;
      writeLine(ctx.stderr, `cloudtrail-tutor: refused ${n(r.refused.length, "row")} of ${name} (the rest was imported):`);
      for (const x of r.refused.slice(0, MAX_LISTED)) writeLine(ctx.stderr, `  ${x.where}: ${x.reason}`);
      if (r.refused.length > MAX_LISTED) writeLine(ctx.stderr, `  … and ${r.refused.length - MAX_LISTED} more`);
      return 1;
    } finally {
      store.close();
    }
  },
};
