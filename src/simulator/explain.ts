// Explain real CloudTrail records: the category each belongs to, derived from the catalog and the
// rules (eventType, vpcEndpointId, eventSource + eventName) — never read from the record's own
// eventCategory, which is only compared with the result. Fast: one map lookup per record. Pure.
import type { Action, EventCategory, Pack } from "../content/index.js";

export interface ExplainedRecord {
  eventSource: string | null;
  eventName: string | null;
  category: EventCategory;
  inEventHistory: boolean;
  because: string;
  /** The action is in the simulator catalog (the category then comes from it, not only from the rules). */
  inCatalog: boolean;
  /** What configuration records it. */
  recordedBy: string;
  /** The record's own eventCategory when it carries one. */
  recordCategory?: string;
  /** True when the record's own eventCategory disagrees with the derived one. */
  disagrees?: boolean;
}

export interface ExplainSummary {
  total: number;
  byCategory: Record<EventCategory, number>;
  inEventHistory: number;
  notInCatalog: number;
  disagreements: number;
}

export class NotCloudTrailError extends Error {}

type Rec = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : undefined);

const basicTypesOf = new WeakMap<Map<string, Action>, ReadonlySet<string>>();

export function catalogIndex(pack: Pack): Map<string, Action> {
  const m = new Map<string, Action>();
  for (const a of pack.actions) m.set(`${a.eventSource}\u0000${a.eventName}`, a);
  basicTypesOf.set(m, new Set(pack.resourceTypes.filter((t) => t.basicSelectors).map((t) => t.type)));
  return m;
}

/** One value checked to be a CloudTrail record (`where` names it in the error: "item 3", "line 7"). */
export function recordOf(r: unknown, where: string): Rec {
  if (
    !r ||
    typeof r !== "object" ||
    Array.isArray(r) ||
    !("eventVersion" in r || "eventTime" in r) ||
    !("eventSource" in r || "insightDetails" in r || "eventType" in r)
  ) {
    throw new NotCloudTrailError(`${where} is not a CloudTrail record (it has no eventVersion/eventTime and eventSource)`);
  }
  return r as Rec;
}

/** Pull the records out of a parsed document: one record, an array, or {"Records": [...]}. */
export function recordsOf(doc: unknown): Rec[] {
  const list = Array.isArray(doc) ? doc : doc && typeof doc === "object" && Array.isArray((doc as Rec).Records) ? ((doc as Rec).Records as unknown[]) : [doc];
  return list.map((r, i) => recordOf(r, `item ${i}`));
}

function recordedBy(category: EventCategory, source: string | undefined, action: Action | undefined, denied: boolean, basic: ReadonlySet<string>): string {
  switch (category) {
    case "Management":
      return "Event History (90 days, always on) and any trail or event data store logging management events (the default)";
    case "Data":
      return `a trail or event data store with a data event selector for ${action?.resourceType ?? "its resource type"}${action?.resourceType && basic.has(action.resourceType) ? " (basic or advanced selectors)" : " (advanced selectors)"}`;
    case "NetworkActivity":
      return `a trail or event data store of the VPC endpoint owner with a network activity selector for ${source ?? "its event source"}${denied ? " (also kept by an errorCode = VpceAccessDenied filter)" : " (not by a denied-only filter)"}`;
    case "Insight":
      return "a trail or event data store with Insights enabled (insight selectors)";
  }
}

export function explainRecord(index: Map<string, Action>, r: Rec): ExplainedRecord {
  const eventType = str(r.eventType);
  const details = r.insightDetails as Rec | undefined;
  const source = str(r.eventSource) ?? str(details?.eventSource);
  const name = str(r.eventName) ?? str(details?.eventName);
  const action = source && name ? index.get(`${source}\u0000${name}`) : undefined;
  let category: EventCategory;
  let because: string;
  if (eventType === "AwsCloudTrailInsight" || details) {
    category = "Insight";
    because =
      `eventType AwsCloudTrailInsight: an Insights ${str(details?.state)?.toLowerCase() ?? ""} event for ${str(details?.insightType) ?? "an insight type"}`.replace(
        "  ",
        " ",
      );
  } else if (eventType === "AwsVpceEvent") {
    category = "NetworkActivity";
    because = `eventType AwsVpceEvent through ${str(r.vpcEndpointId) ?? "a VPC endpoint"}${r.errorCode === "VpceAccessDenied" ? ", denied by the endpoint policy" : ""}`;
  } else if (action) {
    category = action.category;
    because = `${action.id} is a ${category === "Data" ? `data event (${action.resourceType})` : "management event"} in the catalog`;
  } else if (eventType === "AwsConsoleSignIn" || eventType === "AwsServiceEvent" || eventType === "AwsConsoleAction") {
    category = "Management";
    because = `eventType ${eventType} events are management events`;
  } else {
    category = "Management";
    because = `not in the catalog: API calls outside the documented data-event APIs are management events`;
  }
  const own = str(r.eventCategory);
  return {
    eventSource: source ?? null,
    eventName: name ?? null,
    category,
    inEventHistory: category === "Management",
    because,
    inCatalog: Boolean(action),
    recordedBy: recordedBy(category, source, action, r.errorCode === "VpceAccessDenied", basicTypesOf.get(index) ?? new Set()),
    ...(own ? { recordCategory: own, ...(own !== category ? { disagrees: true } : {}) } : {}),
  };
}

/** The summary of explained records, counted one at a time (a streamed log keeps no list). */
export class ExplainTally {
  readonly summary: ExplainSummary = {
    total: 0,
    byCategory: { Management: 0, Data: 0, NetworkActivity: 0, Insight: 0 },
    inEventHistory: 0,
    notInCatalog: 0,
    disagreements: 0,
  };
  add(e: ExplainedRecord): void {
    const s = this.summary;
    s.total++;
    s.byCategory[e.category]++;
    if (e.inEventHistory) s.inEventHistory++;
    if (!e.inCatalog) s.notInCatalog++;
    if (e.disagrees) s.disagreements++;
  }
}

export function explainRecords(pack: Pack, records: readonly Rec[]): { records: ExplainedRecord[]; summary: ExplainSummary } {
  const index = catalogIndex(pack);
  const out = records.map((r) => explainRecord(index, r));
  const tally = new ExplainTally();
  for (const e of out) tally.add(e);
  return { records: out, summary: tally.summary };
}
