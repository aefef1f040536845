// Properties of the selector evaluator and the configuration parser, over random events and
// random (valid and invalid) configurations. Fixed seed in `npm test`; `npm run fuzz` runs longer.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ConfigError,
  DEFAULT_CONTEXT,
  destinationVerdict,
  fieldMatches,
  parseConfig,
  produceEvents,
  simulate,
  type CallContext,
  type SimEvent,
} from "../../src/simulator/index.js";
import { shippedPack } from "../ui/helpers.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const opts = { numRuns: RUNS, seed: 20261126 };
const pack = shippedPack();

const REGIONS = ["us-east-1", "eu-west-1", "ap-south-1"];
const ctxArb: fc.Arbitrary<CallContext> = fc
  .record({
    region: fc.constantFrom(...REGIONS),
    account: fc.constant(DEFAULT_CONTEXT.account),
    caller: fc.constantFrom("same-account", "other-account", "console") as fc.Arbitrary<CallContext["caller"]>,
    vpce: fc.option(fc.constantFrom("vpce-1", "vpce-2"), { nil: undefined }),
    denied: fc.boolean(),
    bucket: fc.constantFrom("payroll", "logs", "web"),
  })
  .map(({ vpce, denied, bucket, ...c }) => ({ ...c, ...(vpce ? { vpcEndpointId: vpce, vpceDenied: denied } : {}), resourceArn: `arn:aws:s3:::${bucket}/k` }));
const eventArb: fc.Arbitrary<SimEvent> = fc.tuple(fc.constantFrom(...pack.actions), ctxArb).chain(([a, c]) => {
  const ctx = a.resourceType === "AWS::S3::Object" ? c : { ...c, resourceArn: undefined };
  const { resourceArn, ...rest } = ctx;
  const events = produceEvents(pack, a, resourceArn ? { ...rest, resourceArn } : rest).events;
  return events.length ? fc.constantFrom(...events) : fc.constant(produceEvents(pack, a, DEFAULT_CONTEXT).events[0]!);
});

const fieldArb = fc.oneof(
  fc.record({ Field: fc.constant("readOnly"), Equals: fc.constantFrom(["true"], ["false"]) }),
  fc.record({ Field: fc.constant("eventSource"), NotEquals: fc.constantFrom(["kms.amazonaws.com"], ["rdsdata.amazonaws.com"]) }),
  fc.record({ Field: fc.constant("eventName"), StartsWith: fc.constantFrom(["Get"], ["Put"], ["List"]) }),
);
const selectorArb = fc.oneof(
  fc
    .array(fieldArb, { maxLength: 2 })
    .map((fs) => ({ FieldSelectors: [{ Field: "eventCategory", Equals: ["Management"] }, ...fs.filter((f) => f.Field !== "eventName")] })),
  fc
    .record({
      type: fc.constantFrom("AWS::S3::Object", "AWS::Lambda::Function", "AWS::SNS::Topic"),
      pre: fc.option(fc.constantFrom("arn:aws:s3:::payroll/", "arn:aws:s3:::logs/"), { nil: undefined }),
    })
    .map(({ type, pre }) => ({
      FieldSelectors: [
        { Field: "eventCategory", Equals: ["Data"] },
        { Field: "resources.type", Equals: [type] },
        ...(pre ? [{ Field: "resources.ARN", StartsWith: [pre] }] : []),
      ],
    })),
  fc.record({ src: fc.constantFrom("s3.amazonaws.com", "kms.amazonaws.com", "ec2.amazonaws.com"), deniedOnly: fc.boolean() }).map(({ src, deniedOnly }) => ({
    FieldSelectors: [
      { Field: "eventCategory", Equals: ["NetworkActivity"] },
      { Field: "eventSource", Equals: [src] },
      ...(deniedOnly ? [{ Field: "errorCode", Equals: ["VpceAccessDenied"] }] : []),
    ],
  })),
);
const trailWith = (sel: unknown[], extra: Record<string, unknown> = {}) =>
  parseConfig(pack, { trails: [{ Name: "t", AdvancedEventSelectors: sel, IsMultiRegionTrail: true, ...extra }] }).trails[0]!;

