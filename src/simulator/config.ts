// A trail configuration in AWS's own shape (describe-trails / get-event-selectors /
// get-insight-selectors output, or the configuration file docs/ describe), checked the way AWS would
// check it: every problem names the JSON path of the bad field. Pure: the caller reads the file.
import { z } from "zod";
import type { Pack } from "../content/index.js";

const OPERATORS = ["Equals", "NotEquals", "StartsWith", "NotStartsWith", "EndsWith", "NotEndsWith"] as const;
export type Operator = (typeof OPERATORS)[number];

const Values = z.array(z.string().min(1)).min(1);
const FieldSelector = z.looseObject({
  Field: z.string().min(1),
  Equals: Values.optional(),
  NotEquals: Values.optional(),
  StartsWith: Values.optional(),
  NotStartsWith: Values.optional(),
  EndsWith: Values.optional(),
  NotEndsWith: Values.optional(),
});
const AdvancedSelector = z.looseObject({ Name: z.string().optional(), FieldSelectors: z.array(FieldSelector).min(1) });
const DataResource = z.looseObject({ Type: z.string(), Values: z.array(z.string()).default([]) });
const BasicSelector = z.looseObject({
  ReadWriteType: z.enum(["ReadOnly", "WriteOnly", "All"]).default("All"),
  IncludeManagementEvents: z.boolean().default(true),
  DataResources: z.array(DataResource).default([]),
  ExcludeManagementEventSources: z.array(z.string()).default([]),
});
const InsightSelector = z.looseObject({
  InsightType: z.enum(["ApiCallRateInsight", "ApiErrorRateInsight"]),
  EventCategories: z.array(z.enum(["Management", "Data"])).optional(),
});

const Trail = z.looseObject({
  Name: z.string().min(1),
  HomeRegion: z.string().default("us-east-1"),
  IsMultiRegionTrail: z.boolean().default(false),
  IncludeGlobalServiceEvents: z.boolean().default(true),
  IsOrganizationTrail: z.boolean().default(false),
  CloudWatchLogsLogGroupArn: z.string().optional(),
  EventSelectors: z.array(BasicSelector).max(5).optional(),
  AdvancedEventSelectors: z.array(AdvancedSelector).optional(),
  InsightSelectors: z.array(InsightSelector).default([]),
});
const EventDataStore = z.looseObject({
  Name: z.string().min(1),
  HomeRegion: z.string().default("us-east-1"),
  MultiRegionEnabled: z.boolean().default(true),
  OrganizationEnabled: z.boolean().default(false),
  AdvancedEventSelectors: z.array(AdvancedSelector).optional(),
  EventSelectors: z.unknown().optional(),
  InsightSelectors: z.array(InsightSelector).default([]),
});
const ConfigShape = z.looseObject({
  trails: z.array(Trail).optional(),
  trailList: z.array(Trail).optional(),
  eventDataStores: z.array(EventDataStore).optional(),
});

export type FieldSelector = z.infer<typeof FieldSelector>;
export type AdvancedSelector = z.infer<typeof AdvancedSelector>;
export type BasicSelector = z.infer<typeof BasicSelector>;
export type InsightSelector = z.infer<typeof InsightSelector>;

export interface TrailConfig {
  kind: "trail";
  name: string;
  homeRegion: string;
  multiRegion: boolean;
  includeGlobal: boolean;
  organization: boolean;
  logGroupArn?: string;
  basic?: BasicSelector[];
  advanced?: AdvancedSelector[];
  insights: InsightSelector[];
}
export interface EventDataStoreConfig {
  kind: "event-data-store";
  name: string;
  homeRegion: string;
  multiRegion: boolean;
  includeGlobal: true;
  organization: boolean;
  advanced?: AdvancedSelector[];
  insights: InsightSelector[];
}
export type Destination = TrailConfig | EventDataStoreConfig;
export interface SimConfig {
  trails: TrailConfig[];
  eventDataStores: EventDataStoreConfig[];
}
export const NO_TRAIL: SimConfig = { trails: [], eventDataStores: [] };

