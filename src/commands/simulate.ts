// `cloudtrail-tutor simulate`: which event type records an API call and where it lands, under the
// learner's own trail configuration; `--batch` for coverage of a whole activity log; `simulate
// insights` for the Insights model. The Simulate screen when run in a terminal with no --action.
import type { Pack } from "../content/index.js";
import { insightsLines, simulationLines, coverageLines } from "../present/simulator.js";
import { renderLines, PLAIN_WIDTH } from "../plain/text.js";
import { CoverageTally, eventFromRecord, eventsFromCalls, BatchLineError } from "../simulator/batch.js";
import { findAction, suggestActions } from "../simulator/catalog.js";
import { NO_TRAIL, type SimConfig } from "../simulator/config.js";
import { buildCallContext, ContextError } from "../simulator/context.js";
import { CALLERS, type CallContext } from "../simulator/events.js";
import { catalogIndex, recordOf, NotCloudTrailError } from "../simulator/explain.js";
import { insightsInputFor, insightTypeFor, INSIGHTS_DEFAULTS, modelInsights, type InsightType } from "../simulator/insights.js";
import { PRESET_NAMES, presetConfig } from "../simulator/presets.js";
import { simulate } from "../simulator/simulate.js";
import { intFlag, numberFlag, parseFlags } from "../shell/args.js";
import { isInteractive, writeJson, writeLine, type CommandContext } from "../shell/context.js";
import { UsageError, UserError } from "../shell/errors.js";
import { paintOf } from "../shell/paint.js";
import { visibleInline } from "../shell/sanitize.js";
import { launchTui } from "./interactive.js";
import { loadForLearner, needsCatalog } from "./learner-pack.js";
import { loadConfig, loadCounts, streamInputValues } from "./sim-input.js";
import type { Command } from "./types.js";

const FLAGS = {
  action: { type: "string" },
  resource: { type: "string" },
  region: { type: "string" },
  vpce: { type: "string" },
  "vpce-denied": { type: "boolean" },
  error: { type: "string" },
  caller: { type: "string" },
  config: { type: "string" },
  preset: { type: "string" },
  batch: { type: "string" },
  seed: { type: "string" },
  json: { type: "boolean" },
  // simulate insights
  api: { type: "string" },
  type: { type: "string" },
  baseline: { type: "string" },
  burst: { type: "string" },
  at: { type: "string" },
  duration: { type: "string" },
  minutes: { type: "string" },
  noise: { type: "string" },
  counts: { type: "string" },
} as const;

