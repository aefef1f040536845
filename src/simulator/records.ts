// The CloudTrail record an event would produce, with the fields of "CloudTrail record contents for
// management, data, and network activity events" (shapes checked against the User Guide's example
// records in test/fixtures; sign-in records as "AWS Management Console sign-in events" shows them).
// Ids and times come from a seeded generator, so a seed gives the same record every time. Pure.
import type { Action } from "../content/schema.js";
import { createRng, type Rng } from "../quiz/rng.js";
import { OTHER_ACCOUNT, VPCE_DENIED, type CallContext, type SimEvent } from "./events.js";

export const EVENT_VERSION = "1.11";
export const SIM_EPOCH = Date.UTC(2026, 5, 1, 12, 0, 0);

export type CloudTrailRecord = Record<string, unknown>;

function uuid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

function userIdentity(ctx: CallContext, e: SimEvent, action: Action): Record<string, unknown> {
  // An AWS service event names the service that did it, not a caller (User Guide, "AWS service events").
  if (action.eventType === "AwsServiceEvent") return { accountId: ctx.account, invokedBy: action.eventSource };
  if (action.eventType === "AwsConsoleSignIn") {
    return {
      type: "IAMUser",
      principalId: "AIDAEXAMPLECONSOLE",
      arn: `arn:aws:iam::${ctx.account}:user/console-user`,
      accountId: ctx.account,
      userName: "console-user",
    };
  }
  if (ctx.caller === "other-account") {
    return { type: "AWSAccount", principalId: "AROAEXAMPLEPARTNER:session", accountId: OTHER_ACCOUNT };
  }
  const role = `arn:aws:iam::${ctx.account}:role/Admin`;
  return {
    type: "AssumedRole",
    principalId: `AROAEXAMPLEADMIN:${ctx.caller === "console" ? "console-user" : "cli-session"}`,
    arn: e.userIdentityArn,
    accountId: ctx.account,
    accessKeyId: "ASIAEXAMPLEKEY",
    sessionContext: {
      sessionIssuer: { type: "Role", principalId: "AROAEXAMPLEADMIN", arn: role, accountId: ctx.account, userName: "Admin" },
      attributes: { creationDate: new Date(SIM_EPOCH - 3_600_000).toISOString().replace(/\.000Z$/, "Z"), mfaAuthenticated: String(ctx.caller === "console") },
    },
  };
}

function requestParameters(action: Action, e: SimEvent): Record<string, unknown> | null {
  const arn = e.resourceArn;
  if (action.eventSource === "s3.amazonaws.com" && arn?.startsWith("arn:aws:s3:::")) {
    const [bucket, ...key] = arn.slice("arn:aws:s3:::".length).split("/");
    return key.length ? { bucketName: bucket, key: key.join("/") } : { bucketName: bucket };
  }
  if (arn) return { resourceArn: arn };
  return e.readOnly ? null : {};
}

export function buildRecord(action: Action, e: SimEvent, ctx: CallContext, seed: number | string, index = 0): CloudTrailRecord {
  const rng = createRng(`${seed}:${action.id}:${e.category}:${index}`);
  const eventTime = new Date(SIM_EPOCH + index * 1000).toISOString().replace(/\.000Z$/, "Z");
  const base: CloudTrailRecord = {
    eventVersion: EVENT_VERSION,
    userIdentity: userIdentity(ctx, e, action),
    eventTime,
    eventSource: e.eventSource,
    eventName: e.eventName,
    awsRegion: e.region,
    // Example values only (RFC 5737 documentation addresses): what a record says about the caller's
    // network is not simulated; a console session is marked by sessionCredentialFromConsole.
    sourceIPAddress: ctx.vpcEndpointId ? "10.0.12.34" : "198.51.100.23",
  };
  if (e.category === "NetworkActivity") {
    return {
      ...base,
      ...(e.errorCode
        ? { errorCode: e.errorCode, errorMessage: e.errorCode === VPCE_DENIED ? "The request was denied due to a VPC endpoint policy" : "The request failed" }
        : {}),
      requestID: uuid(rng),
      eventID: uuid(rng),
      eventType: "AwsVpceEvent",
      recipientAccountId: ctx.account,
      sharedEventID: uuid(rng),
      vpcEndpointId: e.vpcEndpointId,
      vpcEndpointAccountId: ctx.account,
      eventCategory: "NetworkActivity",
    };
  }
  const signIn = action.eventType === "AwsConsoleSignIn";
  const serviceEvent = action.eventType === "AwsServiceEvent";
  const record: CloudTrailRecord = {
    ...base,
    ...(serviceEvent
      ? { sourceIPAddress: action.eventSource, userAgent: action.eventSource }
      : { userAgent: ctx.caller === "console" || signIn ? "Mozilla/5.0 (example console session)" : "aws-cli/2.22.0 md/command#simulate" }),
    ...(e.errorCode ? { errorCode: e.errorCode, errorMessage: signIn ? "Failed authentication" : `Simulated ${e.errorCode}` } : {}),
    requestParameters: signIn ? null : requestParameters(action, e),
    // A sign-in record says how it ended and whether MFA was used (AWS Management Console sign-in events).
    responseElements: signIn ? { ConsoleLogin: e.errorCode ? "Failure" : "Success" } : e.errorCode || e.readOnly ? null : {},
    ...(signIn
      ? {
          additionalEventData: {
            LoginTo: "https://console.aws.amazon.com/console/home",
            MobileVersion: "No",
            MFAUsed: ctx.caller === "console" ? "Yes" : "No",
          },
        }
      : {}),
    requestID: uuid(rng),
    eventID: uuid(rng),
    readOnly: e.readOnly ?? false,
    ...(e.resourceArn && e.resourceType
      ? { resources: (e.resources ?? [{ type: e.resourceType, arn: e.resourceArn }]).map((r) => ({ accountId: ctx.account, type: r.type, ARN: r.arn })) }
      : {}),
    eventType: e.eventType,
    managementEvent: e.category === "Management",
    recipientAccountId: ctx.account,
    ...(ctx.caller === "other-account" ? { sharedEventID: uuid(rng) } : {}),
    ...(e.vpcEndpointId ? { vpcEndpointId: e.vpcEndpointId, vpcEndpointAccountId: ctx.account } : {}),
    eventCategory: e.category,
    ...(e.sessionCredentialFromConsole ? { sessionCredentialFromConsole: "true" } : {}),
    ...(serviceEvent
      ? {}
      : {
          tlsDetails: {
            tlsVersion: "TLSv1.3",
            cipherSuite: "TLS_AES_128_GCM_SHA256",
            clientProvidedHostHeader: `${e.eventSource.replace(".amazonaws.com", "")}.${e.region}.amazonaws.com`,
          },
        }),
  };
  return record;
}