export interface ConfigProblem {
  /** JSON path of the bad field, e.g. `trails[0].AdvancedEventSelectors[1].FieldSelectors[0].Field`. */
  path: string;
  message: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join("; "));
    this.name = "ConfigError";
  }
}

export function jsonPath(parts: ReadonlyArray<PropertyKey>): string {
  return parts.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), "") || "(top level)";
}

/** Data resource types basic EventSelectors reach: the catalog's `basicSelectors` rows. */
export function basicDataTypes(pack: Pack): string[] {
  return pack.resourceTypes.filter((r) => r.basicSelectors).map((r) => r.type);
}
export const EXCLUDABLE_SOURCES = ["kms.amazonaws.com", "rdsdata.amazonaws.com"];
export const VPCE_ACCESS_DENIED = "VpceAccessDenied";

type DestKind = "trail" | "event-data-store";
/** What AWS allows for one field: its operators and, where AWS fixes them, its values. */
interface FieldRule {
  ops: readonly Operator[];
  values?: readonly string[];
  /** At most this many values (resources.type takes one). */
  maxValues?: number;
}
const ANY: FieldRule = { ops: OPERATORS };
const EQUALS_ONE: FieldRule = { ops: ["Equals"], maxValues: 1 };
const READ_ONLY: FieldRule = { ops: ["Equals"], values: ["true", "false"] };
const CONSOLE: FieldRule = { ops: ["Equals", "NotEquals"], values: ["true"] };

/**
 * Fields and operators per category and destination, as the CloudTrail API Reference
 * (AdvancedFieldSelector, AdvancedEventSelector) and the User Guide ("Filtering data events by using
 * advanced event selectors", "Logging network activity events") list them. Trails take Management,
 * Data and NetworkActivity; event data stores also take the non-API categories Lake documents
 * (ConfigurationItem, Evidence, ActivityAuditLog, Insight), whose only field is eventCategory.
 */
const FIELD_RULES: Record<DestKind, Record<string, Record<string, FieldRule>>> = {
  trail: {
    Management: { eventCategory: EQUALS_ONE, readOnly: READ_ONLY, eventSource: { ops: ["NotEquals"], values: EXCLUDABLE_SOURCES } },
    Data: dataRules(),
    NetworkActivity: { ...networkRules(), "userIdentity.arn": ANY },
  },
  "event-data-store": {
    Management: {
      eventCategory: EQUALS_ONE,
      readOnly: READ_ONLY,
      eventSource: ANY,
      eventName: ANY,
      eventType: ANY,
      sessionCredentialFromConsole: CONSOLE,
      "userIdentity.arn": ANY,
    },
    Data: dataRules(),
    NetworkActivity: networkRules(),
    ConfigurationItem: { eventCategory: EQUALS_ONE },
    Evidence: { eventCategory: EQUALS_ONE },
    ActivityAuditLog: { eventCategory: EQUALS_ONE },
    Insight: { eventCategory: EQUALS_ONE },
  },
};
function dataRules(): Record<string, FieldRule> {
  return {
    eventCategory: EQUALS_ONE,
    "resources.type": EQUALS_ONE,
    readOnly: READ_ONLY,
    "resources.ARN": ANY,
    eventName: ANY,
    eventSource: ANY,
    eventType: ANY,
    "userIdentity.arn": ANY,
    sessionCredentialFromConsole: CONSOLE,
  };
}
function networkRules(): Record<string, FieldRule> {
  return {
    eventCategory: EQUALS_ONE,
    // AdvancedFieldSelector: "If you want to log network activity events for multiple event sources, you must
    // create a separate field selector for each event source" (also "Logging network activity events").
    eventSource: EQUALS_ONE,
    eventName: ANY,
    errorCode: { ops: ["Equals"], values: [VPCE_ACCESS_DENIED] },
    vpcEndpointId: ANY,
  };
}
/** Categories of CloudTrail's own events; an event data store of another category holds only that. */
const API_CATEGORIES = ["Management", "Data", "NetworkActivity"];

