// Coverage of a whole activity log under a configuration: "this configuration would record 812 of
// 1,000 events; it misses 188 data events on bucket X". The activity is either calls (JSON lines of
// {action, resource, region, vpce, vpceDenied, error, caller}) or real CloudTrail records, each of
// which is one event as it happened. Pure.
import { z } from "zod";
import type { EventCategory, Pack } from "../content/index.js";
import { findAction } from "./catalog.js";
import type { SimConfig } from "./config.js";
import { buildCallContext, ContextError } from "./context.js";
import { CALLERS, produceEvents, type CallContext, type Caller, type SimEvent } from "./events.js";
import { catalogIndex, explainRecord } from "./explain.js";
import { destinationVerdict } from "./selectors.js";
import { destinationId } from "./simulate.js";

export interface CallLine {
  action: string;
  resource?: string;
  region?: string;
  vpce?: string;
  vpceDenied?: boolean;
  error?: string;
  caller?: Caller;
}

export class BatchLineError extends Error {
  constructor(
    readonly line: number,
    readonly detail: string,
    /** The field at fault, when one is. */
    readonly field?: string,
  ) {
    super(`line ${line}: ${detail}`);
  }
}

/** One line of a calls file, as a schema: every field checked, each problem named by its field. */
export const CallLineSchema = z.looseObject({
  action: z.string({ error: (i) => (i.input === undefined ? 'missing "action" (PREFIX:EventName)' : '"action" must be a string like "s3:GetObject"') }).min(1),
  resource: z.string().optional(),
  region: z.string().optional(),
  vpce: z.string().optional(),
  vpceDenied: z.boolean().optional(),
  error: z.string().optional(),
  caller: z.enum(CALLERS as unknown as [Caller, ...Caller[]], { error: () => `"caller" must be one of ${CALLERS.join(", ")}` }).optional(),
});

/** A call line checked by the schema, or a BatchLineError naming the line and the field. */
export function parseCallLine(value: unknown, line: number): CallLine {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new BatchLineError(line, 'expected {"action": "PREFIX:EventName", …}');
  const r = CallLineSchema.safeParse(value);
  if (r.success) return r.data as CallLine;
  const issue = r.error.issues[0]!;
  const field = issue.path.map(String).join(".");
  throw new BatchLineError(line, field && !issue.message.includes(`"${field}"`) ? `"${field}": ${issue.message}` : issue.message, field || undefined);
}

export function eventsFromCalls(pack: Pack, lines: ReadonlyArray<{ line: number; value: unknown }>): SimEvent[] {
  const events: SimEvent[] = [];
  for (const { line, value } of lines) {
    const v = parseCallLine(value, line);
    const action = findAction(pack, v.action);
    if (!action) throw new BatchLineError(line, `unknown action '${v.action}'`);
    let ctx: CallContext;
    try {
      ctx = buildCallContext(v);
    } catch (err) {
      if (err instanceof ContextError) throw new BatchLineError(line, `"${err.field}": ${err.message}`);
      throw err;
    }
    events.push(...produceEvents(pack, action, ctx).events);
  }
  return events;
}

type Rec = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : undefined);
/** The typed resources a record names, in order. */
const recordResources = (r: Rec) =>
  (Array.isArray(r.resources) ? (r.resources as Rec[]) : []).flatMap((x) => (x && str(x.type) && str(x.ARN) ? [{ type: str(x.type)!, arn: str(x.ARN)! }] : []));

/** Each real record as the event selectors would see it. */
export function eventsFromRecords(pack: Pack, records: readonly Rec[]): SimEvent[] {
  const index = catalogIndex(pack);
  const basic = new Set(pack.resourceTypes.filter((t) => t.basicSelectors).map((t) => t.type));
  return records.map((r) => eventFromRecord(index, r, basic));
}