describe("selector evaluator properties", () => {
  it("an extra selector never un-records an event", () => {
    fc.assert(
      fc.property(eventArb, fc.array(selectorArb, { minLength: 1, maxLength: 3 }), selectorArb, (e, sels, extra) => {
        const before = destinationVerdict(trailWith(sels), e).recorded;
        const after = destinationVerdict(trailWith([...sels, extra]), e).recorded;
        return !before || after;
      }),
      opts,
    );
  });

  it("NotEquals X matches exactly what Equals X does not", () => {
    fc.assert(
      fc.property(
        fc.option(fc.string(), { nil: undefined }),
        fc.string({ minLength: 1 }),
        fc.constantFrom("eventName", "resources.ARN", "errorCode"),
        (value, x, field) => {
          return fieldMatches({ Field: field, NotEquals: [x] }, value) === !fieldMatches({ Field: field, Equals: [x] }, value);
        },
      ),
      opts,
    );
  });

  it("a multi-Region trail records a superset of its single-Region twin", () => {
    fc.assert(
      fc.property(eventArb, fc.array(selectorArb, { maxLength: 3 }), fc.constantFrom(...REGIONS), (e, sels, home) => {
        const extra = { HomeRegion: home };
        const multi = parseConfig(pack, {
          trails: [{ Name: "t", ...extra, IsMultiRegionTrail: true, ...(sels.length ? { AdvancedEventSelectors: sels } : {}) }],
        }).trails[0]!;
        const single = parseConfig(pack, {
          trails: [{ Name: "t", ...extra, IsMultiRegionTrail: false, ...(sels.length ? { AdvancedEventSelectors: sels } : {}) }],
        }).trails[0]!;
        return !destinationVerdict(single, e).recorded || destinationVerdict(multi, e).recorded;
      }),
      opts,
    );
  });
});

describe("configuration parser properties", () => {
  it("never throws anything but a ConfigError, and every problem has a path", () => {
    const junk = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small" }, fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie("value"), { maxLength: 3 }), tie("obj")),
      obj: fc.dictionary(
        fc.constantFrom(
          "trails",
          "Name",
          "EventSelectors",
          "AdvancedEventSelectors",
          "FieldSelectors",
          "Field",
          "Equals",
          "DataResources",
          "Type",
          "Values",
          "eventDataStores",
          "__proto__",
          "IsMultiRegionTrail",
        ),
        tie("value"),
        { maxKeys: 4 },
      ),
    }));
    fc.assert(
      fc.property(junk.value, (raw) => {
        try {
          parseConfig(pack, raw);
          return true;
        } catch (err) {
          if (!(err instanceof ConfigError)) throw err;
          expect(err.problems.length).toBeGreaterThan(0);
          for (const p of err.problems) expect(p.path).toMatch(/\S/);
          return true;
        }
      }),
      opts,
    );
  });
});