/** The categories a destination's advanced selectors may name. */
export function categoriesFor(kind: DestKind): string[] {
  return Object.keys(FIELD_RULES[kind]);
}
/** The fields an advanced selector of a category may filter on at a destination (empty: unknown category). */
export function fieldsFor(kind: DestKind, category: string): string[] {
  return Object.keys(FIELD_RULES[kind][category] ?? {});
}
/**
 * At most 500 values across all conditions of all advanced event selectors, on a trail and on an event data
 * store alike. "Quotas in AWS CloudTrail" (User Guide): "If a trail or event data store uses advanced event
 * selectors, a maximum of 500 total values for all conditions in all advanced event selectors is allowed";
 * PutEventSelectors (API Reference) gives 500 for a trail, and "Create an event data store for CloudTrail events
 * with the console" says "You can have a maximum of 500 values for all selectors on an event data store". No
 * current AWS page gives 1,000 for event data stores (CreateEventDataStore and AdvancedEventSelector state no
 * count), so the quotas page, the most specific one, is followed for both destinations.
 */
const MAX_VALUES = { trail: 500, "event-data-store": 500 } as const;

/** Parse and check a configuration; throws ConfigError listing every problem with its path. */
export function parseConfig(pack: Pack, raw: unknown): SimConfig {
  const parsed = ConfigShape.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })));
  }
  const problems: ConfigProblem[] = [];
  const rawTrails = parsed.data.trails ?? parsed.data.trailList ?? [];
  const trailKey = parsed.data.trails ? "trails" : "trailList";
  const trails: TrailConfig[] = rawTrails.map((t, i) => {
    const at = `${trailKey}[${i}]`;
    if (t.EventSelectors && t.AdvancedEventSelectors)
      problems.push({ path: `${at}.AdvancedEventSelectors`, message: "a trail has basic EventSelectors or AdvancedEventSelectors, never both" });
    t.EventSelectors?.forEach((s, j) => checkBasic(pack, s, `${at}.EventSelectors[${j}]`, problems));
    // EventSelector (API Reference): at most 250 data resources across a trail's event selectors, unless all of a type are logged.
    const resources = (t.EventSelectors ?? [])
      .flatMap((s) => s.DataResources.flatMap((d) => d.Values))
      .filter((v) => !/^arn:aws[a-z-]*:[a-z0-9-]+:?$/.test(v)).length;
    if (resources > 250)
      problems.push({
        path: `${at}.EventSelectors`,
        message: `${resources} data resources; AWS allows at most 250 across a trail's event selectors (or a type's service prefix alone, e.g. arn:aws:s3, for all of them)`,
      });
    t.AdvancedEventSelectors?.forEach((s, j) => checkAdvanced(pack, s, `${at}.AdvancedEventSelectors[${j}]`, "trail", problems));
    // AWS CLI User Guide, update-trail: a multi-Region trail always records global service events.
    if (t.IsMultiRegionTrail && !t.IncludeGlobalServiceEvents)
      problems.push({ path: `${at}.IncludeGlobalServiceEvents`, message: "a multi-Region trail must include global service events" });
    checkValueCount(t.AdvancedEventSelectors, MAX_VALUES.trail, `${at}.AdvancedEventSelectors`, problems);
    return {
      kind: "trail" as const,
      name: t.Name,
      homeRegion: t.HomeRegion,
      multiRegion: t.IsMultiRegionTrail,
      includeGlobal: t.IncludeGlobalServiceEvents,
      organization: t.IsOrganizationTrail,
      ...(t.CloudWatchLogsLogGroupArn ? { logGroupArn: t.CloudWatchLogsLogGroupArn } : {}),
      ...(t.EventSelectors ? { basic: t.EventSelectors } : {}),
      ...(t.AdvancedEventSelectors ? { advanced: t.AdvancedEventSelectors } : {}),
      insights: t.InsightSelectors,
    };
  });
  const eventDataStores: EventDataStoreConfig[] = (parsed.data.eventDataStores ?? []).map((e, i) => {
    const at = `eventDataStores[${i}]`;
    if (e.EventSelectors !== undefined) problems.push({ path: `${at}.EventSelectors`, message: "event data stores take AdvancedEventSelectors only" });
    e.AdvancedEventSelectors?.forEach((s, j) => checkAdvanced(pack, s, `${at}.AdvancedEventSelectors[${j}]`, "event-data-store", problems));
    checkOneKind(e.AdvancedEventSelectors, `${at}.AdvancedEventSelectors`, problems);
    // Working with CloudTrail Insights: Insights on data events is for trails.
    e.InsightSelectors.forEach((s, j) =>
      s.EventCategories?.forEach(
        (c, k) =>
          c === "Data" &&
          problems.push({
            path: `${at}.InsightSelectors[${j}].EventCategories[${k}]`,
            message: "Insights on data events is for trails only; an event data store's Insights analyse Management events",
          }),
      ),
    );
    checkValueCount(e.AdvancedEventSelectors, MAX_VALUES["event-data-store"], `${at}.AdvancedEventSelectors`, problems);
    // UpdateEventDataStore (API Reference), InvalidInsightSelectorsException: "If the InsightSelectors includes an
    // InsightType of ApiCallRateInsight, the source event data store must log write management events. If the
    // InsightSelectors includes an InsightType of ApiErrorRateInsight, the source event data store must log
    // management events." (For trails AWS states the same need but no refusal: see insightGap.)
    e.InsightSelectors.forEach((s, j) => {
      for (const gap of insightGap({ kind: "event-data-store", ...(e.AdvancedEventSelectors ? { advanced: e.AdvancedEventSelectors } : {}) }, s))
        if (gap.category === "Management") problems.push({ path: `${at}.InsightSelectors[${j}]`, message: gap.message });
    });
    return {
      kind: "event-data-store" as const,
      name: e.Name,
      homeRegion: e.HomeRegion,
      multiRegion: e.MultiRegionEnabled,
      includeGlobal: true as const,
      organization: e.OrganizationEnabled,
      ...(e.AdvancedEventSelectors ? { advanced: e.AdvancedEventSelectors } : {}),
      insights: e.InsightSelectors,
    };
  });
  const names = new Map<string, string>();
  [
    ...trails.map((t, i) => [`trail:${t.name}`, `${trailKey}[${i}].Name`]),
    ...eventDataStores.map((e, i) => [`event-data-store:${e.name}`, `eventDataStores[${i}].Name`]),
  ].forEach(([k, p]) => {
    if (names.has(k!)) problems.push({ path: p!, message: `the name is already used at ${names.get(k!)}` });
    else names.set(k!, p!);
  });
  if (problems.length) throw new ConfigError(problems);
  return { trails, eventDataStores };
}

