// What a call produces before any configuration is looked at: the service's own event (management
// or data), and — only through a VPC endpoint of a supporting service — a network activity event for
// the endpoint owner. A call denied by the endpoint policy never reaches the service. Pure.
import type { Pack } from "../content/pack.js";
import type { Action, EventCategory, ResourceType } from "../content/schema.js";
import { categoryOfAction } from "./catalog.js";

export type Caller = "same-account" | "other-account" | "console";
export const CALLERS: readonly Caller[] = ["same-account", "other-account", "console"];

export interface CallContext {
  region: string;
  /** The account whose configuration is simulated (resource and endpoint owner). */
  account: string;
  caller: Caller;
  resourceArn?: string;
  vpcEndpointId?: string;
  /** The VPC endpoint's policy denied the call. */
  vpceDenied?: boolean;
  errorCode?: string;
}

export const DEFAULT_ACCOUNT = "111122223333";
export const OTHER_ACCOUNT = "444455556666";
export const DEFAULT_CONTEXT: CallContext = { region: "us-east-1", account: DEFAULT_ACCOUNT, caller: "same-account" };

export interface SimResource {
  type: string;
  arn: string;
}

/** One event as selectors see it: the fields advanced event selectors can filter on. */
export interface SimEvent {
  category: EventCategory;
  eventSource: string;
  eventName: string;
  eventType: string;
  /** Region the event is recorded in (global service events: us-east-1). */
  region: string;
  global: boolean;
  readOnly?: boolean;
  /** The first resource (what resources.type / resources.ARN see when there is one). */
  resourceType?: string;
  resourceArn?: string;
  /** Every resource of the record; a DynamoDB stream event also names its table. */
  resources?: SimResource[];
  /** Basic event selectors can select this event's resource type (the catalog's basicSelectors). */
  basicSelectable?: boolean;
  errorCode?: string;
  vpcEndpointId?: string;
  userIdentityArn: string;
  sessionCredentialFromConsole?: boolean;
  /**
   * The account the event is delivered to when it is not the simulated one: a call made at the
   * owner's VPC endpoint with another account's credentials is that account's management event
   * (AWS KMS Developer Guide, "Logging AWS KMS requests that use a VPC endpoint").
   */
  deliveredTo?: string;
}

export const VPCE_DENIED = "VpceAccessDenied";

export function callerArn(ctx: CallContext): string {
  if (ctx.caller === "other-account") return `arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/Partner/session`;
  return `arn:aws:sts::${ctx.account}:assumed-role/Admin/${ctx.caller === "console" ? "console-user" : "cli-session"}`;
}

/**
 * `{region}` and `{account}` in a catalog arnPrefix are the call's, another `{segment}` an example
 * name (`{table}` → example-table); a bare `arn:aws:svc:` gets the Region and account appended.
 */
function fillPrefix(prefix: string, ctx: CallContext): string {
  if (prefix.includes("{"))
    return prefix.replace(/\{([a-z]+)\}/g, (_, k: string) => (k === "region" ? ctx.region : k === "account" ? ctx.account : `example-${k}`));
  if (prefix.endsWith(":::")) return prefix;
  return `${prefix}${ctx.region}:${ctx.account}:`;
}

/** An example ARN of a resource type, built from the catalog's arnPrefix. */
export function exampleArn(pack: Pack, type: string, ctx: CallContext): string {
  const prefix = pack.resourceTypes.find((t) => t.type === type)?.arnPrefix ?? "arn:aws:";
  const filled = fillPrefix(prefix, ctx);
  if (filled.endsWith(":::")) return `${filled}example-bucket/reports/2026/q3.csv`;
  return `${filled}${filled.endsWith("/") || filled.endsWith(":") ? "" : "/"}example`;
}

/** An example ARN for the action's resource type when the learner gave none. */
export function defaultResourceArn(pack: Pack, action: Action, ctx: CallContext): string | undefined {
  return action.resourceType ? exampleArn(pack, action.resourceType, ctx) : undefined;
}

/** A catalog arnPrefix as a pattern: placeholders match one ARN segment. */
function prefixPattern(prefix: string): RegExp {
  const esc = prefix
    .replace(/[.*+?^$()|[\]\\]/g, "\\$&")
    .replace(/\{region\}/g, "[a-z0-9-]*")
    .replace(/\{account\}/g, "[0-9]*")
    .replace(/\{[a-z]+\}/g, "[^/:]+");
  return new RegExp(`^${esc}`);
}

/**
 * The resource type a call on this ARN produces: among the catalog types of the action's event
 * source, the one whose arnPrefix matches the ARN most specifically (sns:Publish to a platform
 * endpoint is AWS::SNS::PlatformEndpoint, not a topic). The action's own type otherwise.
 */
export function resourceTypeFor(pack: Pack, action: Action, arn: string | undefined): string | undefined {
  if (!action.resourceType || !arn) return action.resourceType;
  const own = pack.resourceTypes.find((t) => t.type === action.resourceType);
  const source = own?.eventSource ?? action.eventSource;
  const siblings = pack.resourceTypes.filter(
    (t): t is ResourceType & { arnPrefix: string } => t.eventSource === source && t.arnPrefix !== undefined && t.arnPrefix.includes("{"),
  );
  const best = siblings.filter((t) => prefixPattern(t.arnPrefix).test(arn)).sort((a, b) => b.arnPrefix.length - a.arnPrefix.length)[0];
  return best?.type ?? action.resourceType;
}

