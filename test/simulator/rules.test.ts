// The simulator's rules table: action + context + configuration → recorded or not, per destination
// and category. Each row cites where the behaviour is documented (the CloudTrail
// User Guide page, or the study card).
import { describe, expect, it } from "vitest";
import { DEFAULT_CONTEXT, findAction, parseConfig, presetConfig, simulate, type CallContext, type SimResult } from "../../src/simulator/index.js";
import { shippedPack } from "../ui/helpers.js";

const pack = shippedPack();
type Expect = [destination: string, category: "Management" | "Data" | "NetworkActivity" | "Insight", recorded: boolean, because?: RegExp];
interface Row {
  name: string;
  source: string;
  action: string;
  ctx?: Partial<CallContext>;
  config?: unknown;
  preset?: string;
  expect: Expect[];
}

const trail = (extra: Record<string, unknown> = {}) => ({ trails: [{ Name: "t", HomeRegion: "us-east-1", IsMultiRegionTrail: true, ...extra }] });
const single = (region: string, extra: Record<string, unknown> = {}) => ({ trails: [{ Name: "t", HomeRegion: region, IsMultiRegionTrail: false, ...extra }] });
const basic = (...sel: unknown[]) => trail({ EventSelectors: sel });
const adv = (...sel: Array<Array<Record<string, unknown>>>) => trail({ AdvancedEventSelectors: sel.map((fs, i) => ({ Name: `s${i + 1}`, FieldSelectors: fs })) });
const cat = (c: string) => ({ Field: "eventCategory", Equals: [c] });
const s3Data = (...more: Array<Record<string, unknown>>) => [cat("Data"), { Field: "resources.type", Equals: ["AWS::S3::Object"] }, ...more];
const na = (src: string, ...more: Array<Record<string, unknown>>) => [cat("NetworkActivity"), { Field: "eventSource", Equals: [src] }, ...more];
const EH = "event-history";
const T = "trail:t";
const BUCKET = "arn:aws:s3:::payroll/2026/jan.csv";

