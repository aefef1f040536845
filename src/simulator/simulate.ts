// The simulator: an action, its context and a configuration → for every destination (Event History,
// each trail, each event data store) which categories record the call and why, why not where not,
// and the records. The JSON shape is the `simulate --json` document. Pure.
import type { Pack } from "../content/pack.js";
import type { Action, EventCategory } from "../content/schema.js";
import type { Destination, SimConfig } from "./config.js";
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

export function simulate(pack: Pack, action: Action, ctx: CallContext, config: SimConfig, seed: number | string = 1): SimResult {
  const { events, notes } = produceEvents(pack, action, ctx);
  const recorded: Placement[] = [];
  const notRecorded: Placement[] = [];
  const place = (destination: string, e: SimEvent, v: { recorded: boolean; because: string }, alsoTo?: string[]) =>
    (v.recorded ? recorded : notRecorded).push({ destination, category: e.category, because: v.because, ...(v.recorded && alsoTo ? { alsoTo } : {}) });

  for (const e of events) place(EVENT_HISTORY, e, eventHistoryVerdict(e));
  const destinations: Destination[] = [...config.trails, ...config.eventDataStores];
  for (const d of destinations) {
    const id = destinationId(d);
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
    if (d.insights.length) {
      const types = [...new Set(d.insights.map((i) => i.InsightType))].join(" and ");
      const analysed = new Set(d.insights.flatMap((i) => i.EventCategories ?? ["Management"]));
      const kind = action.category === "Data" ? "Data" : "Management";
      notRecorded.push({
        destination: id,
        category: "Insight",
        because: analysed.has(kind)
          ? `Insights (${types}) is on, but one call is not an Insights event: Insights events are written when the ${insightMeasure(action)} departs from the learned baseline — try 'simulate insights'`
          : `Insights (${types}) is on but analyses ${[...analysed].map((c) => (c === "Data" ? "data" : "management")).join(" and ")} events only (InsightSelectors EventCategories); this is a ${kind === "Data" ? "data" : "management"} call`,
      });
    }
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