/** One real record as the event selectors would see it (`index`: catalogIndex(pack); `basic`: the types basic selectors reach). */
export function eventFromRecord(index: ReturnType<typeof catalogIndex>, r: Rec, basic: ReadonlySet<string>): SimEvent {
  const x = explainRecord(index, r);
  const res = Array.isArray(r.resources) ? (r.resources[0] as Rec | undefined) : undefined;
  const action = index.get(`${x.eventSource}\u0000${x.eventName}`);
  const uid = r.userIdentity as Rec | undefined;
  return {
    category: x.category,
    eventSource: x.eventSource ?? "unknown",
    eventName: x.eventName ?? "unknown",
    eventType: str(r.eventType) ?? "AwsApiCall",
    region: str(r.awsRegion) ?? "us-east-1",
    global: action?.global ?? false,
    ...(typeof r.readOnly === "boolean" ? { readOnly: r.readOnly } : action ? { readOnly: action.readOnly } : {}),
    ...(str(res?.type) ? { resourceType: str(res?.type)! } : action?.resourceType ? { resourceType: action.resourceType } : {}),
    ...(recordResources(r).length > 1 ? { resources: recordResources(r) } : {}),
    basicSelectable: [str(res?.type) ?? action?.resourceType, ...recordResources(r).map((x) => x.type)].some((t) => t !== undefined && basic.has(t)),
    ...(str(res?.ARN) ? { resourceArn: str(res?.ARN)! } : {}),
    ...(str(r.errorCode) ? { errorCode: str(r.errorCode)! } : {}),
    ...(str(r.vpcEndpointId) ? { vpcEndpointId: str(r.vpcEndpointId)! } : {}),
    userIdentityArn: str(uid?.arn) ?? "",
    ...(r.sessionCredentialFromConsole === "true" ? { sessionCredentialFromConsole: true } : {}),
  };
}

export interface Coverage {
  total: number;
  recorded: number;
  missed: number;
  byCategory: Record<EventCategory, { total: number; recorded: number }>;
  byDestination: Record<string, Record<EventCategory, number>>;
  /** What is missed, grouped: category + where (S3 bucket, resource, or event source), most first. */
  misses: Array<{ category: EventCategory; what: string; count: number; because: string }>;
}

function whereOf(e: SimEvent): string {
  if (e.resourceArn?.startsWith("arn:aws:s3:::")) return `bucket ${e.resourceArn.slice(13).split("/")[0]}`;
  if (e.resourceArn) return e.resourceArn;
  return e.eventSource;
}

const zero = (): Record<EventCategory, number> => ({ Management: 0, Data: 0, NetworkActivity: 0, Insight: 0 });

/** Coverage counted one event at a time (a streamed log keeps no list of events). */
export class CoverageTally {
  private readonly dests;
  private readonly byCategory = {
    Management: { total: 0, recorded: 0 },
    Data: { total: 0, recorded: 0 },
    NetworkActivity: { total: 0, recorded: 0 },
    Insight: { total: 0, recorded: 0 },
  };
  private readonly byDestination: Coverage["byDestination"];
  private readonly misses = new Map<string, { category: EventCategory; what: string; count: number; because: string }>();
  private total = 0;
  private recorded = 0;

  constructor(config: SimConfig) {
    this.dests = [...config.trails, ...config.eventDataStores];
    this.byDestination = Object.fromEntries(this.dests.map((d) => [destinationId(d), zero()]));
  }

  add(e: SimEvent): void {
    this.total++;
    this.byCategory[e.category].total++;
    let any = false;
    let firstWhy = this.dests.length ? "" : "no trail or event data store is configured";
    for (const d of this.dests) {
      const v = destinationVerdict(d, e);
      if (v.recorded) {
        any = true;
        this.byDestination[destinationId(d)]![e.category]++;
      } else if (!firstWhy) firstWhy = `${destinationId(d)}: ${v.because}`;
    }
    if (any) {
      this.recorded++;
      this.byCategory[e.category].recorded++;
    } else {
      const what = whereOf(e);
      const key = `${e.category}\u0000${what}`;
      const m = this.misses.get(key) ?? { category: e.category, what, count: 0, because: firstWhy };
      m.count++;
      this.misses.set(key, m);
    }
  }

  result(): Coverage {
    return {
      total: this.total,
      recorded: this.recorded,
      missed: this.total - this.recorded,
      byCategory: this.byCategory,
      byDestination: this.byDestination,
      misses: [...this.misses.values()].sort((a, b) => b.count - a.count || a.what.localeCompare(b.what)),
    };
  }
}

/** Recorded = kept by at least one configured trail or event data store (Event History aside). */
export function coverage(config: SimConfig, events: readonly SimEvent[]): Coverage {
  const tally = new CoverageTally(config);
  for (const e of events) tally.add(e);
  return tally.result();
}