export const command: Command = {
  summary: "which event type records an API call, and where it lands under your trail configuration",
  usage: `Usage: cloudtrail-tutor simulate --action PREFIX:EventName [context] [--config FILE | --preset NAME] [--json]
       cloudtrail-tutor simulate --batch FILE [--config FILE | --preset NAME] [--json]
       cloudtrail-tutor simulate insights [--api PREFIX:EventName] [model flags] [--json]
       cloudtrail-tutor simulate                     (the Simulate screen, in a terminal)

Context:
  --resource ARN      the resource acted on (default: an example of the action's resource type)
  --region R          the call's Region (default us-east-1)
  --caller C          ${CALLERS.join(", ")} (default same-account)
  --vpce VPCE_ID      the call went through this VPC endpoint
  --vpce-denied       ...and the endpoint policy denied it
  --error CODE        the call failed with this error code
Configuration (AWS's own field names; no file means no trail, only Event History):
  --config FILE       YAML or JSON: {trails: [...], eventDataStores: [...]} or describe-trails output
  --preset NAME       ${PRESET_NAMES.join(", ")}
Batch:
  --batch FILE        JSON lines of {"action","resource","region","vpce","vpceDenied","error","caller"},
                      or CloudTrail records (one, an array, {"Records": [...]}, .json.gz): coverage report
Insights model:
  --api A  --type ApiCallRateInsight|ApiErrorRateInsight (default: call rate for a write action,
  error rate for a read-only one)  --baseline R  --burst R  --at MIN
  --duration MIN  --minutes N  --noise 0..1  --seed S  --counts FILE (JSON array of per-minute counts)
  --seed S            deterministic record ids
  --json              one JSON document: action, recorded, notRecorded, notes, records

Exit status: 0 ok, 1 unknown action or bad configuration, 2 bad usage.`,
  async run(ctx) {
    const { values, positionals } = parseFlags(FLAGS, ctx.args, "simulate");
    const pack = await loadForLearner(ctx);
    needsCatalog(pack);
    if (positionals[0] === "insights") return runInsights(ctx, pack, values);
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`, "did you mean --action " + positionals[0] + "?");
    if (values.config && values.preset) throw new UsageError("give --config or --preset, not both");
    if (values.preset && !PRESET_NAMES.includes(values.preset))
      throw new UsageError(`unknown preset '${values.preset}'`, `presets: ${PRESET_NAMES.join(", ")}`);
    const config: SimConfig = values.config ? loadConfig(pack, ctx.cwd, values.config) : values.preset ? presetConfig(pack, values.preset) : NO_TRAIL;
    const seed = values.seed ?? "1";
    if (values.batch) return runBatch(ctx, pack, config, values.batch, values.json === true);
    if (!values.action) {
      if (isInteractive(ctx) && !values.json) return launchTui(ctx, pack, "simulate", { config, configLabel: values.config ?? values.preset ?? "none" });
      throw new UsageError("--action is needed (e.g. --action s3:GetObject)", "or run 'cloudtrail-tutor simulate' in a terminal for the Simulate screen");
    }
    const action = findAction(pack, values.action);
    if (!action) {
      const guess = suggestActions(pack, values.action);
      throw new UserError(
        `unknown action '${values.action}'`,
        guess.length ? `did you mean ${guess.join(", ")}?` : "actions are PREFIX:EventName, e.g. s3:GetObject; 'cloudtrail-tutor search' finds them",
      );
    }
    let call: CallContext;
    try {
      call = buildCallContext({
        region: values.region,
        resource: values.resource,
        vpce: values.vpce,
        vpceDenied: values["vpce-denied"],
        error: values.error,
        caller: values.caller,
      });
    } catch (err) {
      if (err instanceof ContextError) throw new UsageError(`--${err.field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${err.message}`);
      throw err;
    }
    const result = simulate(pack, action, call, config, seed);
    if (values.json) writeJson(ctx.stdout, result);
    else writeLine(ctx.stdout, renderLines(simulationLines(result, PLAIN_WIDTH), paintOf(ctx, ctx.stdout)));
    return 0;
  },
};

/**
 * Coverage of an activity file, read as a stream: each value is a call ({"action": …}) or a
 * CloudTrail record (an element of [...] or {"Records": [...]}, or one per line).
 */
async function runBatch(ctx: CommandContext, pack: Pack, config: SimConfig, file: string, json: boolean): Promise<number> {
  const tally = new CoverageTally(config);
  const index = catalogIndex(pack);
  const basic = new Set(pack.resourceTypes.filter((t) => t.basicSelectors).map((t) => t.type));
  let item = 0;
  try {
    for await (const v of streamInputValues(ctx.cwd, file)) {
      const obj = v.value !== null && typeof v.value === "object" && !Array.isArray(v.value) ? (v.value as Record<string, unknown>) : undefined;
      // A line is a call when it says "action", or when it is not a record at all (then the call's schema says what is missing).
      const isCall = obj ? "action" in obj || (v.from === "top" && !("eventVersion" in obj || "eventTime" in obj || "eventSource" in obj)) : v.from === "top";
      if (isCall) for (const e of eventsFromCalls(pack, [{ line: v.line, value: v.value }])) tally.add(e);
      else tally.add(eventFromRecord(index, recordOf(v.value, v.from === "top" ? `the value at line ${v.line}` : `item ${item}`), basic));
      item++;
    }
  } catch (err) {
    if (err instanceof BatchLineError)
      throw new UserError(`${visibleInline(file)}:${err.line}: ${err.detail}`, 'each line is {"action": "PREFIX:EventName", …}');
    if (err instanceof NotCloudTrailError) throw new UserError(`${visibleInline(file)}: ${err.message}`, "give CloudTrail records or JSON lines of calls");
    throw err;
  }
  const c = tally.result();
  if (json) writeJson(ctx.stdout, c);
  else writeLine(ctx.stdout, renderLines(coverageLines(c, PLAIN_WIDTH), paintOf(ctx, ctx.stdout)));
  return 0;
}

function runInsights(ctx: CommandContext, pack: Pack, v: Partial<Record<keyof typeof FLAGS, string | boolean>>): number {
  const str = (k: keyof typeof FLAGS) => (typeof v[k] === "string" ? (v[k] as string) : undefined);
  const api = str("api") ?? "ec2:RunInstances";
  const action = findAction(pack, api);
  if (!action) throw new UserError(`unknown action '${api}'`, `did you mean ${suggestActions(pack, api).join(", ") || "ec2:RunInstances"}?`);
  const type = (str("type") ?? insightTypeFor(action)) as InsightType;
  if (type !== "ApiCallRateInsight" && type !== "ApiErrorRateInsight") throw new UsageError("--type must be ApiCallRateInsight or ApiErrorRateInsight");
  const counts = str("counts") ? loadCounts(ctx.cwd, str("counts")!) : undefined;
  const minutes = intFlag(str("minutes"), "minutes", 70, 20_160, INSIGHTS_DEFAULTS.minutes);
  const baselineRate = numberFlag(str("baseline"), "baseline", 0, 1e6, INSIGHTS_DEFAULTS.baselineRate);
  const result = modelInsights(
    insightsInputFor(action, {
      type,
      ...(counts ? { counts } : {}),
      minutes,
      baselineRate,
      ...(str("burst") ? { burstRate: numberFlag(str("burst"), "burst", 0, 1e6, baselineRate * INSIGHTS_DEFAULTS.burstFactor[type]) } : {}),
      burstAt: intFlag(str("at"), "at", 0, minutes, Math.floor(minutes * INSIGHTS_DEFAULTS.burstShare)),
      burstMinutes: intFlag(str("duration"), "duration", 1, minutes, INSIGHTS_DEFAULTS.burstMinutes),
      noise: numberFlag(str("noise"), "noise", 0, 1, INSIGHTS_DEFAULTS.noise),
      seed: str("seed") ?? "1",
    }),
  );
  if (v.json) writeJson(ctx.stdout, result);
  else writeLine(ctx.stdout, renderLines(insightsLines(result, Math.min(ctx.stdout.columns ?? 100, 120), `${action.id} (${type})`), paintOf(ctx, ctx.stdout)));
  return 0;
}
