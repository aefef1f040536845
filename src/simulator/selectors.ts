// Does a destination record an event, and why (or why not)? Event History, trails with no,
// basic or advanced selectors, event data stores, as the CloudTrail User Guide ("Working with
// CloudTrail Event history", "Logging data events", "Filtering data events by using advanced event
// selectors", "Logging network activity events") and API Reference describe them. Pure.
import type { EventCategory } from "../content/schema.js";
import type { OPERATORS, AdvancedSelector, BasicSelector, Destination, FieldSelector } from "./config.js";
import { VPCE_DENIED, type SimEvent } from "./events.js";

export interface Verdict {
  recorded: boolean;
  because: string;
}

const CATEGORY_WORDS: Record<EventCategory, string> = {
  Management: "management events",
  Data: "data events",
  NetworkActivity: "network activity events",
  Insight: "Insights events",
};

const elsewhere = (e: SimEvent): Verdict => ({
  recorded: false,
  because: `made with account ${e.deliveredTo}'s credentials at this account's VPC endpoint: the management event belongs to ${e.deliveredTo}, not to this account`,
});

export function eventHistoryVerdict(e: SimEvent): Verdict {
  if (e.deliveredTo) return elsewhere(e);
  if (e.category === "Management")
    return { recorded: true, because: `Event History keeps the last 90 days of management events in ${e.region}, free, with no trail` };
  return { recorded: false, because: "Event History keeps management events only" };
}

/** The value an advanced field selector compares, as AWS's strings; undefined when the event has none. */
export function fieldValue(e: SimEvent, field: string): string | undefined {
  switch (field) {
    case "eventCategory":
      return e.category;
    case "eventSource":
      return e.eventSource;
    case "eventName":
      return e.eventName;
    case "eventType":
      return e.eventType;
    case "readOnly":
      return e.readOnly === undefined ? undefined : String(e.readOnly);
    case "resources.type":
      return e.resourceType;
    case "resources.ARN":
      return e.resourceArn;
    case "errorCode":
      return e.errorCode;
    case "vpcEndpointId":
      return e.vpcEndpointId;
    case "userIdentity.arn":
      return e.userIdentityArn;
    case "sessionCredentialFromConsole":
      return e.sessionCredentialFromConsole === undefined ? undefined : String(e.sessionCredentialFromConsole);
    default:
      return undefined;
  }
}

const TESTS: Record<(typeof OPERATORS)[number], (v: string, x: string) => boolean> = {
  Equals: (v, x) => v === x,
  NotEquals: (v, x) => v === x,
  StartsWith: (v, x) => v.startsWith(x),
  NotStartsWith: (v, x) => v.startsWith(x),
  EndsWith: (v, x) => v.endsWith(x),
  NotEndsWith: (v, x) => v.endsWith(x),
};

const INCLUDING = ["Equals", "StartsWith", "EndsWith"] as const;
const EXCLUDING = ["NotEquals", "NotStartsWith", "NotEndsWith"] as const;

/**
 * AWS's grouping rule for one field selector: the including operators (Equals, StartsWith,
 * EndsWith) are OR'd — the value must match at least one of their values when any is given — the
 * excluding ones (NotEquals, NotStartsWith, NotEndsWith) are AND'd — it must match none of theirs —
 * and the two groups are AND'd (User Guide, "How CloudTrail evaluates multiple conditions for a
 * field"). An event without the field matches no including value and no excluding value.
 */
export function fieldMatches(f: FieldSelector, value: string | undefined): boolean {
  const hits = (op: (typeof OPERATORS)[number]) => value !== undefined && (f[op] ?? []).some((x) => TESTS[op](value, x));
  const including = INCLUDING.filter((op) => f[op]);
  if (including.length && !including.some(hits)) return false;
  return !EXCLUDING.some(hits);
}

export function describeField(f: FieldSelector): string {
  const part = (ops: readonly (typeof OPERATORS)[number][], join: string) =>
    ops
      .filter((op) => f[op])
      .map((op) => `${f.Field} ${op} ${f[op]!.join(" | ")}`)
      .join(join);
  const inc = part(INCLUDING, " or ");
  const exc = part(EXCLUDING, " and ");
  return inc && exc ? `(${inc}) and ${exc}` : inc || exc;
}