// Configurations AWS accepts, written from the API Reference (AdvancedFieldSelector) and the User
// Guide ("Filtering data events by using advanced event selectors", "Logging network activity
// events"), independently of the checker's own table: every one must parse, and simulate must place
// events with it rather than call it invalid.
const ANY_OP = ["Equals", "NotEquals", "StartsWith", "NotStartsWith", "EndsWith", "NotEndsWith"] as const;
type Documented = Record<string, { ops: readonly string[]; values: readonly string[] }>;
const v = (ops: readonly string[], ...values: string[]) => ({ ops, values });
const DOC_MANAGEMENT_TRAIL: Documented = {
  readOnly: v(["Equals"], "true", "false"),
  eventSource: v(["NotEquals"], "kms.amazonaws.com", "rdsdata.amazonaws.com"),
};
const DOC_MANAGEMENT_EDS: Documented = {
  ...DOC_MANAGEMENT_TRAIL,
  eventName: v(ANY_OP, "CreateUser", "Delete"),
  eventType: v(ANY_OP, "AwsConsoleSignIn", "AwsServiceEvent"),
  sessionCredentialFromConsole: v(["Equals", "NotEquals"], "true"),
  "userIdentity.arn": v(ANY_OP, "arn:aws:iam::111122223333:role/Admin"),
};
const DOC_DATA: Documented = {
  readOnly: v(["Equals"], "true", "false"),
  eventName: v(ANY_OP, "GetObject", "Put"),
  eventSource: v(ANY_OP, "s3.amazonaws.com"),
  eventType: v(ANY_OP, "AwsApiCall"),
  "resources.ARN": v(ANY_OP, "arn:aws:s3:::payroll/", ".pdf"),
  "userIdentity.arn": v(ANY_OP, "arn:aws:sts::444455556666:"),
  sessionCredentialFromConsole: v(["Equals", "NotEquals"], "true"),
};
const DOC_NETWORK: Documented = {
  eventName: v(ANY_OP, "CreateKey", "List"),
  errorCode: v(["Equals"], "VpceAccessDenied"),
  vpcEndpointId: v(ANY_OP, "vpce-1", "vpce-"),
};
const docField = (rules: Documented) =>
  fc
    .constantFrom(...Object.keys(rules))
    .chain((field) =>
      fc
        .record({ op: fc.constantFrom(...rules[field]!.ops), vals: fc.subarray([...rules[field]!.values], { minLength: 1 }) })
        .map(({ op, vals }) => ({ Field: field, [op]: vals })),
    );
const docSelector = (dest: "trail" | "eds") =>
  fc
    .oneof(
      fc
        .array(docField(dest === "trail" ? DOC_MANAGEMENT_TRAIL : DOC_MANAGEMENT_EDS), { maxLength: 3 })
        .map((fs) => [{ Field: "eventCategory", Equals: ["Management"] }, ...fs]),
      fc
        .tuple(fc.constantFrom(...pack.resourceTypes.map((t) => t.type)), fc.array(docField(DOC_DATA), { maxLength: 3 }))
        .map(([type, fs]) => [{ Field: "eventCategory", Equals: ["Data"] }, { Field: "resources.type", Equals: [type] }, ...fs]),
      fc
        .tuple(
          fc.constantFrom(...pack.networkActivitySources.map((s) => s.eventSource)),
          fc.array(docField(dest === "trail" ? { ...DOC_NETWORK, "userIdentity.arn": v(ANY_OP, "arn:aws:sts::444455556666:") } : DOC_NETWORK), {
            maxLength: 3,
          }),
        )
        .map(([src, fs]) => [{ Field: "eventCategory", Equals: ["NetworkActivity"] }, { Field: "eventSource", Equals: [src] }, ...fs]),
    )
    .map((FieldSelectors) => ({ FieldSelectors }));
const validConfig = fc
  .record({
    trail: fc.array(docSelector("trail"), { minLength: 1, maxLength: 4 }),
    eds: fc.array(docSelector("eds"), { minLength: 1, maxLength: 4 }),
    other: fc.constantFrom("ConfigurationItem", "Evidence", "ActivityAuditLog", "Insight"),
    insights: fc.subarray(["Management", "Data"] as const),
  })
  .map(({ trail, eds, other, insights }) => ({
    trails: [
      {
        Name: "t",
        IsMultiRegionTrail: true,
        AdvancedEventSelectors: trail,
        InsightSelectors: [{ InsightType: "ApiCallRateInsight", ...(insights.length ? { EventCategories: insights } : {}) }],
      },
    ],
    eventDataStores: [
      { Name: "lake", AdvancedEventSelectors: eds },
      { Name: "other", AdvancedEventSelectors: [{ FieldSelectors: [{ Field: "eventCategory", Equals: [other] }] }] },
    ],
  }));

describe("configurations AWS accepts", () => {
  it("parse, and simulate places every event under them", () => {
    fc.assert(
      fc.property(validConfig, fc.constantFrom(...pack.actions), ctxArb, (raw, action, ctx) => {
        const config = parseConfig(pack, raw);
        const r = simulate(pack, action, action.resourceType === "AWS::S3::Object" ? ctx : ({ ...ctx, resourceArn: undefined } as CallContext), config);
        return [...r.recorded, ...r.notRecorded].every((p) => !/invalid/i.test(p.because));
      }),
      opts,
    );
  });
});
