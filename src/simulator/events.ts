// What a call produces before any configuration is looked at: the service's own event (management
// or data), and — only through a VPC endpoint of a supporting service — a network activity event for
// the endpoint owner. A call denied by the endpoint policy never reaches the service. Pure.
import type { Action, EventCategory, Pack } from "../content/index.js";
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
  resourceType?: string;
  resourceArn?: string;
  errorCode?: string;
  vpcEndpointId?: string;
  userIdentityArn: string;
  sessionCredentialFromConsole?: boolean;
}

export const VPCE_DENIED = "VpceAccessDenied";

export function callerArn(ctx: CallContext): string {
  if (ctx.caller === "other-account") return `arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/Partner/session`;
  return `arn:aws:sts::${ctx.account}:assumed-role/Admin/${ctx.caller === "console" ? "console-user" : "cli-session"}`;
}

/** An example ARN for the action's resource type when the learner gave none. */
export function defaultResourceArn(pack: Pack, action: Action, ctx: CallContext): string | undefined {
  if (!action.resourceType) return undefined;
  const r = ctx.region;
  const a = ctx.account;
  switch (action.resourceType) {
    case "AWS::S3::Object":
      return "arn:aws:s3:::example-bucket/reports/2026/q3.csv";
    case "AWS::Lambda::Function":
      return `arn:aws:lambda:${r}:${a}:function:example-function`;
    case "AWS::DynamoDB::Table":
      return `arn:aws:dynamodb:${r}:${a}:table/example-table`;
    case "AWS::SNS::Topic":
      return `arn:aws:sns:${r}:${a}:example-topic`;
    case "AWS::SQS::Queue":
      return `arn:aws:sqs:${r}:${a}:example-queue`;
    default: {
      const prefix = pack.resourceTypes.find((t) => t.type === action.resourceType)?.arnPrefix ?? "arn:aws:";
      return `${prefix}${prefix.endsWith(":::") ? "" : `${r}:${a}:`}example`;
    }
  }
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
  const common = {
    eventSource: action.eventSource,
    eventName: action.eventName,
    region,
    global: action.global,
    userIdentityArn: callerArn(ctx),
    ...(ctx.caller === "console" ? { sessionCredentialFromConsole: true } : {}),
  };
  const service: SimEvent = {
    ...common,
    category: categoryOfAction(action),
    eventType: action.eventType,
    readOnly: action.readOnly,
    ...(action.resourceType ? { resourceType: action.resourceType } : {}),
    ...(action.resourceType ? { resourceArn: ctx.resourceArn ?? defaultResourceArn(pack, action, ctx)! } : {}),
    ...(ctx.errorCode && ctx.errorCode !== VPCE_DENIED ? { errorCode: ctx.errorCode } : {}),
    ...(ctx.vpcEndpointId ? { vpcEndpointId: ctx.vpcEndpointId } : {}),
  };
  if (!ctx.vpcEndpointId) {
    notes.push("Direct call (not through a VPC endpoint): no network activity event exists for it.");
    return { events: [service], notes };
  }
  const supported = pack.networkActivitySources.some((s) => s.eventSource === action.eventSource);
  const network: SimEvent = {
    ...common,
    region: ctx.region,
    category: "NetworkActivity",
    eventType: "AwsVpceEvent",
    vpcEndpointId: ctx.vpcEndpointId,
    ...(ctx.vpceDenied ? { errorCode: VPCE_DENIED } : ctx.errorCode ? { errorCode: ctx.errorCode } : {}),
  };
  if (supported) notes.push(`Through VPC endpoint ${ctx.vpcEndpointId}: a network activity event is recorded in the endpoint owner's account (${ctx.account}), whoever's credentials made the call.`);
  else notes.push(`${action.eventSource} does not emit network activity events, so the path through ${ctx.vpcEndpointId} is not recorded as such.`);
  if (ctx.vpceDenied) {
    notes.push(`Denied by the VPC endpoint policy: the call never reached ${action.eventSource}, so no ${service.category === "Data" ? "data" : "management"} event exists.`);
    return { events: supported ? [network] : [], notes };
  }
  return { events: supported ? [service, network] : [service], notes };
}