const selectorName = (s: AdvancedSelector, j: number) => (s.Name ? `'${s.Name}'` : `#${j + 1}`);

/** The event once per resource it names: a selector matches when it matches one of them. */
function viewsOf(e: SimEvent): SimEvent[] {
  return e.resources && e.resources.length > 1 ? e.resources.map((r) => ({ ...e, resourceType: r.type, resourceArn: r.arn })) : [e];
}
const selectorMatches = (s: AdvancedSelector, e: SimEvent) => viewsOf(e).some((v) => s.FieldSelectors.every((f) => fieldMatches(f, fieldValue(v, f.Field))));

function advancedVerdict(selectors: AdvancedSelector[], e: SimEvent): Verdict {
  const forCategory = selectors
    .map((s, j) => [s, j] as const)
    .filter(([s]) => s.FieldSelectors.some((f) => f.Field === "eventCategory" && f.Equals?.includes(e.category)));
  for (const [s, j] of forCategory) {
    if (selectorMatches(s, e)) {
      const conds = s.FieldSelectors.filter((f) => f.Field !== "eventCategory").map(describeField);
      return {
        recorded: true,
        because: `advanced selector ${selectorName(s, j)} matches${conds.length ? `: ${conds.join(", ")}` : ` all ${CATEGORY_WORDS[e.category]}`}`,
      };
    }
  }
  if (forCategory.length === 0) return { recorded: false, because: optInReason(e, "no advanced selector selects") };
  const [s, j] = forCategory[0]!;
  const failing = s.FieldSelectors.find((f) => !fieldMatches(f, fieldValue(e, f.Field)))!;
  const value = fieldValue(e, failing.Field);
  if (failing.Field === "errorCode" && failing.Equals?.includes(VPCE_DENIED) && value !== VPCE_DENIED) {
    return {
      recorded: false,
      because: `advanced selector ${selectorName(s, j)} keeps only calls denied by the VPC endpoint policy (errorCode = ${VPCE_DENIED}); this call was allowed`,
    };
  }
  const more = forCategory.length > 1 ? ` (nor do the other ${forCategory.length - 1} ${CATEGORY_WORDS[e.category]} selectors match)` : "";
  return {
    recorded: false,
    because: `advanced selector ${selectorName(s, j)} selects ${CATEGORY_WORDS[e.category]}, but ${describeField(failing)} does not hold for ${value === undefined ? `an event without ${failing.Field}` : `${failing.Field} = ${value}`}${more}`,
  };
}

function optInReason(e: SimEvent, prefix: string): string {
  switch (e.category) {
    case "Data":
      return `${prefix} data events${e.resourceType ? ` of ${e.resourceType}` : ""} (data events are opt-in)`;
    case "NetworkActivity":
      return `${prefix} network activity events for ${e.eventSource} (opt-in per event source)`;
    case "Management":
      return `${prefix} management events`;
    default:
      return `${prefix} ${CATEGORY_WORDS[e.category]}`;
  }
}

const rwMatches = (rw: BasicSelector["ReadWriteType"], readOnly: boolean | undefined) =>
  rw === "All" || (rw === "ReadOnly" ? readOnly === true : readOnly === false);

