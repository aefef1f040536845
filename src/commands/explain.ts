// `cloudtrail-tutor explain FILE`: classify real CloudTrail records by the rules and the catalog,
// say what configuration records each and whether Event History has it, and flag any record whose
// own eventCategory disagrees. The file is read as a stream, one record at a time, and the output
// is written as it goes, so a log of any size runs in little memory.
import { explainLines } from "../present/simulator.js";
import { PLAIN_WIDTH, renderLines } from "../plain/text.js";
import { catalogIndex, explainRecord, ExplainTally, NotCloudTrailError, recordOf, type ExplainedRecord } from "../simulator/explain.js";
import { parseFlags } from "../shell/args.js";
import { UsageError, UserError } from "../shell/errors.js";
import { paintOf } from "../shell/paint.js";
import { visibleInline } from "../shell/sanitize.js";
import { BlockWriter, indentJson } from "../shell/stream-out.js";
import { loadForLearner, needsCatalog } from "./learner-pack.js";
import { streamInputValues } from "./sim-input.js";
import type { Command } from "./types.js";

/** Records shown in the plain report (the summary counts them all). */
const SHOWN = 200;

export const command: Command = {
  summary: "explain real CloudTrail records: category, why, Event History, what records them",
  usage: `Usage: cloudtrail-tutor explain FILE [--json]

FILE holds one record, an array of records, {"Records": [...]} as CloudTrail writes to S3, or one
record per line (.json or .json.gz; read as a stream, so its size does not matter). The category
comes from the catalog and the rules, not from the record's own eventCategory; any disagreement is
reported.

  --json   {"records": [{"eventSource","eventName","category","inEventHistory","because",…}], "summary": {…}}`,
  async run(ctx) {
    const { values, positionals } = parseFlags({ json: { type: "boolean" } }, ctx.args, "explain");
    const file = positionals[0];
    if (!file) throw new UsageError("explain needs a FILE of CloudTrail records");
    const pack = await loadForLearner(ctx);
    needsCatalog(pack);
    const index = catalogIndex(pack);
    const tally = new ExplainTally();
    const shown: ExplainedRecord[] = [];
    const out = new BlockWriter(ctx.stdout);
    let item = 0;
    try {
      for await (const v of streamInputValues(ctx.cwd, file)) {
        const where = v.from === "top" ? `the value at line ${v.line}` : `item ${item}`;
        const e = explainRecord(index, recordOf(v.value, where));
        // The JSON starts with the first good record, so a file that is not records writes nothing.
        if (values.json) await out.write(`${item === 0 ? '{\n  "records": [\n    ' : ",\n    "}${indentJson(e, 4)}`);
        else if (shown.length < SHOWN) shown.push(e);
        tally.add(e);
        item++;
      }
    } catch (err) {
      if (err instanceof NotCloudTrailError)
        throw new UserError(`${visibleInline(file)}: ${err.message}`, 'explain reads CloudTrail records: one, an array, {"Records": [...]} or one per line');
      throw err;
    }
    if (values.json) await out.write(`${item ? "\n  ]" : '{\n  "records": []'},\n  "summary": ${indentJson(tally.summary, 2)}\n}\n`);
    else await out.write(renderLines(explainLines(shown, tally.summary, PLAIN_WIDTH, SHOWN, tally.summary.total), paintOf(ctx, ctx.stdout)) + "\n");
    await out.flush();
    return 0;
  },
};
