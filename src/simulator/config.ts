// A trail configuration in AWS's own shape (describe-trails / get-event-selectors /
// get-insight-selectors output; docs/configuration.md), checked the way AWS would
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
const InsightSelector = z.looseObject({ InsightType: z.enum(["ApiCallRateInsight", "ApiErrorRateInsight"]), EventCategories: z.array(z.string()).optional() });

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

export const BASIC_DATA_TYPES = ["AWS::S3::Object", "AWS::Lambda::Function", "AWS::DynamoDB::Table"];
export const EXCLUDABLE_SOURCES = ["kms.amazonaws.com", "rdsdata.amazonaws.com"];
const CATEGORIES_TRAIL = ["Management", "Data", "NetworkActivity"];
const FIELDS: Record<string, readonly string[]> = {
  Management: ["eventCategory", "readOnly", "eventSource"],
  Data: ["eventCategory", "resources.type", "resources.ARN", "readOnly", "eventName", "eventSource", "eventType", "userIdentity.arn", "sessionCredentialFromConsole"],
  NetworkActivity: ["eventCategory", "eventSource", "eventName", "errorCode", "vpcEndpointId"],
};
const MAX_VALUES = { trail: 500, "event-data-store": 1000 } as const;

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
    if (t.EventSelectors && t.AdvancedEventSelectors) problems.push({ path: `${at}.AdvancedEventSelectors`, message: "a trail has basic EventSelectors or AdvancedEventSelectors, never both" });
    t.EventSelectors?.forEach((s, j) => checkBasic(pack, s, `${at}.EventSelectors[${j}]`, problems));
    t.AdvancedEventSelectors?.forEach((s, j) => checkAdvanced(pack, s, `${at}.AdvancedEventSelectors[${j}]`, CATEGORIES_TRAIL, problems));
    // AWS CLI User Guide, update-trail: a multi-Region trail always records global service events.
    if (t.IsMultiRegionTrail && !t.IncludeGlobalServiceEvents) problems.push({ path: `${at}.IncludeGlobalServiceEvents`, message: "a multi-Region trail must include global service events" });
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
    e.AdvancedEventSelectors?.forEach((s, j) => checkAdvanced(pack, s, `${at}.AdvancedEventSelectors[${j}]`, CATEGORIES_TRAIL, problems));
    checkValueCount(e.AdvancedEventSelectors, MAX_VALUES["event-data-store"], `${at}.AdvancedEventSelectors`, problems);
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
  [...trails.map((t, i) => [`trail:${t.name}`, `${trailKey}[${i}].Name`]), ...eventDataStores.map((e, i) => [`event-data-store:${e.name}`, `eventDataStores[${i}].Name`])].forEach(([k, p]) => {
    if (names.has(k!)) problems.push({ path: p!, message: `the name is already used at ${names.get(k!)}` });
    else names.set(k!, p!);
  });
  if (problems.length) throw new ConfigError(problems);
  return { trails, eventDataStores };
}

function checkBasic(pack: Pack, s: BasicSelector, at: string, problems: ConfigProblem[]): void {
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
    if (!EXCLUDABLE_SOURCES.includes(src)) problems.push({ path: `${at}.ExcludeManagementEventSources[${k}]`, message: `only ${EXCLUDABLE_SOURCES.join(" and ")} can be excluded, not '${src}'` });
  });
}

function checkAdvanced(pack: Pack, s: AdvancedSelector, at: string, categories: readonly string[], problems: ConfigProblem[]): void {
  const fields = s.FieldSelectors;
  const catIndex = fields.findIndex((f) => f.Field === "eventCategory");
  const cat = fields[catIndex];
  if (!cat) {
    problems.push({ path: `${at}.FieldSelectors`, message: "every advanced event selector needs an eventCategory field selector" });
    return;
  }
  if (!cat.Equals || cat.Equals.length !== 1 || Object.keys(cat).some((k) => k !== "Field" && k !== "Equals" && (OPERATORS as readonly string[]).includes(k))) {
    problems.push({ path: `${at}.FieldSelectors[${catIndex}]`, message: "eventCategory takes Equals with exactly one value" });
    return;
  }
  const category = cat.Equals[0]!;
  if (!categories.includes(category)) {
    problems.push({ path: `${at}.FieldSelectors[${catIndex}].Equals[0]`, message: `eventCategory must be one of ${categories.join(", ")}, not '${category}'` });
    return;
  }
  fields.forEach((f, k) => {
    const p = `${at}.FieldSelectors[${k}]`;
    if (!FIELDS[category]!.includes(f.Field)) {
      problems.push({ path: `${p}.Field`, message: `'${f.Field}' is not a valid field for ${category} selectors; use ${FIELDS[category]!.join(", ")}` });
    }
    if (!OPERATORS.some((op) => f[op] !== undefined)) problems.push({ path: p, message: `a field selector needs an operator: ${OPERATORS.join(", ")}` });
    if (f.Field === "readOnly") {
      for (const op of OPERATORS) f[op]?.forEach((v, n) => v !== "true" && v !== "false" && problems.push({ path: `${p}.${op}[${n}]`, message: `readOnly takes "true" or "false", not '${v}'` }));
    }
  });
  if (category === "Data") {
    const typeIndex = fields.findIndex((f) => f.Field === "resources.type");
    const t = fields[typeIndex];
    if (!t) problems.push({ path: `${at}.FieldSelectors`, message: "a Data selector needs a resources.type field selector (Equals, one value)" });
    else if (!t.Equals || t.Equals.length !== 1) problems.push({ path: `${at}.FieldSelectors[${typeIndex}]`, message: "resources.type takes Equals with exactly one value" });
    else if (!pack.resourceTypes.some((r) => r.type === t.Equals![0])) {
      problems.push({ path: `${at}.FieldSelectors[${typeIndex}].Equals[0]`, message: `unknown resources.type '${t.Equals[0]}'` });
    }
  }
  if (category === "NetworkActivity") {
    const srcIndex = fields.findIndex((f) => f.Field === "eventSource");
    const src = fields[srcIndex];
    if (!src) problems.push({ path: `${at}.FieldSelectors`, message: "a NetworkActivity selector needs an eventSource field selector" });
    else {
      for (const op of OPERATORS) {
        src[op]?.forEach((v, n) => {
          if ((op === "Equals" || op === "NotEquals") && !pack.networkActivitySources.some((x) => x.eventSource === v)) {
            problems.push({ path: `${at}.FieldSelectors[${srcIndex}].${op}[${n}]`, message: `'${v}' does not record network activity events` });
          }
        });
      }
    }
  }
}

function checkValueCount(selectors: AdvancedSelector[] | undefined, max: number, at: string, problems: ConfigProblem[]): void {
  const n = (selectors ?? []).reduce((sum, s) => sum + s.FieldSelectors.reduce((m, f) => m + OPERATORS.reduce((k, op) => k + (f[op]?.length ?? 0), 0), 0), 0);
  if (n > max) problems.push({ path: at, message: `${n} condition values; AWS allows at most ${max}` });
}

export { OPERATORS };
