// simulate and explain from the command line: the JSON contract, errors that say what to do.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { runMain } from "./run-main.js";

const dir = mkdtempSync(join(tmpdir(), "ctt-sim-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FIXTURE = join(import.meta.dirname, "../fixtures/cloudtrail-records/aws-user-guide-examples.json");

describe("simulate", () => {
  it("one set of call-context rules for --action flags and --batch lines", async () => {
    const flag = await runMain(["simulate", "--action", "kms:Decrypt", "--vpce-denied"]);
    expect(flag.code).toBe(2);
    expect(flag.err).toContain("--vpce-denied: a call denied by a VPC endpoint policy needs the endpoint (vpce) whose policy denied it");
    const lines = join(dir, "denied.jsonl");
    writeFileSync(lines, '{"action":"kms:ListKeys"}\n{"action":"kms:Decrypt","vpceDenied":true}\n');
    const batch = await runMain(["simulate", "--batch", lines]);
    expect(batch.code).toBe(1);
    expect(batch.err).toContain(`${lines}:2: "vpceDenied": a call denied by a VPC endpoint policy needs the endpoint (vpce) whose policy denied it`);
    const region = await runMain(["simulate", "--action", "kms:Decrypt", "--region", "mars-1"]);
    expect(region.err).toContain("--region: 'mars-1' is not a Region code");
    writeFileSync(lines, '{"action":"kms:Decrypt","region":"mars-1"}\n');
    expect((await runMain(["simulate", "--batch", lines])).err).toContain(`"region": 'mars-1' is not a Region code`);
  });

  it("--error VpceAccessDenied at an endpoint is the same call as --vpce-denied", async () => {
    const a = await runMain([
      "simulate",
      "--action",
      "s3:GetObject",
      "--vpce",
      "vpce-1",
      "--error",
      "VpceAccessDenied",
      "--preset",
      "org-network-denied",
      "--json",
    ]);
    const b = await runMain(["simulate", "--action", "s3:GetObject", "--vpce", "vpce-1", "--vpce-denied", "--preset", "org-network-denied", "--json"]);
    expect(JSON.parse(a.out)).toEqual(JSON.parse(b.out));
  });

  it("prints the simulator JSON: action, recorded, notRecorded, records", async () => {
    const r = await runMain(["simulate", "--action", "s3:GetObject", "--preset", "org-network-denied", "--vpce", "vpce-1", "--vpce-denied", "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.action).toMatchObject({
      eventSource: "s3.amazonaws.com",
      eventName: "GetObject",
      region: "us-east-1",
      category: "Data",
      readOnly: true,
      resourceType: "AWS::S3::Object",
    });
    expect(doc.recorded).toEqual([expect.objectContaining({ destination: "trail:org-trail", category: "NetworkActivity" })]);
    expect(doc.notRecorded).toContainEqual(
      expect.objectContaining({ destination: "event-history", category: "NetworkActivity", because: "Event History keeps management events only" }),
    );
    expect(doc.records[0].eventCategory).toBe("NetworkActivity");
  });

  it("reads a configuration file and names the JSON path of a bad field (exit 1)", async () => {
    const file = join(dir, "bad.json");
    writeFileSync(
      file,
      JSON.stringify({
        trails: [
          {
            Name: "t",
            AdvancedEventSelectors: [
              {
                FieldSelectors: [
                  { Field: "eventCategory", Equals: ["Data"] },
                  { Field: "resources.type", Equals: ["AWS::S3::Bucket"] },
                ],
              },
            ],
          },
        ],
      }),
    );
    const r = await runMain(["simulate", "--action", "s3:GetObject", "--config", file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("trails[0].AdvancedEventSelectors[0].FieldSelectors[1].Equals[0]: unknown resources.type 'AWS::S3::Bucket'");
    expect(r.err).not.toMatch(/at .+\.js/);
  });

  it("reads YAML configurations and reports syntax errors with line:col", async () => {
    const good = join(dir, "good.yaml");
    writeFileSync(
      good,
      "trails:\n  - Name: audit\n    IsMultiRegionTrail: true\n    EventSelectors:\n      - DataResources: [{ Type: AWS::S3::Object, Values: [arn:aws:s3] }]\n",
    );
    const ok = await runMain(["simulate", "--action", "s3:PutObject", "--config", good, "--json"]);
    expect(JSON.parse(ok.out).recorded).toContainEqual(expect.objectContaining({ destination: "trail:audit", category: "Data" }));
    const broken = join(dir, "broken.yaml");
    writeFileSync(broken, "trails:\n  - Name: [unclosed\n");
    const bad = await runMain(["simulate", "--action", "s3:PutObject", "--config", broken]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/broken\.yaml:\d+:\d+: not valid YAML or JSON/);
  });

  it("suggests the closest actions for an unknown one (exit 1)", async () => {
    const r = await runMain(["simulate", "--action", "s3:GetObjekt"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("did you mean s3:GetObject");
  });

  it("--batch reports coverage and what is missed, by bucket", async () => {
    const file = join(dir, "calls.jsonl");
    const lines = [
      ...Array(8).fill({ action: "s3:GetObject", resource: "arn:aws:s3:::example-bucket/a" }),
      ...Array(3).fill({ action: "s3:GetObject", resource: "arn:aws:s3:::other-bucket/b" }),
      { action: "iam:CreateUser" },
    ];
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join("\n"));
    const r = await runMain(["simulate", "--batch", file, "--preset", "bucket-data-events", "--json"]);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ total: 12, recorded: 9, missed: 3 });
    expect(doc.misses[0]).toMatchObject({ category: "Data", what: "bucket other-bucket", count: 3 });
    const human = await runMain(["simulate", "--batch", file, "--preset", "bucket-data-events"]);
    expect(human.out).toContain("would record 9 of 12 events");
    expect(human.out).toContain("3 data events on bucket other-bucket");
  });

  it("--batch takes a real CloudTrail log file, gzipped", async () => {
    const file = join(dir, "log.json.gz");
    writeFileSync(file, gzipSync(readFixture()));
    const r = await runMain(["simulate", "--batch", file, "--preset", "default-trail", "--json"]);
    expect(JSON.parse(r.out)).toMatchObject({ total: 7, recorded: 2 });
  });

  it("simulate insights draws the series and lists documented vs assumed", async () => {
    const r = await runMain(["simulate", "insights", "--api", "iam:CreateAccessKey", "--seed", "4", "--burst", "80", "--at", "200", "--duration", "8"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Insight from minute 200 to 208");
    expect(r.out).toContain("▲");
    expect(r.out).toContain("What AWS documents");
    expect(r.out).toContain("What this model assumes");
  });
});

const readFixture = () => readFileSync(FIXTURE);

describe("explain", () => {
  it("explains the User Guide's records in input order with a summary", async () => {
    const r = await runMain(["explain", FIXTURE, "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.records.map((x: { category: string }) => x.category)).toEqual([
      "Management",
      "Management",
      "Data",
      "Data",
      "NetworkActivity",
      "NetworkActivity",
      "Insight",
    ]);
    expect(doc.records[0]).toEqual(
      expect.objectContaining({ eventSource: "cloudtrail.amazonaws.com", eventName: "StartLogging", inEventHistory: true, because: expect.any(String) }),
    );
    expect(doc.summary).toMatchObject({ total: 7, disagreements: 0 });
  });

  it("says plainly when a file is not CloudTrail records (exit 1, no stack trace)", async () => {
    const file = join(dir, "not-ct.json");
    writeFileSync(file, JSON.stringify({ name: "package", version: "1.0.0" }));
    const r = await runMain(["explain", file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("is not a CloudTrail record");
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe("validate", () => {
  it("shows the simulator catalog's counts by resource type and event source, in text and --json", async () => {
    const text = await runMain(["validate"]);
    expect(text.out).toMatch(
      /simulator catalog: \d+ actions; \d+ data-event resource types \(\d+ named by an action, \d+ more reached only through a call's ARN\); \d+ network-activity event sources \(\d+ with an action\)/,
    );
    const doc = JSON.parse((await runMain(["validate", "--json"])).out);
    expect(doc.catalog.actionsByResourceTypeArn["AWS::SNS::PlatformEndpoint"]).toBeGreaterThanOrEqual(1); // sns:Publish on an endpoint ARN
    expect(doc.catalog.actionsByResourceType["AWS::S3Express::Object"]).toBeGreaterThanOrEqual(4);
    expect(doc.catalog.actionsByNetworkActivitySource["kms.amazonaws.com"]).toBeGreaterThan(10);
    expect(Object.keys(doc.catalog.actionsByResourceType)).toHaveLength(doc.catalog.resourceTypes);
    // A type counts as having an action only when one names it: reaching it through an ARN is counted apart.
    const named = Object.values(doc.catalog.actionsByResourceType as Record<string, number>).filter((n) => n > 0).length;
    expect(doc.catalog.resourceTypesWithAction).toBe(named);
  });
});
