// `cloudtrail-tutor explain FILE`: classify real CloudTrail records by the rules and the catalog,
// say what configuration records each and whether Event History has it, and flag any record whose
// own eventCategory disagrees.
import { explainLines } from "../present/simulator.js";
import { PLAIN_WIDTH, renderLines } from "../plain/text.js";
import { explainRecords, NotCloudTrailError, recordsOf } from "../simulator/index.js";
import { parseFlags } from "../shell/args.js";
import { writeJson, writeLine } from "../shell/context.js";
import { UsageError, UserError } from "../shell/errors.js";
import { paintOf } from "../shell/paint.js";
import { loadForLearner, needsCatalog } from "./learner-pack.js";
import { readInputFile } from "./sim-input.js";
import type { Command } from "./types.js";

export const command: Command = {
  summary: "explain real CloudTrail records: category, why, Event History, what records them",
  usage: `Usage: cloudtrail-tutor explain FILE [--json]

FILE holds one record, an array of records, or {"Records": [...]} as CloudTrail writes to S3
(.json or .json.gz). The category comes from the catalog and the rules, not from the record's own
eventCategory; any disagreement is reported.

  --json   {"records": [{"eventSource","eventName","category","inEventHistory","because",…}], "summary": {…}}`,
  async run(ctx) {
    const { values, positionals } = parseFlags({ json: { type: "boolean" } }, ctx.args, "explain");
    const file = positionals[0];
    if (!file) throw new UsageError("explain needs a FILE of CloudTrail records");
    const pack = await loadForLearner(ctx);
    needsCatalog(pack);
    const text = readInputFile(ctx.cwd, file);
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (err) {
      throw new UserError(`${file}: not JSON (${(err as Error).message})`, "give a CloudTrail log file (.json or .json.gz) or a record copied from the console");
    }
    let records;
    try {
      records = recordsOf(doc);
    } catch (err) {
      if (err instanceof NotCloudTrailError) throw new UserError(`${file}: ${err.message}`, "explain reads CloudTrail records: one, an array, or {\"Records\": [...]}");
      throw err;
    }
    const result = explainRecords(pack, records);
    if (values.json) writeJson(ctx.stdout, result);
    else writeLine(ctx.stdout, renderLines(explainLines(result.records, result.summary, PLAIN_WIDTH), paintOf(ctx, ctx.stdout)));
    return 0;
  },
};