const ROWS: Row[] = [
  // Event History — reference "Event History"; seed "How CloudTrail Actually Works"
  { name: "EH records a management write", source: "reference: Event History", action: "s3:CreateBucket", expect: [[EH, "Management", true, /90 days/]] },
  { name: "EH records a management read", source: "reference: Event History", action: "ec2:DescribeInstances", expect: [[EH, "Management", true]] },
  { name: "EH never holds data events", source: "reference: Event History", action: "s3:GetObject", expect: [[EH, "Data", false, /management events only/]] },
  { name: "EH holds KMS management events", source: "reference: Always management", action: "kms:Decrypt", expect: [[EH, "Management", true]] },
  { name: "EH records a failed call", source: "reference: Record fields (errorCode)", action: "iam:CreateRole", ctx: { errorCode: "AccessDenied" }, expect: [[EH, "Management", true]] },
  { name: "EH records a global IAM event in us-east-1", source: "reference: Trails (global service events)", action: "iam:CreateRole", ctx: { region: "eu-west-1" }, expect: [[EH, "Management", true, /us-east-1/]] },
  { name: "EH never holds network activity", source: "reference: Event History", action: "kms:ListKeys", ctx: { vpcEndpointId: "vpce-1" }, expect: [[EH, "NetworkActivity", false], [EH, "Management", true]] },
  { name: "EH holds Lambda control-plane calls", source: "reference: Data event resource types", action: "lambda:CreateFunction", expect: [[EH, "Management", true]] },
  // Trails with no selectors — reference "Trails"
  { name: "default trail logs management events", source: "reference: Trails", action: "s3:PutBucketPolicy", preset: "default-trail", expect: [["trail:default", "Management", true, /by default/]] },
  { name: "default trail does not log data events", source: "reference: Event categories", action: "s3:GetObject", config: trail(), expect: [[T, "Data", false, /opt-in/]] },
  { name: "default trail does not log Lambda Invoke", source: "reference: Event categories", action: "lambda:Invoke", config: trail(), expect: [[T, "Data", false, /opt-in/]] },
  { name: "default trail logs management reads", source: "reference: Trails", action: "kms:ListKeys", config: trail(), expect: [[T, "Management", true]] },
  { name: "single-Region trail misses another Region", source: "reference: Trails", action: "ec2:RunInstances", ctx: { region: "eu-west-1" }, config: single("us-east-1"), expect: [[T, "Management", false, /single-Region/]] },
  { name: "single-Region trail records its own Region", source: "reference: Trails", action: "ec2:RunInstances", ctx: { region: "eu-west-1" }, config: single("eu-west-1"), expect: [[T, "Management", true]] },
  { name: "multi-Region trail records every Region", source: "reference: Trails", action: "ec2:RunInstances", ctx: { region: "ap-south-1" }, config: trail(), expect: [[T, "Management", true]] },
  { name: "global event reaches a us-east-1 single-Region trail", source: "reference: Trails (global service events)", action: "iam:CreateRole", ctx: { region: "eu-west-1" }, config: single("us-east-1"), expect: [[T, "Management", true]] },
  { name: "global event misses a single-Region trail elsewhere", source: "reference: Trails (global service events)", action: "iam:CreateRole", config: single("eu-west-1"), expect: [[T, "Management", false, /global service events are recorded in us-east-1/]] },
  { name: "global event and IncludeGlobalServiceEvents false", source: "reference: Trails (global service events)", action: "iam:CreateRole", config: single("us-east-1", { IncludeGlobalServiceEvents: false }), expect: [[T, "Management", false, /IncludeGlobalServiceEvents is false/]] },
  { name: "organization trail says it covers member accounts", source: "reference: Trails (organization trail)", action: "iam:CreateUser", config: trail({ IsOrganizationTrail: true }), expect: [[T, "Management", true, /every member account/]] },
  { name: "trail streaming to CloudWatch Logs says so", source: "reference: Trails (CloudWatchLogsLogGroupArn)", action: "s3:GetObject", preset: "bucket-data-events", ctx: { resourceArn: "arn:aws:s3:::example-bucket/a" }, expect: [["trail:audit", "Data", true]] },
  // Basic selectors — reference "Basic event selectors"
  { name: "bucket prefix selects its objects", source: "reference: Basic event selectors", action: "s3:GetObject", ctx: { resourceArn: BUCKET }, config: basic({ DataResources: [{ Type: "AWS::S3::Object", Values: ["arn:aws:s3:::payroll/"] }] }), expect: [[T, "Data", true, /payroll/]] },
  { name: "another bucket is not selected", source: "reference: Basic event selectors", action: "s3:GetObject", ctx: { resourceArn: "arn:aws:s3:::other/x" }, config: basic({ DataResources: [{ Type: "AWS::S3::Object", Values: ["arn:aws:s3:::payroll/"] }] }), expect: [[T, "Data", false, /do not include/]] },
  { name: "arn:aws:s3 selects every bucket", source: "reference: Basic event selectors", action: "s3:PutObject", ctx: { resourceArn: BUCKET }, config: basic({ DataResources: [{ Type: "AWS::S3::Object", Values: ["arn:aws:s3"] }] }), expect: [[T, "Data", true, /all resources/]] },
  { name: "ReadOnly leaves out writes", source: "reference: Basic event selectors (ReadWriteType)", action: "s3:PutObject", ctx: { resourceArn: BUCKET }, config: basic({ ReadWriteType: "ReadOnly", DataResources: [{ Type: "AWS::S3::Object", Values: ["arn:aws:s3"] }] }), expect: [[T, "Data", false, /ReadWriteType ReadOnly/]] },
  { name: "WriteOnly leaves out reads", source: "reference: Basic event selectors (ReadWriteType)", action: "s3:GetObject", ctx: { resourceArn: BUCKET }, config: basic({ ReadWriteType: "WriteOnly", DataResources: [{ Type: "AWS::S3::Object", Values: ["arn:aws:s3"] }] }), expect: [[T, "Data", false, /ReadWriteType WriteOnly/]] },
  { name: "WriteOnly applies to management events too", source: "reference: Basic event selectors (ReadWriteType)", action: "ec2:DescribeInstances", config: basic({ ReadWriteType: "WriteOnly" }), expect: [[T, "Management", false, /WriteOnly/]] },
  { name: "IncludeManagementEvents false", source: "reference: Basic event selectors", action: "ec2:RunInstances", config: basic({ IncludeManagementEvents: false, DataResources: [{ Type: "AWS::S3::Object", Values: ["arn:aws:s3"] }] }), expect: [[T, "Management", false, /IncludeManagementEvents/]] },
  { name: "excluding KMS drops Decrypt from the trail", source: "reference: Basic event selectors (ExcludeManagementEventSources)", action: "kms:Decrypt", config: basic({ ExcludeManagementEventSources: ["kms.amazonaws.com"] }), expect: [[T, "Management", false, /stay in Event History/], [EH, "Management", true]] },
  { name: "excluding KMS keeps other management events", source: "reference: Basic event selectors (ExcludeManagementEventSources)", action: "s3:CreateBucket", config: basic({ ExcludeManagementEventSources: ["kms.amazonaws.com"] }), expect: [[T, "Management", true]] },
  { name: "Lambda all functions", source: "reference: Basic event selectors", action: "lambda:Invoke", config: basic({ DataResources: [{ Type: "AWS::Lambda::Function", Values: ["arn:aws:lambda"] }] }), expect: [[T, "Data", true]] },
  { name: "one DynamoDB table", source: "reference: Basic event selectors", action: "dynamodb:GetItem", ctx: { resourceArn: "arn:aws:dynamodb:us-east-1:111122223333:table/customers" }, config: basic({ DataResources: [{ Type: "AWS::DynamoDB::Table", Values: ["arn:aws:dynamodb:us-east-1:111122223333:table/customers"] }] }), expect: [[T, "Data", true]] },
  { name: "basic selectors cannot reach SNS", source: "reference: Data event resource types (basic reach only three)", action: "sns:Publish", config: basic({ DataResources: [{ Type: "AWS::S3::Object", Values: ["arn:aws:s3"] }] }), expect: [[T, "Data", false, /use advanced event selectors/]] },
  { name: "basic selectors cannot log network activity", source: "reference: Basic event selectors", action: "s3:GetObject", ctx: { vpcEndpointId: "vpce-1" }, config: basic({}), expect: [[T, "NetworkActivity", false, /cannot log network activity/]] },
  { name: "S3 data selector does not log bucket-level calls as data", source: "reference: Data event resource types (bucket-level APIs)", action: "s3:DeleteBucket", config: basic({ DataResources: [{ Type: "AWS::S3::Object", Values: ["arn:aws:s3"] }] }), expect: [[T, "Management", true]] },
  // Advanced selectors — reference "Advanced event selectors"
  { name: "Data selector on S3 objects", source: "reference: Advanced event selectors", action: "s3:GetObject", config: adv(s3Data()), expect: [[T, "Data", true, /advanced selector 's1'/]] },
  { name: "resources.ARN StartsWith one bucket", source: "reference: Advanced event selectors", action: "s3:GetObject", ctx: { resourceArn: BUCKET }, config: adv(s3Data({ Field: "resources.ARN", StartsWith: ["arn:aws:s3:::payroll/"] })), expect: [[T, "Data", true]] },
  { name: "resources.ARN StartsWith misses another bucket", source: "reference: Advanced event selectors", action: "s3:GetObject", ctx: { resourceArn: "arn:aws:s3:::logs/x" }, config: adv(s3Data({ Field: "resources.ARN", StartsWith: ["arn:aws:s3:::payroll/"] })), expect: [[T, "Data", false, /resources.ARN StartsWith/]] },
  { name: "NotStartsWith excludes a bucket", source: "reference: Advanced event selectors", action: "s3:GetObject", ctx: { resourceArn: "arn:aws:s3:::logs/x" }, config: adv(s3Data({ Field: "resources.ARN", NotStartsWith: ["arn:aws:s3:::logs/"] })), expect: [[T, "Data", false]] },
  { name: "eventName Equals keeps only that API", source: "reference: Advanced event selectors", action: "s3:GetObject", config: adv(s3Data({ Field: "eventName", Equals: ["PutObject", "DeleteObject"] })), expect: [[T, "Data", false, /eventName Equals/]] },
  { name: "eventName Equals selects a listed API", source: "reference: Advanced event selectors", action: "s3:DeleteObject", config: adv(s3Data({ Field: "eventName", Equals: ["PutObject", "DeleteObject"] })), expect: [[T, "Data", true]] },
  { name: "readOnly false keeps writes only", source: "reference: Advanced event selectors", action: "s3:GetObject", config: adv(s3Data({ Field: "readOnly", Equals: ["false"] })), expect: [[T, "Data", false]] },
  { name: "EndsWith on object keys", source: "reference: Advanced event selectors (operators)", action: "s3:PutObject", ctx: { resourceArn: "arn:aws:s3:::b/a.pdf" }, config: adv(s3Data({ Field: "resources.ARN", EndsWith: [".pdf"] })), expect: [[T, "Data", true]] },
  { name: "NotEndsWith on object keys", source: "reference: Advanced event selectors (operators)", action: "s3:PutObject", ctx: { resourceArn: "arn:aws:s3:::b/a.pdf" }, config: adv(s3Data({ Field: "resources.ARN", NotEndsWith: [".pdf"] })), expect: [[T, "Data", false]] },
  { name: "selectors are OR-ed", source: "reference: Advanced event selectors (any selector)", action: "lambda:Invoke", config: adv(s3Data(), [cat("Data"), { Field: "resources.type", Equals: ["AWS::Lambda::Function"] }]), expect: [[T, "Data", true, /'s2'/]] },
  { name: "Management selector excluding KMS", source: "reference: Advanced event selectors (NotEquals kms)", action: "kms:GenerateDataKey", config: adv([cat("Management"), { Field: "eventSource", NotEquals: ["kms.amazonaws.com"] }]), expect: [[T, "Management", false], [EH, "Management", true]] },
  { name: "Management selector keeps other sources", source: "reference: Advanced event selectors", action: "iam:CreateUser", config: adv([cat("Management"), { Field: "eventSource", NotEquals: ["kms.amazonaws.com"] }]), expect: [[T, "Management", true]] },
  { name: "Management write-only selector", source: "reference: Advanced event selectors (readOnly)", action: "ec2:DescribeInstances", config: adv([cat("Management"), { Field: "readOnly", Equals: ["false"] }]), expect: [[T, "Management", false]] },
  { name: "no Management selector means no management events", source: "reference: Advanced event selectors", action: "ec2:RunInstances", config: adv(s3Data()), expect: [[T, "Management", false, /no advanced selector selects management events/]] },
  { name: "SNS Publish with an advanced selector", source: "reference: Data event resource types", action: "sns:Publish", config: adv([cat("Data"), { Field: "resources.type", Equals: ["AWS::SNS::Topic"] }]), expect: [[T, "Data", true]] },
  { name: "userIdentity.arn filter", source: "reference: Advanced event selectors (userIdentity.arn)", action: "s3:GetObject", ctx: { caller: "other-account" }, config: adv(s3Data({ Field: "userIdentity.arn", StartsWith: ["arn:aws:sts::444455556666:"] })), expect: [[T, "Data", true]] },
  { name: "console sessions only", source: "reference: Advanced event selectors (sessionCredentialFromConsole)", action: "s3:GetObject", config: adv(s3Data({ Field: "sessionCredentialFromConsole", Equals: ["true"] })), expect: [[T, "Data", false]] },
  // Network activity — reference "Network activity events"; seed 2.3
  { name: "direct call: network selector records nothing", source: "reference: Network activity events", action: "s3:GetObject", config: adv(na("s3.amazonaws.com")), expect: [[T, "NetworkActivity", false, /only for calls through a VPC endpoint/]] },
  { name: "through an endpoint: network activity recorded", source: "reference: Network activity events", action: "s3:GetObject", ctx: { vpcEndpointId: "vpce-1" }, config: adv(na("s3.amazonaws.com")), expect: [[T, "NetworkActivity", true], [T, "Data", false]] },
  { name: "allowed call also produces its data event", source: "reference: Network activity events", action: "s3:GetObject", ctx: { vpcEndpointId: "vpce-1" }, config: adv(na("s3.amazonaws.com"), s3Data()), expect: [[T, "NetworkActivity", true], [T, "Data", true]] },
  { name: "denied-only filter skips an allowed call", source: "reference: Network activity events (VpceAccessDenied)", action: "kms:ListKeys", ctx: { vpcEndpointId: "vpce-1" }, config: adv(na("kms.amazonaws.com", { Field: "errorCode", Equals: ["VpceAccessDenied"] })), expect: [[T, "NetworkActivity", false, /denied by the VPC endpoint policy/]] },
  { name: "denied-only filter keeps a denied call", source: "reference: Network activity events (VpceAccessDenied)", action: "kms:ListKeys", ctx: { vpcEndpointId: "vpce-1", vpceDenied: true }, config: adv(na("kms.amazonaws.com", { Field: "errorCode", Equals: ["VpceAccessDenied"] })), expect: [[T, "NetworkActivity", true]] },
  { name: "a denied call never reaches the service", source: "reference: Network activity events (never reaches the service)", action: "s3:GetObject", ctx: { vpcEndpointId: "vpce-1", vpceDenied: true }, config: adv(na("s3.amazonaws.com"), s3Data(), [cat("Management")]), expect: [[T, "NetworkActivity", true]] },
  { name: "a denied management call is not in Event History", source: "reference: Network activity events (never reaches the service)", action: "kms:ListKeys", ctx: { vpcEndpointId: "vpce-1", vpceDenied: true }, expect: [[EH, "NetworkActivity", false]] },
  { name: "a network selector for another source", source: "reference: Network activity events (per event source)", action: "s3:GetObject", ctx: { vpcEndpointId: "vpce-1" }, config: adv(na("kms.amazonaws.com")), expect: [[T, "NetworkActivity", false, /eventSource Equals kms.amazonaws.com does not hold for eventSource = s3.amazonaws.com/]] },
  { name: "vpcEndpointId filter matches", source: "reference: Network activity events (vpcEndpointId)", action: "secretsmanager:GetSecretValue", ctx: { vpcEndpointId: "vpce-aaa" }, config: adv(na("secretsmanager.amazonaws.com", { Field: "vpcEndpointId", Equals: ["vpce-aaa"] })), expect: [[T, "NetworkActivity", true]] },
  { name: "vpcEndpointId filter misses another endpoint", source: "reference: Network activity events (vpcEndpointId)", action: "secretsmanager:GetSecretValue", ctx: { vpcEndpointId: "vpce-bbb" }, config: adv(na("secretsmanager.amazonaws.com", { Field: "vpcEndpointId", Equals: ["vpce-aaa"] })), expect: [[T, "NetworkActivity", false]] },
  { name: "external credentials at your endpoint are seen", source: "reference: Network activity events (endpoint owner)", action: "s3:GetObject", ctx: { vpcEndpointId: "vpce-1", caller: "other-account" }, config: adv(na("s3.amazonaws.com")), expect: [[T, "NetworkActivity", true]] },
  { name: "org trail with denied-only network activity (preset)", source: "reference: Network activity events; Trails", action: "s3:GetObject", ctx: { vpcEndpointId: "vpce-1", vpceDenied: true }, preset: "org-network-denied", expect: [["trail:org-trail", "NetworkActivity", true, /every member account/]] },
  // Event data stores — reference "Lake and event data stores"
  { name: "event data store with no selectors logs management events", source: "reference: Trails; Lake", action: "iam:CreateUser", config: { eventDataStores: [{ Name: "lake" }] }, expect: [["event-data-store:lake", "Management", true]] },
  { name: "event data store with a data selector", source: "reference: Advanced event selectors (event data stores)", action: "dynamodb:PutItem", config: { eventDataStores: [{ Name: "lake", AdvancedEventSelectors: [{ FieldSelectors: [cat("Data"), { Field: "resources.type", Equals: ["AWS::DynamoDB::Table"] }] }] }] }, expect: [["event-data-store:lake", "Data", true]] },
  { name: "Insights on: one call is not an Insights event", source: "reference: Insights", action: "ec2:RunInstances", preset: "insights-on", expect: [["trail:insights", "Insight", false, /simulate insights/], ["trail:insights", "Management", true]] },
];