function basicVerdict(selectors: BasicSelector[], e: SimEvent): Verdict {
  if (e.category === "NetworkActivity")
    return { recorded: false, because: "basic event selectors cannot log network activity events; use advanced event selectors" };
  if (e.category === "Management") {
    const including = selectors.map((s, j) => [s, j] as const).filter(([s]) => s.IncludeManagementEvents);
    if (!including.length) return { recorded: false, because: "no event selector has IncludeManagementEvents: true" };
    const excluded = including.filter(([s]) => s.ExcludeManagementEventSources.includes(e.eventSource));
    const rwOk = including.filter(([s]) => rwMatches(s.ReadWriteType, e.readOnly));
    const ok = rwOk.find(([s]) => !s.ExcludeManagementEventSources.includes(e.eventSource));
    if (ok) return { recorded: true, because: `EventSelectors[${ok[1]}] includes management events (ReadWriteType ${ok[0].ReadWriteType})` };
    if (excluded.length && rwOk.length)
      return { recorded: false, because: `ExcludeManagementEventSources excludes ${e.eventSource} (its events stay in Event History)` };
    return { recorded: false, because: `ReadWriteType ${including[0]![0].ReadWriteType} leaves out this ${e.readOnly ? "read-only" : "write"} call` };
  }
  if (!e.resourceType) return { recorded: false, because: "no data resource to select" };
  if (!e.basicSelectable)
    return { recorded: false, because: `basic event selectors cannot select ${e.resourceType} data events; use advanced event selectors` };
  const typeOf = (s: BasicSelector) => viewsOf(e).find((v) => s.DataResources.some((d) => d.Type === v.resourceType));
  const typed = selectors.map((s, j) => [s, j] as const).filter(([s]) => typeOf(s));
  if (!typed.length) return { recorded: false, because: optInReason(e, "no event selector selects") };
  for (const [s, j] of typed) {
    const view = typeOf(s)!;
    const d = s.DataResources.find((x) => x.Type === view.resourceType && x.Values.some((v) => valueCovers(v, view)));
    if (d && rwMatches(s.ReadWriteType, e.readOnly)) {
      const v = d.Values.find((x) => valueCovers(x, view))!;
      return {
        recorded: true,
        because: `EventSelectors[${j}] DataResources ${d.Type} ${v}${isAll(v) ? " (all resources)" : ""} (ReadWriteType ${s.ReadWriteType})`,
      };
    }
  }
  const [s] = typed[0]!;
  const covered = typed.some(([x]) =>
    viewsOf(e).some((view) => x.DataResources.some((d) => d.Type === view.resourceType && d.Values.some((v) => valueCovers(v, view)))),
  );
  if (covered) return { recorded: false, because: `ReadWriteType ${s.ReadWriteType} leaves out this ${e.readOnly ? "read-only" : "write"} call` };
  return {
    recorded: false,
    because: `the ${e.resourceType} data resources selected (${typed.flatMap(([x]) => x.DataResources.filter((d) => d.Type === e.resourceType).flatMap((d) => d.Values)).join(", ") || "none"}) do not include ${e.resourceArn}`,
  };
}

/** A service prefix alone (`arn:aws:s3`, `arn:aws:lambda`, `arn:aws:dynamodb`) selects every resource of the type. */
const isAll = (v: string) => /^arn:aws[a-z-]*:[a-z0-9-]+:?$/.test(v);
const valueCovers = (v: string, e: SimEvent) => isAll(v) || e.resourceArn?.startsWith(v);

export function destinationVerdict(d: Destination, e: SimEvent): Verdict {
  if (e.category === "Insight") return { recorded: false, because: "Insights events come from call rates, not from one call" };
  if (e.deliveredTo) return elsewhere(e);
  if (!d.multiRegion && e.region !== d.homeRegion) {
    return {
      recorded: false,
      because: `single-Region ${d.kind === "trail" ? "trail" : "event data store"} in ${d.homeRegion}; this event is recorded in ${e.region}${e.global ? " (global service events are recorded in us-east-1)" : ""}`,
    };
  }
  if (e.global && !d.includeGlobal) return { recorded: false, because: "a global service event, and IncludeGlobalServiceEvents is false" };
  let v: Verdict;
  if (d.advanced) v = advancedVerdict(d.advanced, e);
  else if (d.kind === "trail" && d.basic) v = basicVerdict(d.basic, e);
  else if (e.category === "Management")
    v = { recorded: true, because: `no event selectors: a ${d.kind === "trail" ? "trail" : "event data store"} logs all management events by default` };
  else v = { recorded: false, because: optInReason(e, "no selector selects") };
  if (v.recorded && d.organization)
    v = { ...v, because: `${v.because}; an organization ${d.kind === "trail" ? "trail" : "event data store"} records it for every member account` };
  return v;
}