function checkBasic(pack: Pack, s: BasicSelector, at: string, problems: ConfigProblem[]): void {
  const BASIC_DATA_TYPES = basicDataTypes(pack);
  s.DataResources.forEach((d, k) => {
    if (!BASIC_DATA_TYPES.includes(d.Type)) {
      const advancedOnly = pack.resourceTypes.some((r) => r.type === d.Type);
      problems.push({
        path: `${at}.DataResources[${k}].Type`,
        message: advancedOnly
          ? `${d.Type} needs advanced event selectors; basic DataResources take only ${BASIC_DATA_TYPES.join(", ")}`
          : `unknown data resource type '${d.Type}'; basic DataResources take ${BASIC_DATA_TYPES.join(", ")}`,
      });
    }
  });
  s.ExcludeManagementEventSources.forEach((src, k) => {
    if (!EXCLUDABLE_SOURCES.includes(src))
      problems.push({ path: `${at}.ExcludeManagementEventSources[${k}]`, message: `only ${EXCLUDABLE_SOURCES.join(" and ")} can be excluded, not '${src}'` });
  });
}

const opsOf = (f: FieldSelector) => OPERATORS.filter((op) => f[op] !== undefined);
const list = (xs: readonly string[]) => xs.join(", ");

function checkAdvanced(pack: Pack, s: AdvancedSelector, at: string, kind: DestKind, problems: ConfigProblem[]): void {
  const fields = s.FieldSelectors;
  const where = kind === "trail" ? "trails" : "event data stores";
  const catIndex = fields.findIndex((f) => f.Field === "eventCategory");
  const cat = fields[catIndex];
  if (!cat) {
    problems.push({
      path: `${at}.FieldSelectors`,
      message: `every advanced event selector needs an eventCategory field selector (Equals one of ${list(categoriesFor(kind))})`,
    });
    return;
  }
  if (cat.Equals?.length !== 1 || opsOf(cat).some((op) => op !== "Equals")) {
    problems.push({
      path: `${at}.FieldSelectors[${catIndex}]`,
      message: `eventCategory takes Equals with exactly one value (${list(categoriesFor(kind))} on ${where})`,
    });
    return;
  }
  const category = cat.Equals[0]!;
  const rules = FIELD_RULES[kind][category];
  if (!rules) {
    problems.push({
      path: `${at}.FieldSelectors[${catIndex}].Equals[0]`,
      message: `eventCategory on ${where} must be one of ${list(categoriesFor(kind))}, not '${category}'`,
    });
    return;
  }
  fields.forEach((f, k) => {
    const p = `${at}.FieldSelectors[${k}]`;
    const rule = rules[f.Field];
    if (!rule) {
      problems.push({
        path: `${p}.Field`,
        message: `'${f.Field}' is not a field of ${category} selectors on ${where}; AWS allows ${list(Object.keys(rules))}`,
      });
      return;
    }
    const ops = opsOf(f);
    if (!ops.length) problems.push({ path: p, message: `a field selector needs an operator; ${f.Field} takes ${list(rule.ops)}` });
    for (const op of ops) {
      if (!rule.ops.includes(op)) {
        problems.push({
          path: `${p}.${op}`,
          message: `${f.Field} in ${category} selectors on ${where} takes only ${list(rule.ops)}${rule.values ? ` (${list(rule.values)})` : ""}, not ${op}`,
        });
        continue;
      }
      if (rule.maxValues && f[op]!.length > rule.maxValues)
        problems.push({ path: `${p}.${op}`, message: `${f.Field} takes ${op} with exactly one value; add another selector for another value` });
      f[op]!.forEach((v, n) => {
        if (rule.values && !rule.values.includes(v))
          problems.push({ path: `${p}.${op}[${n}]`, message: `${f.Field} ${op} takes ${list(rule.values.map((x) => `"${x}"`))}, not '${v}'` });
      });
    }
  });
  if (category === "Data") {
    const typeIndex = fields.findIndex((f) => f.Field === "resources.type");
    const t = fields[typeIndex];
    if (!t) problems.push({ path: `${at}.FieldSelectors`, message: "a Data selector needs a resources.type field selector (Equals, one value)" });
    else if (t.Equals?.length === 1 && !pack.resourceTypes.some((r) => r.type === t.Equals![0])) {
      problems.push({
        path: `${at}.FieldSelectors[${typeIndex}].Equals[0]`,
        message: `unknown resources.type '${t.Equals[0]}'; it takes a type from the User Guide's data events table, e.g. AWS::S3::Object`,
      });
    }
  }
  if (category === "NetworkActivity") {
    const srcIndex = fields.findIndex((f) => f.Field === "eventSource");
    const src = fields[srcIndex];
    if (!src)
      problems.push({
        path: `${at}.FieldSelectors`,
        message: "a NetworkActivity selector needs an eventSource field selector (Equals a source that records network activity events)",
      });
    else {
      src.Equals?.forEach((v, n) => {
        if (!pack.networkActivitySources.some((x) => x.eventSource === v)) {
          problems.push({
            path: `${at}.FieldSelectors[${srcIndex}].Equals[${n}]`,
            message: `'${v}' does not record network activity events; AWS allows one of the ${pack.networkActivitySources.length} sources of "Logging network activity events", e.g. s3.amazonaws.com`,
          });
        }
      });
    }
  }
}

