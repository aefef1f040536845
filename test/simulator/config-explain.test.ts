// Configurations AWS would reject name the JSON path of the bad field; records the simulator builds
// have the shape of the User Guide's real ones; `explain` agrees with every real record's category.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ConfigError,
  DEFAULT_CONTEXT,
  explainRecords,
  findAction,
  modelInsights,
  parseConfig,
  presetConfig,
  recordsOf,
  simulate,
} from "../../src/simulator/index.js";
import { shippedPack } from "../ui/helpers.js";

const pack = shippedPack();
const FIXTURE = join(import.meta.dirname, "../fixtures/cloudtrail-records/aws-user-guide-examples.json");
const real = recordsOf(JSON.parse(readFileSync(FIXTURE, "utf8"))) as Array<Record<string, unknown>>;

const problemsOf = (raw: unknown) => {
  try {
    parseConfig(pack, raw);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
};
const t = (extra: Record<string, unknown>) => ({ trails: [{ Name: "t", ...extra }] });

describe("configurations AWS would reject", () => {
  it.each([
    [
      "both basic and advanced selectors",
      t({ EventSelectors: [{}], AdvancedEventSelectors: [{ FieldSelectors: [{ Field: "eventCategory", Equals: ["Management"] }] }] }),
      "trails[0].AdvancedEventSelectors",
    ],
    [
      "a field not valid for its category",
      t({
        AdvancedEventSelectors: [
          {
            FieldSelectors: [
              { Field: "eventCategory", Equals: ["Management"] },
              { Field: "resources.type", Equals: ["AWS::S3::Object"] },
            ],
          },
        ],
      }),
      "trails[0].AdvancedEventSelectors[0].FieldSelectors[1].Field",
    ],
    [
      "an unknown resources.type",
      t({
        AdvancedEventSelectors: [
          {
            FieldSelectors: [
              { Field: "eventCategory", Equals: ["Data"] },
              { Field: "resources.type", Equals: ["AWS::S3::Bucket"] },
            ],
          },
        ],
      }),
      "trails[0].AdvancedEventSelectors[0].FieldSelectors[1].Equals[0]",
    ],
    [
      "a Data selector without resources.type",
      t({ AdvancedEventSelectors: [{ FieldSelectors: [{ Field: "eventCategory", Equals: ["Data"] }] }] }),
      "trails[0].AdvancedEventSelectors[0].FieldSelectors",
    ],
    [
      "no eventCategory",
      t({ AdvancedEventSelectors: [{ FieldSelectors: [{ Field: "readOnly", Equals: ["true"] }] }] }),
      "trails[0].AdvancedEventSelectors[0].FieldSelectors",
    ],
    [
      "an unknown eventCategory",
      t({ AdvancedEventSelectors: [{ FieldSelectors: [{ Field: "eventCategory", Equals: ["Insight"] }] }] }),
      "trails[0].AdvancedEventSelectors[0].FieldSelectors[0].Equals[0]",
    ],
    [
      "readOnly that is not true/false",
      t({
        AdvancedEventSelectors: [
          {
            FieldSelectors: [
              { Field: "eventCategory", Equals: ["Management"] },
              { Field: "readOnly", Equals: ["yes"] },
            ],
          },
        ],
      }),
      "trails[0].AdvancedEventSelectors[0].FieldSelectors[1].Equals[0]",
    ],
    [
      "network activity for a source without it",
      t({
        AdvancedEventSelectors: [
          {
            FieldSelectors: [
              { Field: "eventCategory", Equals: ["NetworkActivity"] },
              { Field: "eventSource", Equals: ["iam.amazonaws.com"] },
            ],
          },
        ],
      }),
      "trails[0].AdvancedEventSelectors[0].FieldSelectors[1].Equals[0]",
    ],
    [
      "basic DataResources of an advanced-only type",
      t({ EventSelectors: [{ DataResources: [{ Type: "AWS::SNS::Topic", Values: ["arn:aws:sns"] }] }] }),
      "trails[0].EventSelectors[0].DataResources[0].Type",
    ],
    [
      "excluding a source that cannot be excluded",
      t({ EventSelectors: [{ ExcludeManagementEventSources: ["s3.amazonaws.com"] }] }),
      "trails[0].EventSelectors[0].ExcludeManagementEventSources[0]",
    ],
    ["a wrong ReadWriteType", t({ EventSelectors: [{ ReadWriteType: "Everything" }] }), "trails[0].EventSelectors[0].ReadWriteType"],
    ["a trail without a name", { trails: [{ HomeRegion: "us-east-1" }] }, "trails[0].Name"],
    ["basic selectors on an event data store", { eventDataStores: [{ Name: "e", EventSelectors: [{}] }] }, "eventDataStores[0].EventSelectors"],
    ["an unknown insight type", t({ InsightSelectors: [{ InsightType: "ApiSpikeInsight" }] }), "trails[0].InsightSelectors[0].InsightType"],
  ])("%s → %s", (_, raw, path) => {
    expect(problemsOf(raw).map((p) => p.path)).toContain(path);
  });

  it("accepts describe-trails output as it comes (trailList, extra fields)", () => {
    const c = parseConfig(pack, {
      trailList: [
        {
          Name: "x",
          S3BucketName: "b",
          IsMultiRegionTrail: true,
          HomeRegion: "eu-west-1",
          TrailARN: "arn:aws:cloudtrail:eu-west-1:1:trail/x",
          LogFileValidationEnabled: true,
          HasCustomEventSelectors: false,
        },
      ],
    });
    expect(c.trails[0]).toMatchObject({ name: "x", multiRegion: true, homeRegion: "eu-west-1" });
  });

  it("accepts every resources.type of the data events table, the 250 rows of 'Understanding CloudTrail events' included", () => {
    // Rows of the current table that the earlier one (175 types) did not have.
    const newer = ["AWS::Events::EventBus", "AWS::Lex::BotAlias", "AWS::SageMaker::TrainingSession", "AWS::S3Express::AccessPoint", "AWS::XRay::Trace"];
    expect(pack.resourceTypes).toHaveLength(250);
    for (const type of [...newer, ...pack.resourceTypes.map((r) => r.type)]) {
      const raw = t({
        AdvancedEventSelectors: [
          {
            FieldSelectors: [
              { Field: "eventCategory", Equals: ["Data"] },
              { Field: "resources.type", Equals: [type] },
            ],
          },
        ],
      });
      expect(problemsOf(raw), type).toEqual([]);
    }
  });
});

describe("records", () => {
  const recordOf = (id: string, ctx = {}) =>
    simulate(pack, findAction(pack, id)!, { ...DEFAULT_CONTEXT, ...ctx }, presetConfig(pack, "default-trail")).records[0]!;

  it("a ConsoleLogin record says how the sign-in ended and whether MFA was used, as real ones do", () => {
    expect(recordOf("signin:ConsoleLogin", { caller: "console" })).toMatchObject({
      eventType: "AwsConsoleSignIn",
      eventSource: "signin.amazonaws.com",
      awsRegion: "us-east-1",
      requestParameters: null,
      responseElements: { ConsoleLogin: "Success" },
      additionalEventData: { MFAUsed: "Yes" },
      userIdentity: { type: "IAMUser" },
    });
    const failed = recordOf("signin:ConsoleLogin", { errorCode: "AccessDenied" });
    expect(failed).toMatchObject({
      responseElements: { ConsoleLogin: "Failure" },
      errorMessage: "Failed authentication",
      additionalEventData: { MFAUsed: "No" },
    });
  });

  it("automatic key rotation is an AWS service event invoked by KMS, with no caller", () => {
    const r = recordOf("kms:RotateKey", { caller: "other-account" });
    expect(r).toMatchObject({
      eventType: "AwsServiceEvent",
      eventName: "RotateKey",
      userIdentity: { accountId: DEFAULT_CONTEXT.account, invokedBy: "kms.amazonaws.com" },
      managementEvent: true,
      eventCategory: "Management",
    });
    expect(r).not.toHaveProperty("tlsDetails");
  });

  it("a DynamoDB stream event names the stream and its table", () => {
    const r = simulate(
      pack,
      findAction(pack, "dynamodb:GetRecords")!,
      DEFAULT_CONTEXT,
      parseConfig(pack, {
        trails: [
          {
            Name: "t",
            AdvancedEventSelectors: [
              {
                FieldSelectors: [
                  { Field: "eventCategory", Equals: ["Data"] },
                  { Field: "resources.type", Equals: ["AWS::DynamoDB::Table"] },
                ],
              },
            ],
          },
        ],
      }),
    );
    expect((r.records[0]!.resources as Array<{ type: string }>).map((x) => x.type)).toEqual(["AWS::DynamoDB::Stream", "AWS::DynamoDB::Table"]);
  });

  const MGMT_FIELDS = [
    "eventVersion",
    "userIdentity",
    "eventTime",
    "eventSource",
    "eventName",
    "awsRegion",
    "sourceIPAddress",
    "userAgent",
    "requestParameters",
    "responseElements",
    "requestID",
    "eventID",
    "readOnly",
    "eventType",
    "managementEvent",
    "recipientAccountId",
    "eventCategory",
  ];

  it("a data event carries the fields of the User Guide's data record, with resources", () => {
    const realData = real.find((r) => r.eventCategory === "Data")!;
    const r = simulate(
      pack,
      findAction(pack, "sns:Publish")!,
      DEFAULT_CONTEXT,
      parseConfig(pack, {
        trails: [
          {
            Name: "t",
            AdvancedEventSelectors: [
              {
                FieldSelectors: [
                  { Field: "eventCategory", Equals: ["Data"] },
                  { Field: "resources.type", Equals: ["AWS::SNS::Topic"] },
                ],
              },
            ],
          },
        ],
      }),
    );
    const rec = r.records[0]!;
    for (const k of MGMT_FIELDS) expect(rec, k).toHaveProperty(k);
    for (const k of Object.keys(realData).filter((k) => k !== "tlsDetails")) expect(rec, k).toHaveProperty(k);
    expect(rec).toMatchObject({ eventCategory: "Data", managementEvent: false, readOnly: false, eventType: "AwsApiCall" });
    expect((rec.resources as Array<Record<string, unknown>>)[0]).toMatchObject({ type: "AWS::SNS::Topic" });
  });

  it("a denied network activity record has exactly the User Guide's fields", () => {
    const realDenied = real.find((r) => r.errorCode === "VpceAccessDenied")!;
    const r = simulate(
      pack,
      findAction(pack, "kms:ListKeys")!,
      { ...DEFAULT_CONTEXT, vpcEndpointId: "vpce-1", vpceDenied: true, caller: "other-account" },
      presetConfig(pack, "org-network-denied"),
    );
    expect(r.records).toHaveLength(1);
    expect(Object.keys(r.records[0]!).sort()).toEqual(Object.keys(realDenied).sort());
    expect(r.records[0]).toMatchObject({
      eventType: "AwsVpceEvent",
      eventCategory: "NetworkActivity",
      errorCode: "VpceAccessDenied",
      vpcEndpointId: "vpce-1",
      vpcEndpointAccountId: DEFAULT_CONTEXT.account,
    });
  });

  it("is deterministic for a seed and differs across seeds", () => {
    const run = (seed: string) => simulate(pack, findAction(pack, "s3:GetObject")!, DEFAULT_CONTEXT, presetConfig(pack, "bucket-data-events"), seed).records;
    expect(run("a")).toEqual(run("a"));
    expect((run("a")[0] as { eventID: string }).eventID).not.toBe((run("b")[0] as { eventID: string }).eventID);
    expect((run("a")[0] as { eventID: string }).eventID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("a management event through an endpoint records vpcEndpointId on the management record too", () => {
    const r = simulate(pack, findAction(pack, "kms:ListKeys")!, { ...DEFAULT_CONTEXT, vpcEndpointId: "vpce-9" }, NO_TRAIL_CONFIG());
    expect(r.records.map((x) => x.eventCategory)).toEqual(["Management"]);
    expect(r.records[0]).toMatchObject({ vpcEndpointId: "vpce-9", managementEvent: true });
  });
});
const NO_TRAIL_CONFIG = () => parseConfig(pack, {});

describe("explain", () => {
  it("agrees with the eventCategory of every real record in the fixtures, without reading it", () => {
    const stripped = real.map(({ eventCategory: _omit, ...rest }) => rest);
    const { records, summary } = explainRecords(pack, stripped);
    expect(records.map((r) => r.category)).toEqual(real.map((r) => r.eventCategory));
    expect(summary.total).toBe(real.length);
    expect(summary.disagreements).toBe(0);
  });

  it("reports a record whose own eventCategory disagrees with the rules", () => {
    const lying = { ...real.find((r) => r.eventName === "Publish")!, eventCategory: "Management" };
    const { records, summary } = explainRecords(pack, [lying]);
    expect(records[0]).toMatchObject({ category: "Data", recordCategory: "Management", disagrees: true });
    expect(summary.disagreements).toBe(1);
  });

  it("classifies an API the catalog does not know by the rules, and says so", () => {
    const { records } = explainRecords(pack, [
      { eventVersion: "1.11", eventTime: "2026-01-01T00:00:00Z", eventSource: "ecr.amazonaws.com", eventName: "CreateRepository", eventType: "AwsApiCall" },
    ]);
    expect(records[0]).toMatchObject({ category: "Management", inCatalog: false, inEventHistory: true });
  });

  it("refuses JSON that is not CloudTrail records", () => {
    expect(() => recordsOf({ hello: "world" })).toThrow(/not a CloudTrail record/);
  });
});

describe("Insights model", () => {
  it("finds the burst on a fixed seed with start and end events and the baseline", () => {
    const r = modelInsights({
      eventSource: "ec2.amazonaws.com",
      eventName: "RunInstances",
      type: "ApiCallRateInsight",
      minutes: 240,
      baselineRate: 5,
      burstRate: 60,
      burstAt: 150,
      burstMinutes: 10,
      noise: 0.2,
      seed: 7,
    });
    expect(r.insights).toHaveLength(1);
    expect(r.insights[0]!.start).toBe(150);
    expect(r.insights[0]!.end).toBe(160);
    expect(r.insights[0]!.baselineAverage).toBeGreaterThan(4);
    expect(r.insights[0]!.baselineAverage).toBeLessThan(6);
    expect(r.insights[0]!.insightAverage).toBeGreaterThan(40);
    expect(r.events.map((e) => (e.insightDetails as { state: string }).state)).toEqual(["Start", "End"]);
    expect(r.events[0]).toMatchObject({ eventType: "AwsCloudTrailInsight", eventCategory: "Insight" });
  });

  it("raises nothing on steady activity, nor while still learning", () => {
    expect(
      modelInsights({ eventSource: "s", eventName: "n", type: "ApiCallRateInsight", minutes: 300, baselineRate: 5, burstRate: 5, noise: 0.1, seed: 3 })
        .insights,
    ).toEqual([]);
    expect(
      modelInsights({ eventSource: "s", eventName: "n", type: "ApiCallRateInsight", counts: [...Array(30).fill(1), 500, ...Array(30).fill(1)] }).insights,
    ).toEqual([]);
  });

  it("has the keys of the real Insights start record", () => {
    const realInsight = real.find((r) => r.eventCategory === "Insight")!;
    const r = modelInsights({ eventSource: "autoscaling.amazonaws.com", eventName: "CompleteLifecycleAction", type: "ApiCallRateInsight", seed: 1 });
    expect(Object.keys(r.events[0]!).sort()).toEqual(Object.keys(realInsight).sort());
  });
});