const placed = (r: SimResult, dest: string, category: string) => ({
  rec: r.recorded.find((p) => p.destination === dest && p.category === category),
  not: r.notRecorded.find((p) => p.destination === dest && p.category === category),
});

describe(`simulator rules (${ROWS.length} cases)`, () => {
  it("has at least 60 cases, each with a source", () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(60);
    for (const r of ROWS) expect(r.source).toMatch(/^(reference|seed):/);
  });

  it.each(ROWS.map((r) => [r.name, r] as const))("%s", (_, row) => {
    const action = findAction(pack, row.action);
    expect(action, row.action).toBeDefined();
    const config = row.preset ? presetConfig(pack, row.preset) : parseConfig(pack, row.config ?? {});
    const result = simulate(pack, action!, { ...DEFAULT_CONTEXT, ...row.ctx }, config);
    for (const [dest, category, recorded, because] of row.expect) {
      const { rec, not } = placed(result, dest, category);
      expect(Boolean(rec), `${dest} ${category}: ${rec?.because ?? not?.because ?? "(not listed)"}`).toBe(recorded);
      if (!recorded) expect(not, `${dest} ${category} should be explained`).toBeDefined();
      if (because) expect((rec ?? not)!.because).toMatch(because);
    }
  });

  it("names the CloudWatch Logs group a trail streams to", () => {
    const r = simulate(pack, findAction(pack, "iam:CreateUser")!, DEFAULT_CONTEXT, presetConfig(pack, "bucket-data-events"));
    expect(r.recorded.find((p) => p.destination === "trail:audit")!.alsoTo).toEqual(["cloudwatch-logs:audit-trail"]);
  });

  it("a call denied at an endpoint of a service without network activity events is recorded nowhere", () => {
    const r = simulate(pack, findAction(pack, "sts:AssumeRole")!, { ...DEFAULT_CONTEXT, vpcEndpointId: "vpce-1", vpceDenied: true }, presetConfig(pack, "default-trail"));
    expect(r.recorded).toEqual([]);
    expect(r.records).toEqual([]);
    expect(r.notes.join(" ")).toMatch(/does not emit network activity events/);
  });
});