/** An event data store of Config items, Audit Manager evidence, events from outside AWS or Insights holds only that kind. */
function checkOneKind(selectors: AdvancedSelector[] | undefined, at: string, problems: ConfigProblem[]): void {
  const cats = (selectors ?? []).map((s) => s.FieldSelectors.find((f) => f.Field === "eventCategory")?.Equals?.[0]).filter((c): c is string => c !== undefined);
  const other = [...new Set(cats.filter((c) => !API_CATEGORIES.includes(c)))];
  if (other.length && cats.some((c) => API_CATEGORIES.includes(c) || c !== other[0])) {
    problems.push({
      path: at,
      message: `an event data store of ${other[0]} events holds only those; CloudTrail events (Management, Data, NetworkActivity) and other kinds need their own event data store`,
    });
  }
}

/** What a destination's selectors log of management events (read, write) and whether it logs any data events. */
export function loggedKinds(d: { kind: DestKind; basic?: BasicSelector[]; advanced?: AdvancedSelector[] }): { read: boolean; write: boolean; data: boolean } {
  if (d.advanced) {
    const catOf = (s: AdvancedSelector) => s.FieldSelectors.find((f) => f.Field === "eventCategory")?.Equals?.[0];
    const mgmt = d.advanced.filter((s) => catOf(s) === "Management");
    const allows = (v: "true" | "false") =>
      mgmt.some((s) => {
        const ro = s.FieldSelectors.find((f) => f.Field === "readOnly");
        return !ro?.Equals || ro.Equals.includes(v);
      });
    return { read: allows("true"), write: allows("false"), data: d.advanced.some((s) => catOf(s) === "Data") };
  }
  if (d.kind === "trail" && d.basic) {
    const inc = d.basic.filter((s) => s.IncludeManagementEvents);
    return {
      read: inc.some((s) => s.ReadWriteType !== "WriteOnly"),
      write: inc.some((s) => s.ReadWriteType !== "ReadOnly"),
      data: d.basic.some((s) => s.DataResources.length > 0),
    };
  }
  return { read: true, write: true, data: false };
}