/** The resources a record names: a DynamoDB stream's events also name the table it belongs to. */
function resourcesOf(type: string, arn: string): SimResource[] {
  const m = type === "AWS::DynamoDB::Stream" ? /^(.*:table\/[^/]+)\/stream\//.exec(arn) : null;
  return m
    ? [
        { type, arn },
        { type: "AWS::DynamoDB::Table", arn: m[1]! },
      ]
    : [{ type, arn }];
}

export interface Produced {
  events: SimEvent[];
  /** Facts about the call itself that explain what exists at all. */
  notes: string[];
}

export function produceEvents(pack: Pack, action: Action, ctx: CallContext): Produced {
  const notes: string[] = [];
  const region = action.global ? "us-east-1" : ctx.region;
  if (action.global) notes.push(`${action.eventSource} is a global service: its events are recorded in us-east-1 (US East, N. Virginia).`);
  const serviceEvent = action.eventType === "AwsServiceEvent";
  if (serviceEvent)
    notes.push(
      `${action.id} is an AWS service event (eventType AwsServiceEvent): ${action.eventSource} does it on its own, not in answer to a caller's request, so the caller and the path do not apply.`,
    );
  const common = {
    eventSource: action.eventSource,
    eventName: action.eventName,
    region,
    global: action.global,
    userIdentityArn: serviceEvent ? "" : action.eventType === "AwsConsoleSignIn" ? `arn:aws:iam::${ctx.account}:user/console-user` : callerArn(ctx),
    ...(ctx.caller === "console" && !serviceEvent ? { sessionCredentialFromConsole: true } : {}),
  };
  const arn = action.resourceType ? (ctx.resourceArn ?? defaultResourceArn(pack, action, ctx)!) : undefined;
  const type = resourceTypeFor(pack, action, arn);
  if (type && type !== action.resourceType) notes.push(`${arn} is a resource of type ${type}, so the data event names ${type} (not ${action.resourceType}).`);
  const resources = type && arn ? resourcesOf(type, arn) : undefined;
  if (resources && resources.length > 1)
    notes.push(
      `A stream of a table: the record names both ${resources.map((r) => r.type).join(" and ")}, so a selector for the table also logs its stream's events.`,
    );
  const basic = new Set(pack.resourceTypes.filter((t) => t.basicSelectors).map((t) => t.type));
  const viaEndpoint = ctx.vpcEndpointId && !serviceEvent ? ctx.vpcEndpointId : undefined;
  // Management events only: a data event on the owner's resource still reaches the owner, because
  // "both API callers and resource owners can receive events" (User Guide, "Logging data events").
  const foreign = viaEndpoint && ctx.caller === "other-account" && categoryOfAction(action) === "Management";
  const service: SimEvent = {
    ...common,
    category: categoryOfAction(action),
    eventType: action.eventType,
    readOnly: action.readOnly,
    ...(type && arn ? { resourceType: type, resourceArn: arn, resources: resources!, basicSelectable: resources!.some((r) => basic.has(r.type)) } : {}),
    ...(ctx.errorCode && ctx.errorCode !== VPCE_DENIED ? { errorCode: ctx.errorCode } : {}),
    ...(viaEndpoint ? { vpcEndpointId: viaEndpoint } : {}),
    ...(foreign ? { deliveredTo: OTHER_ACCOUNT } : {}),
  };
  if (!viaEndpoint) {
    if (!serviceEvent) notes.push("Direct call (not through a VPC endpoint): no network activity event exists for it.");
    return { events: [service], notes };
  }
  const supported = pack.networkActivitySources.some((s) => s.eventSource === action.eventSource);
  const network: SimEvent = {
    ...common,
    region: ctx.region,
    category: "NetworkActivity",
    eventType: "AwsVpceEvent",
    vpcEndpointId: viaEndpoint,
    ...(ctx.vpceDenied ? { errorCode: VPCE_DENIED } : ctx.errorCode ? { errorCode: ctx.errorCode } : {}),
  };
  if (supported)
    notes.push(
      `Through VPC endpoint ${viaEndpoint}: a network activity event is recorded in the endpoint owner's account (${ctx.account}), whoever's credentials made the call.`,
    );
  else notes.push(`${action.eventSource} does not emit network activity events, so the path through ${viaEndpoint} is not recorded as such.`);
  if (ctx.vpceDenied) {
    notes.push(
      `Denied by the VPC endpoint policy: the call never reached ${action.eventSource}, so no ${service.category === "Data" ? "data" : "management"} event exists.`,
    );
    return { events: supported ? [network] : [], notes };
  }
  if (foreign)
    notes.push(
      `Made with account ${OTHER_ACCOUNT}'s credentials: its management event belongs to ${OTHER_ACCOUNT}, not to the endpoint owner's Event History or trails.`,
    );
  else if (ctx.caller === "other-account" && service.category === "Data")
    notes.push(
      `Made with account ${OTHER_ACCOUNT}'s credentials on this account's resource: the resource owner's trails can log the data event too (as can the caller's).`,
    );
  return { events: supported ? [service, network] : [service], notes };
}
