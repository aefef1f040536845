// The simulator: an action, its context and a configuration → for every destination (Event History,
// each trail, each event data store) which categories record the call and why, why not where not,
// and the records. The JSON shape is the `simulate --json` document. Pure.
import type { Pack } from "../content/pack.js";
import type { Action, EventCategory } from "../content/schema.js";
import { insightGap, type Destination, type SimConfig } from "./config.js";
import { produceEvents, type CallContext, type SimEvent } from "./events.js";
import { buildRecord, type CloudTrailRecord } from "./records.js";
import { insightMeasure } from "./insights.js";
import { destinationVerdict, eventHistoryVerdict } from "./selectors.js";

export interface Placement {
  destination: string;
  category: EventCategory;
  because: string;
  alsoTo?: string[];
}

export interface SimResult {
  action: {
    id: string;
    eventSource: string;
    eventName: string;
    region: string;
    category: EventCategory;
    readOnly: boolean;
    resourceType?: string;
    resourceArn?: string;
    vpcEndpointId?: string;
    errorCode?: string;
  };
  recorded: Placement[];
  notRecorded: Placement[];
  notes: string[];
  records: CloudTrailRecord[];
}

export const EVENT_HISTORY = "event-history";
export const destinationId = (d: Destination) => `${d.kind === "trail" ? "trail" : "event-data-store"}:${d.name}`;

export function logGroupName(arn: string): string {
  const m = /log-group:([^:]+)/.exec(arn);
  return m ? m[1]! : arn;
}

/** Network activity selectors a destination has, by event source (to explain a direct call's absence). */
function networkSelectorSources(d: Destination): string[] {
  return (d.advanced ?? [])
    .filter((s) => s.FieldSelectors.some((f) => f.Field === "eventCategory" && f.Equals?.includes("NetworkActivity")))
    .flatMap((s) => s.FieldSelectors.filter((f) => f.Field === "eventSource").flatMap((f) => f.Equals ?? []));
}

/**
 * Why one call is not an Insights event at a destination with Insights on, and whether the call counts toward
 * what Insights analyses there ("Working with CloudTrail Insights": call-rate Insights on management events
 * measures "write-only management API calls", on data events "data API calls" read and write; error-rate
 * Insights counts calls that end in errors; event data stores analyse management events only).
 */
function insightReason(d: Destination, action: Action): string {
  const types = [...new Set(d.insights.map((i) => i.InsightType))].join(" and ");
  const kind = action.category === "Data" ? "Data" : "Management";
  const words = (c: string) => (c === "Data" ? "data" : "management");
  const on = d.insights.filter((i) => (i.EventCategories ?? ["Management"]).includes(kind));
  if (!on.length) {
    const analysed = [...new Set(d.insights.flatMap((i) => i.EventCategories ?? ["Management"]))];
    return `Insights (${types}) is on but analyses ${analysed.map(words).join(" and ")} events only (InsightSelectors EventCategories); this is a ${words(kind)} call`;
  }
  const gaps = on.flatMap((i) => insightGap(d, i).filter((g) => g.category === kind));
  if (gaps.length === on.length) return `Insights (${types}) is on, but no Insights events can come of it: ${gaps.map((g) => g.message).join("; ")}`;
  if (kind === "Management" && action.readOnly && on.every((i) => i.InsightType === "ApiCallRateInsight"))
    return "ApiCallRateInsight on management events measures write management calls only; this read-only call would count only toward ApiErrorRateInsight (its errors), which is off";
  return `Insights (${types}) is on, but one call is not an Insights event: Insights events are written when the ${insightMeasure(action)} departs from the learned baseline — try 'simulate insights'`;
}

export function simulate(pack: Pack, action: Action, ctx: CallContext, config: SimConfig, seed: number | string = 1): SimResult {
  const { events, notes } = produceEvents(pack, action, ctx);
  const recorded: Placement[] = [];
  const notRecorded: Placement[] = [];
  const place = (destination: string, e: SimEvent, v: { recorded: boolean; because: string }, alsoTo?: string[]) =>
    (v.recorded ? recorded : notRecorded).push({ destination, category: e.category, because: v.because, ...(v.recorded && alsoTo ? { alsoTo } : {}) });

  for (const e of events) place(EVENT_HISTORY, e, eventHistoryVerdict(e));
  // A call the endpoint policy denied never reached the service: no destination gets its management or data
  // event, and each says so ("Logging network activity events": denied calls are recorded as network activity
  // events with errorCode VpceAccessDenied).
  const denied = ctx.vpceDenied && ctx.vpcEndpointId && action.eventType !== "AwsServiceEvent";
  const deniedBecause = `denied by the VPC endpoint policy: the call never reached ${action.eventSource}, so no ${action.category === "Data" ? "data" : "management"} event exists`;
  if (denied) notRecorded.push({ destination: EVENT_HISTORY, category: action.category, because: deniedBecause });
  const destinations: Destination[] = [...config.trails, ...config.eventDataStores];
  for (const d of destinations) {
    const id = destinationId(d);
    if (denied) notRecorded.push({ destination: id, category: action.category, because: deniedBecause });
    const alsoTo = d.kind === "trail" && d.logGroupArn ? [`cloudwatch-logs:${logGroupName(d.logGroupArn)}`] : undefined;
    for (const e of events) place(id, e, destinationVerdict(d, e), alsoTo);
    if (!events.some((e) => e.category === "NetworkActivity") && networkSelectorSources(d).includes(action.eventSource)) {
      notRecorded.push({
        destination: id,
        category: "NetworkActivity",
        because: ctx.vpcEndpointId
          ? `${action.eventSource} emits no network activity event for this call`
          : "network activity events are recorded only for calls through a VPC endpoint; this call was direct",
      });
    }
    if (d.insights.length) notRecorded.push({ destination: id, category: "Insight", because: insightReason(d, action) });
  }
  const withRecords = events.filter((e) => recorded.some((p) => p.category === e.category));
  const main = events.find((e) => e.category !== "NetworkActivity") ?? events[0];
  return {
    action: {
      id: action.id,
      eventSource: action.eventSource,
      eventName: action.eventName,
      region: main?.region ?? ctx.region,
      category: action.category,
      readOnly: action.readOnly,
      // The type the call produced: sns:Publish to a platform endpoint is AWS::SNS::PlatformEndpoint.
      ...(action.resourceType ? { resourceType: main?.resourceType ?? action.resourceType } : {}),
      ...(main?.resourceArn ? { resourceArn: main.resourceArn } : {}),
      ...(ctx.vpcEndpointId ? { vpcEndpointId: ctx.vpcEndpointId } : {}),
      ...(ctx.errorCode || ctx.vpceDenied ? { errorCode: ctx.vpceDenied ? "VpceAccessDenied" : ctx.errorCode! } : {}),
    },
    recorded,
    notRecorded,
    notes,
    records: withRecords.map((e, i) => buildRecord(action, e, ctx, seed, i)),
  };
}