/**
 * What an Insights selector needs that the destination does not log, per "Working with CloudTrail Insights" and
 * PutInsightSelectors: "To log CloudTrail Insights on the API call rate, the trail or event data store must log
 * write management events. To log CloudTrail Insights on the API error rate, the trail or event data store must
 * log read or write management events"; for data events Insights "the trail must log read or write data events".
 * Empty when nothing is missing.
 */
export function insightGap(
  d: { kind: DestKind; basic?: BasicSelector[]; advanced?: AdvancedSelector[] },
  s: InsightSelector,
): Array<{ category: "Management" | "Data"; message: string }> {
  const logged = loggedKinds(d);
  const where = d.kind === "trail" ? "the trail" : "the event data store";
  return (s.EventCategories ?? ["Management"]).flatMap((c): Array<{ category: "Management" | "Data"; message: string }> => {
    if (c === "Management" && s.InsightType === "ApiCallRateInsight" && !logged.write)
      return [{ category: c, message: `${s.InsightType} on management events: ${where} must log write management events, and it logs none` }];
    if (c === "Management" && s.InsightType === "ApiErrorRateInsight" && !logged.read && !logged.write)
      return [{ category: c, message: `${s.InsightType} on management events: ${where} must log read or write management events, and it logs none` }];
    if (c === "Data" && !logged.data)
      return [{ category: c, message: `${s.InsightType} on data events: ${where} must log read or write data events, and it logs none` }];
    return [];
  });
}

function checkValueCount(selectors: AdvancedSelector[] | undefined, max: number, at: string, problems: ConfigProblem[]): void {
  const n = (selectors ?? []).reduce((sum, s) => sum + s.FieldSelectors.reduce((m, f) => m + OPERATORS.reduce((k, op) => k + (f[op]?.length ?? 0), 0), 0), 0);
  if (n > max) problems.push({ path: at, message: `${n} condition values; AWS allows at most ${max}` });
}

export { OPERATORS };
