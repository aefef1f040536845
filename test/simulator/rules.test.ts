// The simulator's rules table: action + context + configuration → recorded or not, per destination
// and category. Each row cites the AWS page that documents the behaviour (or the study card).
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
  /** What the notes about the call itself must say. */
  notes?: RegExp;
}

const trail = (extra: Record<string, unknown> = {}) => ({ trails: [{ Name: "t", HomeRegion: "us-east-1", IsMultiRegionTrail: true, ...extra }] });
const single = (region: string, extra: Record<string, unknown> = {}) => ({ trails: [{ Name: "t", HomeRegion: region, IsMultiRegionTrail: false, ...extra }] });
const basic = (...sel: unknown[]) => trail({ EventSelectors: sel });
const adv = (...sel: Array<Array<Record<string, unknown>>>) =>
  trail({ AdvancedEventSelectors: sel.map((fs, i) => ({ Name: `s${i + 1}`, FieldSelectors: fs })) });
const cat = (c: string) => ({ Field: "eventCategory", Equals: [c] });
const s3Data = (...more: Array<Record<string, unknown>>) => [cat("Data"), { Field: "resources.type", Equals: ["AWS::S3::Object"] }, ...more];
const na = (src: string, ...more: Array<Record<string, unknown>>) => [cat("NetworkActivity"), { Field: "eventSource", Equals: [src] }, ...more];
const UG = "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/";
const API = "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/";
const page = (title: string, url: string) => `${title} (${url})`;
const EH_P = page("Working with CloudTrail Event history", `${UG}view-cloudtrail-events.html`);
const EVENTS_P = page("Understanding CloudTrail events", `${UG}cloudtrail-events.html`);
const MGMT_P = page("Logging management events", `${UG}logging-management-events-with-cloudtrail.html`);
const DATA_P = page("Logging data events", `${UG}logging-data-events-with-cloudtrail.html`);
const FILTER_P = page("Filtering data events by using advanced event selectors", `${UG}filtering-data-events.html`);
const NET_P = page("Logging network activity events", `${UG}logging-network-events-with-cloudtrail.html`);
const CONCEPTS_P = page("CloudTrail concepts", `${UG}cloudtrail-concepts.html`);
const RECORD_P = page("CloudTrail record contents for management, data, and network activity events", `${UG}cloudtrail-event-reference-record-contents.html`);
const ORG_P = page("Creating a trail for an organization", `${UG}creating-trail-organization.html`);
const CWL_P = page("Sending events to CloudWatch Logs", `${UG}send-cloudtrail-events-to-cloudwatch-logs.html`);
const INSIGHTS_P = page("Working with CloudTrail Insights", `${UG}logging-insights-events-with-cloudtrail.html`);
const SERVICE_P = page("AWS service events", `${UG}non-api-aws-service-events.html`);
const ES_P = page("EventSelector", `${API}API_EventSelector.html`);
const AFS_P = page("AdvancedFieldSelector", `${API}API_AdvancedFieldSelector.html`);
const KMS_VPCE_P = page("Logging AWS KMS requests that use a VPC endpoint", "https://docs.aws.amazon.com/kms/latest/developerguide/vpce-logging.html");
const BEDROCK_P = page(
  "Monitor Amazon Bedrock API calls using CloudTrail",
  "https://docs.aws.amazon.com/bedrock/latest/userguide/logging-using-cloudtrail.html",
);
const DENIED_P = `${NET_P} (the network activity page, the more specific one, records calls denied by the endpoint policy with errorCode VpceAccessDenied, and where the KMS Developer Guide's VPC endpoint page says denied requests are not recorded, the simulator follows the network activity page); ${KMS_VPCE_P}`;
const EH = "event-history";
const T = "trail:t";
const BUCKET = "arn:aws:s3:::payroll/2026/jan.csv";

/** The User Guide's "S3Select" selector and its six objects (Filtering data events by using advanced event selectors). */
const S3SELECT_ARN = {
  Field: "resources.ARN",
  Equals: ["arn:aws:s3:::amzn-s3-demo-bucket/object1"],
  StartsWith: ["arn:aws:s3:::amzn-s3-demo-bucket/"],
  EndsWith: ["object3"],
  NotStartsWith: ["arn:aws:s3:::amzn-s3-demo-bucket/deselect"],
  NotEndsWith: ["object5"],
  NotEquals: ["arn:aws:s3:::amzn-s3-demo-bucket/object6"],
};
const S3SELECT: Array<[string, boolean, RegExp?]> = [
  ["arn:aws:s3:::amzn-s3-demo-bucket/object1", true],
  ["arn:aws:s3:::amzn-s3-demo-bucket/object2", true],
  ["arn:aws:s3:::amzn-s3-demo-bucket1/object3", true],
  ["arn:aws:s3:::amzn-s3-demo-bucket/deselectObject4", false, /NotStartsWith/],
  ["arn:aws:s3:::amzn-s3-demo-bucket/object5", false, /NotEndsWith/],
  ["arn:aws:s3:::amzn-s3-demo-bucket/object6", false, /NotEquals/],
];

const ROWS: Row[] = [
  // Event History
  { name: "EH records a management write", source: EH_P, action: "s3:CreateBucket", expect: [[EH, "Management", true, /90 days/]] },
  { name: "EH records a management read", source: EH_P, action: "ec2:DescribeInstances", expect: [[EH, "Management", true]] },
  { name: "EH never holds data events", source: EH_P, action: "s3:GetObject", expect: [[EH, "Data", false, /management events only/]] },
  { name: "EH holds KMS management events", source: MGMT_P, action: "kms:Decrypt", expect: [[EH, "Management", true]] },
  { name: "EH records a failed call", source: RECORD_P, action: "iam:CreateRole", ctx: { errorCode: "AccessDenied" }, expect: [[EH, "Management", true]] },
  {
    name: "EH records a global IAM event in us-east-1",
    source: CONCEPTS_P,
    action: "iam:CreateRole",
    ctx: { region: "eu-west-1" },
    expect: [[EH, "Management", true, /us-east-1/]],
  },
  {
    name: "EH never holds network activity",
    source: EH_P,
    action: "kms:ListKeys",
    ctx: { vpcEndpointId: "vpce-1" },
    expect: [
      [EH, "NetworkActivity", false],
      [EH, "Management", true],
    ],
  },
  { name: "EH holds Lambda control-plane calls", source: DATA_P, action: "lambda:CreateFunction", expect: [[EH, "Management", true]] },
  // Trails with no selectors
  {
    name: "default trail logs management events",
    source: EVENTS_P,
    action: "s3:PutBucketPolicy",
    preset: "default-trail",
    expect: [["trail:default", "Management", true, /by default/]],
  },
  { name: "default trail does not log data events", source: EVENTS_P, action: "s3:GetObject", config: trail(), expect: [[T, "Data", false, /opt-in/]] },
  { name: "default trail does not log Lambda Invoke", source: EVENTS_P, action: "lambda:Invoke", config: trail(), expect: [[T, "Data", false, /opt-in/]] },
  { name: "default trail logs management reads", source: EVENTS_P, action: "kms:ListKeys", config: trail(), expect: [[T, "Management", true]] },
  {
    name: "single-Region trail misses another Region",
    source: EVENTS_P,
    action: "ec2:RunInstances",
    ctx: { region: "eu-west-1" },
    config: single("us-east-1"),
    expect: [[T, "Management", false, /single-Region/]],
  },
  {
    name: "single-Region trail records its own Region",
    source: EVENTS_P,
    action: "ec2:RunInstances",
    ctx: { region: "eu-west-1" },
    config: single("eu-west-1"),
    expect: [[T, "Management", true]],
  },
  {
    name: "multi-Region trail records every Region",
    source: EVENTS_P,
    action: "ec2:RunInstances",
    ctx: { region: "ap-south-1" },
    config: trail(),
    expect: [[T, "Management", true]],
  },
  {
    name: "global event reaches a us-east-1 single-Region trail",
    source: CONCEPTS_P,
    action: "iam:CreateRole",
    ctx: { region: "eu-west-1" },
    config: single("us-east-1"),
    expect: [[T, "Management", true]],
  },
  {
    name: "global event misses a single-Region trail elsewhere",
    source: CONCEPTS_P,
    action: "iam:CreateRole",
    config: single("eu-west-1"),
    expect: [[T, "Management", false, /global service events are recorded in us-east-1/]],
  },
  {
    name: "global event and IncludeGlobalServiceEvents false",
    source: CONCEPTS_P,
    action: "iam:CreateRole",
    config: single("us-east-1", { IncludeGlobalServiceEvents: false }),
    expect: [[T, "Management", false, /IncludeGlobalServiceEvents is false/]],
  },
  {
    name: "organization trail says it covers member accounts",
    source: ORG_P,
    action: "iam:CreateUser",
    config: trail({ IsOrganizationTrail: true }),
    expect: [[T, "Management", true, /every member account/]],
  },
  {
    name: "trail streaming to CloudWatch Logs says so",
    source: CWL_P,
    action: "s3:GetObject",
    preset: "bucket-data-events",
    ctx: { resourceArn: "arn:aws:s3:::example-bucket/a" },
    expect: [["trail:audit", "Data", true]],
  },
  // Basic selectors
  {
    name: "bucket prefix selects its objects",
    source: ES_P,
    action: "s3:GetObject",
    ctx: { resourceArn: BUCKET },
    config: basic({ DataResources: [{ Type: "AWS::S3::Object", Values: ["arn:aws:s3:::payroll/"] }] }),
    expect: [[T, "Data", true, /payroll/]],
  },
  {
    name: "another bucket is not selected",
    source: ES_P,
    action: "s3:GetObject",
    ctx: { resourceArn: "arn:aws:s3:::other/x" },
    config: basic({ DataResources: [{ Type: "AWS::S3::Object", Values: ["arn:aws:s3:::payroll/"] }] }),
    expect: [[T, "Data", false, /do not include/]],
  },
  {
    name: "arn:aws:s3 selects every bucket",
    source: ES_P,
    action: "s3:PutObject",
    ctx: { resourceArn: BUCKET },
    config: basic({ DataResources: [{ Type: "AWS::S3::Object", Values: ["arn:aws:s3"] }] }),
    expect: [[T, "Data", true, /all resources/]],
  },
  {
    name: "ReadOnly leaves out writes",
    source: ES_P,
    action: "s3:PutObject",
    ctx: { resourceArn: BUCKET },
    config: basic({ ReadWriteType: "ReadOnly", DataResources: [{ Type: "AWS::S3::Object", Values: ["arn:aws:s3"] }] }),
    expect: [[T, "Data", false, /ReadWriteType ReadOnly/]],
  },
  {
    name: "WriteOnly leaves out reads",
    source: ES_P,
    action: "s3:GetObject",
    ctx: { resourceArn: BUCKET },
    config: basic({ ReadWriteType: "WriteOnly", DataResources: [{ Type: "AWS::S3::Object", Values: ["arn:aws:s3"] }] }),
    expect: [[T, "Data", false, /ReadWriteType WriteOnly/]],
  },
  {
    name: "WriteOnly applies to management events too",
    source: ES_P,
    action: "ec2:DescribeInstances",
    config: basic({ ReadWriteType: "WriteOnly" }),
    expect: [[T, "Management", false, /WriteOnly/]],
  },
  {
    name: "IncludeManagementEvents false",
    source: ES_P,
    action: "ec2:RunInstances",
    config: basic({ IncludeManagementEvents: false, DataResources: [{ Type: "AWS::S3::Object", Values: ["arn:aws:s3"] }] }),
    expect: [[T, "Management", false, /IncludeManagementEvents/]],
  },
  {
    name: "excluding KMS drops Decrypt from the trail",
    source: ES_P,
    action: "kms:Decrypt",
    config: basic({ ExcludeManagementEventSources: ["kms.amazonaws.com"] }),
    expect: [
      [T, "Management", false, /stay in Event History/],
      [EH, "Management", true],
    ],
  },
  {
    name: "excluding KMS keeps other management events",
    source: ES_P,
    action: "s3:CreateBucket",
    config: basic({ ExcludeManagementEventSources: ["kms.amazonaws.com"] }),
    expect: [[T, "Management", true]],
  },
  {
    name: "Lambda all functions",
    source: ES_P,
    action: "lambda:Invoke",
    config: basic({ DataResources: [{ Type: "AWS::Lambda::Function", Values: ["arn:aws:lambda"] }] }),
    expect: [[T, "Data", true]],
  },
  {
    name: "one DynamoDB table",
    source: ES_P,
    action: "dynamodb:GetItem",
    ctx: { resourceArn: "arn:aws:dynamodb:us-east-1:111122223333:table/customers" },
    config: basic({ DataResources: [{ Type: "AWS::DynamoDB::Table", Values: ["arn:aws:dynamodb:us-east-1:111122223333:table/customers"] }] }),
    expect: [[T, "Data", true]],
  },
  {
    name: "basic selectors cannot reach SNS",
    source: DATA_P,
    action: "sns:Publish",
    config: basic({ DataResources: [{ Type: "AWS::S3::Object", Values: ["arn:aws:s3"] }] }),
    expect: [[T, "Data", false, /use advanced event selectors/]],
  },
  {
    name: "basic selectors cannot log network activity",
    source: ES_P,
    action: "s3:GetObject",
    ctx: { vpcEndpointId: "vpce-1" },
    config: basic({}),
    expect: [[T, "NetworkActivity", false, /cannot log network activity/]],
  },
  {
    name: "S3 data selector does not log bucket-level calls as data",
    source: DATA_P,
    action: "s3:DeleteBucket",
    config: basic({ DataResources: [{ Type: "AWS::S3::Object", Values: ["arn:aws:s3"] }] }),
    expect: [[T, "Management", true]],
  },
  // Advanced selectors
  {
    name: "Data selector on S3 objects",
    source: FILTER_P,
    action: "s3:GetObject",
    config: adv(s3Data()),
    expect: [[T, "Data", true, /advanced selector 's1'/]],
  },
  {
    name: "resources.ARN StartsWith one bucket",
    source: FILTER_P,
    action: "s3:GetObject",
    ctx: { resourceArn: BUCKET },
    config: adv(s3Data({ Field: "resources.ARN", StartsWith: ["arn:aws:s3:::payroll/"] })),
    expect: [[T, "Data", true]],
  },
  {
    name: "resources.ARN StartsWith misses another bucket",
    source: FILTER_P,
    action: "s3:GetObject",
    ctx: { resourceArn: "arn:aws:s3:::logs/x" },
    config: adv(s3Data({ Field: "resources.ARN", StartsWith: ["arn:aws:s3:::payroll/"] })),
    expect: [[T, "Data", false, /resources.ARN StartsWith/]],
  },
  {
    name: "NotStartsWith excludes a bucket",
    source: FILTER_P,
    action: "s3:GetObject",
    ctx: { resourceArn: "arn:aws:s3:::logs/x" },
    config: adv(s3Data({ Field: "resources.ARN", NotStartsWith: ["arn:aws:s3:::logs/"] })),
    expect: [[T, "Data", false]],
  },
  {
    name: "eventName Equals keeps only that API",
    source: FILTER_P,
    action: "s3:GetObject",
    config: adv(s3Data({ Field: "eventName", Equals: ["PutObject", "DeleteObject"] })),
    expect: [[T, "Data", false, /eventName Equals/]],
  },
  {
    name: "eventName Equals selects a listed API",
    source: FILTER_P,
    action: "s3:DeleteObject",
    config: adv(s3Data({ Field: "eventName", Equals: ["PutObject", "DeleteObject"] })),
    expect: [[T, "Data", true]],
  },
  {
    name: "readOnly false keeps writes only",
    source: FILTER_P,
    action: "s3:GetObject",
    config: adv(s3Data({ Field: "readOnly", Equals: ["false"] })),
    expect: [[T, "Data", false]],
  },
  {
    name: "EndsWith on object keys",
    source: FILTER_P,
    action: "s3:PutObject",
    ctx: { resourceArn: "arn:aws:s3:::b/a.pdf" },
    config: adv(s3Data({ Field: "resources.ARN", EndsWith: [".pdf"] })),
    expect: [[T, "Data", true]],
  },
  {
    name: "NotEndsWith on object keys",
    source: FILTER_P,
    action: "s3:PutObject",
    ctx: { resourceArn: "arn:aws:s3:::b/a.pdf" },
    config: adv(s3Data({ Field: "resources.ARN", NotEndsWith: [".pdf"] })),
    expect: [[T, "Data", false]],
  },
  {
    name: "selectors are OR-ed",
    source: FILTER_P,
    action: "lambda:Invoke",
    config: adv(s3Data(), [cat("Data"), { Field: "resources.type", Equals: ["AWS::Lambda::Function"] }]),
    expect: [[T, "Data", true, /'s2'/]],
  },
  {
    name: "Management selector excluding KMS",
    source: AFS_P,
    action: "kms:GenerateDataKey",
    config: adv([cat("Management"), { Field: "eventSource", NotEquals: ["kms.amazonaws.com"] }]),
    expect: [
      [T, "Management", false],
      [EH, "Management", true],
    ],
  },
  {
    name: "Management selector keeps other sources",
    source: FILTER_P,
    action: "iam:CreateUser",
    config: adv([cat("Management"), { Field: "eventSource", NotEquals: ["kms.amazonaws.com"] }]),
    expect: [[T, "Management", true]],
  },
  {
    name: "Management write-only selector",
    source: AFS_P,
    action: "ec2:DescribeInstances",
    config: adv([cat("Management"), { Field: "readOnly", Equals: ["false"] }]),
    expect: [[T, "Management", false]],
  },
  {
    name: "no Management selector means no management events",
    source: FILTER_P,
    action: "ec2:RunInstances",
    config: adv(s3Data()),
    expect: [[T, "Management", false, /no advanced selector selects management events/]],
  },
  {
    name: "SNS Publish with an advanced selector",
    source: DATA_P,
    action: "sns:Publish",
    config: adv([cat("Data"), { Field: "resources.type", Equals: ["AWS::SNS::Topic"] }]),
    expect: [[T, "Data", true]],
  },
  {
    name: "userIdentity.arn filter",
    source: FILTER_P,
    action: "s3:GetObject",
    ctx: { caller: "other-account" },
    config: adv(s3Data({ Field: "userIdentity.arn", StartsWith: ["arn:aws:sts::444455556666:"] })),
    expect: [[T, "Data", true]],
  },
  {
    name: "console sessions only",
    source: DATA_P,
    action: "s3:GetObject",
    config: adv(s3Data({ Field: "sessionCredentialFromConsole", Equals: ["true"] })),
    expect: [[T, "Data", false]],
  },
  // Network activity
  {
    name: "direct call: network selector records nothing",
    source: NET_P,
    action: "s3:GetObject",
    config: adv(na("s3.amazonaws.com")),
    expect: [[T, "NetworkActivity", false, /only for calls through a VPC endpoint/]],
  },
  {
    name: "through an endpoint: network activity recorded",
    source: NET_P,
    action: "s3:GetObject",
    ctx: { vpcEndpointId: "vpce-1" },
    config: adv(na("s3.amazonaws.com")),
    expect: [
      [T, "NetworkActivity", true],
      [T, "Data", false],
    ],
  },
  {
    name: "allowed call also produces its data event",
    source: NET_P,
    action: "s3:GetObject",
    ctx: { vpcEndpointId: "vpce-1" },
    config: adv(na("s3.amazonaws.com"), s3Data()),
    expect: [
      [T, "NetworkActivity", true],
      [T, "Data", true],
    ],
  },
  {
    name: "denied-only filter skips an allowed call",
    source: DENIED_P,
    action: "kms:ListKeys",
    ctx: { vpcEndpointId: "vpce-1" },
    config: adv(na("kms.amazonaws.com", { Field: "errorCode", Equals: ["VpceAccessDenied"] })),
    expect: [[T, "NetworkActivity", false, /denied by the VPC endpoint policy/]],
  },
  {
    name: "denied-only filter keeps a denied call",
    source: DENIED_P,
    action: "kms:ListKeys",
    ctx: { vpcEndpointId: "vpce-1", vpceDenied: true },
    config: adv(na("kms.amazonaws.com", { Field: "errorCode", Equals: ["VpceAccessDenied"] })),
    expect: [[T, "NetworkActivity", true]],
  },
  {
    name: "a denied call never reaches the service",
    source: DENIED_P,
    action: "s3:GetObject",
    ctx: { vpcEndpointId: "vpce-1", vpceDenied: true },
    config: adv(na("s3.amazonaws.com"), s3Data(), [cat("Management")]),
    expect: [[T, "NetworkActivity", true]],
  },
  {
    name: "a denied management call is not in Event History",
    source: DENIED_P,
    action: "kms:ListKeys",
    ctx: { vpcEndpointId: "vpce-1", vpceDenied: true },
    expect: [[EH, "NetworkActivity", false]],
  },
  {
    name: "a network selector for another source",
    source: NET_P,
    action: "s3:GetObject",
    ctx: { vpcEndpointId: "vpce-1" },
    config: adv(na("kms.amazonaws.com")),
    expect: [[T, "NetworkActivity", false, /eventSource Equals kms.amazonaws.com does not hold for eventSource = s3.amazonaws.com/]],
  },
  {
    name: "vpcEndpointId filter matches",
    source: NET_P,
    action: "secretsmanager:GetSecretValue",
    ctx: { vpcEndpointId: "vpce-aaa" },
    config: adv(na("secretsmanager.amazonaws.com", { Field: "vpcEndpointId", Equals: ["vpce-aaa"] })),
    expect: [[T, "NetworkActivity", true]],
  },
  {
    name: "vpcEndpointId filter misses another endpoint",
    source: NET_P,
    action: "secretsmanager:GetSecretValue",
    ctx: { vpcEndpointId: "vpce-bbb" },
    config: adv(na("secretsmanager.amazonaws.com", { Field: "vpcEndpointId", Equals: ["vpce-aaa"] })),
    expect: [[T, "NetworkActivity", false]],
  },
  {
    name: "external credentials at your endpoint are seen",
    source: NET_P,
    action: "s3:GetObject",
    ctx: { vpcEndpointId: "vpce-1", caller: "other-account" },
    config: adv(na("s3.amazonaws.com")),
    expect: [[T, "NetworkActivity", true]],
  },
  {
    name: "org trail with denied-only network activity (preset)",
    source: `${NET_P}; ${ORG_P}`,
    action: "s3:GetObject",
    ctx: { vpcEndpointId: "vpce-1", vpceDenied: true },
    preset: "org-network-denied",
    expect: [["trail:org-trail", "NetworkActivity", true, /every member account/]],
  },
  // Event data stores
  {
    name: "event data store with no selectors logs management events",
    source: EVENTS_P,
    action: "iam:CreateUser",
    config: { eventDataStores: [{ Name: "lake" }] },
    expect: [["event-data-store:lake", "Management", true]],
  },
  {
    name: "event data store with a data selector",
    source: DATA_P,
    action: "dynamodb:PutItem",
    config: {
      eventDataStores: [
        { Name: "lake", AdvancedEventSelectors: [{ FieldSelectors: [cat("Data"), { Field: "resources.type", Equals: ["AWS::DynamoDB::Table"] }] }] },
      ],
    },
    expect: [["event-data-store:lake", "Data", true]],
  },
  {
    name: "Insights on: one call is not an Insights event",
    source: INSIGHTS_P,
    action: "ec2:RunInstances",
    preset: "insights-on",
    expect: [
      ["trail:insights", "Insight", false, /simulate insights/],
      ["trail:insights", "Management", true],
    ],
  },
  // One field selector: including operators OR'd, excluding ones AND'd, the groups AND'd — the User Guide's S3Select example, case by case
  ...S3SELECT.map(([arn, recorded, because]) => ({
    name: `S3Select example: ${arn.slice(13)} ${recorded ? "delivered" : "not delivered"}`,
    source: FILTER_P,
    action: "s3:GetObject",
    ctx: { resourceArn: arn },
    config: adv(s3Data(S3SELECT_ARN)),
    expect: [[T, "Data", recorded, because] as Expect],
  })),
  {
    name: "two including operators: either one is enough",
    source: FILTER_P,
    action: "s3:GetObject",
    ctx: { resourceArn: "arn:aws:s3:::logs/a.pdf" },
    config: adv(s3Data({ Field: "resources.ARN", StartsWith: ["arn:aws:s3:::payroll/"], EndsWith: [".pdf"] })),
    expect: [[T, "Data", true]],
  },
  {
    name: "an excluding value beats an including one",
    source: FILTER_P,
    action: "s3:GetObject",
    ctx: { resourceArn: "arn:aws:s3:::payroll/secret/a" },
    config: adv(s3Data({ Field: "resources.ARN", StartsWith: ["arn:aws:s3:::payroll/"], NotStartsWith: ["arn:aws:s3:::payroll/secret/"] })),
    expect: [[T, "Data", false, /\(resources.ARN StartsWith arn:aws:s3:::payroll\/\) and resources.ARN NotStartsWith/]],
  },
  // Resource types chosen by the call
  {
    name: "sns:Publish to a platform endpoint is a PlatformEndpoint data event",
    source: DATA_P,
    action: "sns:Publish",
    ctx: { resourceArn: "arn:aws:sns:us-east-1:111122223333:endpoint/APNS/app/1a2b" },
    config: adv([cat("Data"), { Field: "resources.type", Equals: ["AWS::SNS::PlatformEndpoint"] }]),
    expect: [[T, "Data", true]],
  },
  {
    name: "a topic selector does not log Publish to a platform endpoint",
    source: DATA_P,
    action: "sns:Publish",
    ctx: { resourceArn: "arn:aws:sns:us-east-1:111122223333:endpoint/APNS/app/1a2b" },
    config: adv([cat("Data"), { Field: "resources.type", Equals: ["AWS::SNS::Topic"] }]),
    expect: [[T, "Data", false, /resources.type Equals AWS::SNS::Topic/]],
  },
  {
    name: "a DynamoDB table selector also logs its stream's events",
    source: DATA_P,
    action: "dynamodb:GetRecords",
    config: adv([cat("Data"), { Field: "resources.type", Equals: ["AWS::DynamoDB::Table"] }]),
    expect: [[T, "Data", true]],
  },
  {
    name: "a DynamoDB stream selector logs GetRecords",
    source: DATA_P,
    action: "dynamodb:GetRecords",
    config: adv([cat("Data"), { Field: "resources.type", Equals: ["AWS::DynamoDB::Stream"] }]),
    expect: [[T, "Data", true]],
  },
  {
    name: "a basic DynamoDB table selector also logs its stream's events",
    source: DATA_P,
    action: "dynamodb:GetRecords",
    config: basic({ DataResources: [{ Type: "AWS::DynamoDB::Table", Values: ["arn:aws:dynamodb"] }] }),
    expect: [[T, "Data", true]],
  },
  {
    name: "DynamoDB PartiQL ExecuteStatement is a table data event",
    source: DATA_P,
    action: "dynamodb:ExecuteStatement",
    config: adv([cat("Data"), { Field: "resources.type", Equals: ["AWS::DynamoDB::Table"] }]),
    expect: [
      [T, "Data", true],
      [EH, "Data", false],
    ],
  },
  {
    name: "an S3 object selector does not log directory buckets",
    source: DATA_P,
    action: "s3express:PutObject",
    config: adv(s3Data()),
    expect: [[T, "Data", false]],
  },
  {
    name: "directory buckets need AWS::S3Express::Object",
    source: DATA_P,
    action: "s3express:CreateSession",
    config: adv([cat("Data"), { Field: "resources.type", Equals: ["AWS::S3Express::Object"] }]),
    expect: [[T, "Data", true]],
  },
  {
    name: "basic selectors cannot log directory buckets",
    source: `${ES_P}; ${DATA_P}`,
    action: "s3express:GetObject",
    config: basic({ DataResources: [{ Type: "AWS::S3::Object", Values: ["arn:aws:s3"] }] }),
    expect: [[T, "Data", false, /use advanced event selectors/]],
  },
  {
    name: "Bedrock InvokeModel is a management event",
    source: BEDROCK_P,
    action: "bedrock:InvokeModel",
    config: trail(),
    expect: [
      [EH, "Management", true],
      [T, "Management", true],
    ],
  },
  {
    name: "Bedrock InvokeAgent is an agent-alias data event",
    source: `${DATA_P}; ${BEDROCK_P}`,
    action: "bedrock:InvokeAgent",
    config: trail(),
    expect: [
      [EH, "Data", false],
      [T, "Data", false, /opt-in/],
    ],
  },
  {
    name: "an agent-alias selector logs InvokeAgent",
    source: `${DATA_P}; ${BEDROCK_P}`,
    action: "bedrock:InvokeAgent",
    config: adv([cat("Data"), { Field: "resources.type", Equals: ["AWS::Bedrock::AgentAlias"] }]),
    expect: [[T, "Data", true]],
  },
  {
    name: "automatic KMS key rotation is an AWS service event in Event History",
    source: SERVICE_P,
    action: "kms:RotateKey",
    config: trail(),
    expect: [
      [EH, "Management", true],
      [T, "Management", true],
    ],
  },
  {
    name: "eventType NotEquals AwsServiceEvent leaves out key rotation (event data store)",
    source: `${SERVICE_P}; ${AFS_P}`,
    action: "kms:RotateKey",
    config: {
      eventDataStores: [
        { Name: "lake", AdvancedEventSelectors: [{ FieldSelectors: [cat("Management"), { Field: "eventType", NotEquals: ["AwsServiceEvent"] }] }] },
      ],
    },
    expect: [["event-data-store:lake", "Management", false, /eventType NotEquals AwsServiceEvent/]],
  },
  // Cross-account calls at a VPC endpoint
  {
    name: "another account's call at your endpoint: you get the network activity event",
    source: `${NET_P}; ${KMS_VPCE_P}`,
    action: "kms:Decrypt",
    ctx: { vpcEndpointId: "vpce-1", caller: "other-account" },
    config: adv(na("kms.amazonaws.com"), [cat("Management")]),
    expect: [[T, "NetworkActivity", true]],
  },
  {
    name: "another account's call at your endpoint: its management event is not in your trail",
    source: KMS_VPCE_P,
    action: "kms:Decrypt",
    ctx: { vpcEndpointId: "vpce-1", caller: "other-account" },
    config: adv(na("kms.amazonaws.com"), [cat("Management")]),
    expect: [[T, "Management", false, /belongs to 444455556666/]],
  },
  {
    name: "another account's call at your endpoint: not in your Event History",
    source: KMS_VPCE_P,
    action: "kms:Decrypt",
    ctx: { vpcEndpointId: "vpce-1", caller: "other-account" },
    expect: [[EH, "Management", false, /belongs to 444455556666/]],
  },
  {
    name: "another account's data call on your bucket at your endpoint: your trail still logs the data event",
    source: `${DATA_P} (both API callers and resource owners can receive events)`,
    action: "s3:GetObject",
    ctx: { vpcEndpointId: "vpce-1", caller: "other-account" },
    config: adv(na("s3.amazonaws.com"), s3Data()),
    expect: [
      [T, "NetworkActivity", true],
      [T, "Data", true],
    ],
    notes: /resource owner's trails can log the data event/,
  },
  {
    name: "your own call at your endpoint stays in your Event History",
    source: `${NET_P}; ${KMS_VPCE_P}`,
    action: "kms:Decrypt",
    ctx: { vpcEndpointId: "vpce-1" },
    expect: [[EH, "Management", true]],
  },
  // The two pages disagree on which services record network activity events; the simulator follows the network activity page's eventSource list
  {
    name: "STS at a VPC endpoint records no network activity event",
    source: `${NET_P} (its eventSource list has no sts.amazonaws.com, the more specific page is followed where ${EVENTS_P.split(" (")[0]} lists Security Token Service)`,
    action: "sts:AssumeRole",
    ctx: { vpcEndpointId: "vpce-1" },
    config: adv([cat("Management")]),
    expect: [[T, "Management", true, /advanced selector 's1' matches all management events/]],
    notes: /sts.amazonaws.com does not emit network activity events/,
  },
  // Sources the network activity page itself works through (its CLI examples and its eventSource list)
  {
    name: "CloudTrail's own API calls through an endpoint (the page's cloudtrail.amazonaws.com example: CreateTrail)",
    source: NET_P,
    action: "cloudtrail:CreateTrail",
    ctx: { vpcEndpointId: "vpce-1" },
    config: adv(na("cloudtrail.amazonaws.com")),
    expect: [[T, "NetworkActivity", true, /eventSource Equals cloudtrail.amazonaws.com/]],
  },
  {
    name: "EC2 VpceAccessDenied over a specific endpoint: a denied call at that endpoint is kept",
    source: NET_P,
    action: "ec2:DescribeInstances",
    ctx: { vpcEndpointId: "vpce-example8c1b6b9b7", vpceDenied: true },
    config: adv(na("ec2.amazonaws.com", { Field: "errorCode", Equals: ["VpceAccessDenied"] }, { Field: "vpcEndpointId", Equals: ["vpce-example8c1b6b9b7"] })),
    expect: [[T, "NetworkActivity", true]],
  },
  {
    name: "EC2 VpceAccessDenied over a specific endpoint: a denied call at another endpoint is not",
    source: NET_P,
    action: "ec2:DescribeInstances",
    ctx: { vpcEndpointId: "vpce-other", vpceDenied: true },
    config: adv(na("ec2.amazonaws.com", { Field: "errorCode", Equals: ["VpceAccessDenied"] }, { Field: "vpcEndpointId", Equals: ["vpce-example8c1b6b9b7"] })),
    expect: [[T, "NetworkActivity", false, /vpcEndpointId/]],
  },
  {
    name: "eventName filter on KMS network activity (the page's example names ListKeys) keeps ListKeys",
    source: NET_P,
    action: "kms:ListKeys",
    ctx: { vpcEndpointId: "vpce-1" },
    config: adv(na("kms.amazonaws.com", { Field: "eventName", Equals: ["ListKeys"] })),
    expect: [[T, "NetworkActivity", true]],
  },
  {
    name: "eventName filter on KMS network activity skips another operation",
    source: NET_P,
    action: "kms:Decrypt",
    ctx: { vpcEndpointId: "vpce-1" },
    config: adv(na("kms.amazonaws.com", { Field: "eventName", Equals: ["ListKeys"] })),
    expect: [[T, "NetworkActivity", false, /eventName/]],
  },
  {
    name: "a source added after GA (ce.amazonaws.com, Cost Explorer) records network activity through an endpoint",
    source: NET_P,
    action: "ce:ListCostAllocationTags",
    ctx: { vpcEndpointId: "vpce-1" },
    config: adv(na("ce.amazonaws.com")),
    expect: [[T, "NetworkActivity", true, /eventSource Equals ce.amazonaws.com/]],
  },
  {
    name: "Transcribe streaming is its own source: a transcribe.amazonaws.com selector misses it",
    source: `${NET_P} (it lists transcribe.amazonaws.com and transcribestreaming.amazonaws.com separately)`,
    action: "transcribe:GetMedicalScribeStream",
    ctx: { vpcEndpointId: "vpce-1" },
    config: adv(na("transcribe.amazonaws.com")),
    expect: [[T, "NetworkActivity", false, /eventSource Equals transcribe.amazonaws.com does not hold for eventSource = transcribestreaming.amazonaws.com/]],
  },
  {
    name: "Transcribe streaming is its own source: a transcribestreaming.amazonaws.com selector records it",
    source: `${NET_P} (it lists transcribe.amazonaws.com and transcribestreaming.amazonaws.com separately)`,
    action: "transcribe:GetMedicalScribeStream",
    ctx: { vpcEndpointId: "vpce-1" },
    config: adv(na("transcribestreaming.amazonaws.com")),
    expect: [[T, "NetworkActivity", true]],
  },
  // Fields AWS accepts per category and destination
  {
    name: "NetworkActivity selector filtering userIdentity.arn (trail)",
    source: AFS_P,
    action: "s3:GetObject",
    ctx: { vpcEndpointId: "vpce-1", caller: "other-account" },
    config: adv(na("s3.amazonaws.com", { Field: "userIdentity.arn", NotStartsWith: ["arn:aws:sts::111122223333:"] })),
    expect: [[T, "NetworkActivity", true]],
  },
  {
    name: "event data store management selector on eventName",
    source: AFS_P,
    action: "iam:CreateUser",
    config: {
      eventDataStores: [
        { Name: "lake", AdvancedEventSelectors: [{ FieldSelectors: [cat("Management"), { Field: "eventName", Equals: ["CreateUser", "DeleteUser"] }] }] },
      ],
    },
    expect: [["event-data-store:lake", "Management", true]],
  },
  {
    name: "event data store management selector keeps console sign-ins only",
    source: AFS_P,
    action: "signin:ConsoleLogin",
    config: {
      eventDataStores: [
        { Name: "lake", AdvancedEventSelectors: [{ FieldSelectors: [cat("Management"), { Field: "eventType", Equals: ["AwsConsoleSignIn"] }] }] },
      ],
    },
    expect: [["event-data-store:lake", "Management", true]],
  },
  {
    name: "event data store eventType AwsConsoleSignIn leaves out API calls",
    source: AFS_P,
    action: "iam:CreateUser",
    config: {
      eventDataStores: [
        { Name: "lake", AdvancedEventSelectors: [{ FieldSelectors: [cat("Management"), { Field: "eventType", Equals: ["AwsConsoleSignIn"] }] }] },
      ],
    },
    expect: [["event-data-store:lake", "Management", false]],
  },
  {
    name: "event data store management selector on console sessions",
    source: `${AFS_P}; ${DATA_P}`,
    action: "ec2:RunInstances",
    ctx: { caller: "console" },
    config: {
      eventDataStores: [
        { Name: "lake", AdvancedEventSelectors: [{ FieldSelectors: [cat("Management"), { Field: "sessionCredentialFromConsole", Equals: ["true"] }] }] },
      ],
    },
    expect: [["event-data-store:lake", "Management", true]],
  },
  {
    name: "an event data store of Config items holds no CloudTrail events",
    source: AFS_P,
    action: "iam:CreateUser",
    config: { eventDataStores: [{ Name: "config", AdvancedEventSelectors: [{ FieldSelectors: [cat("ConfigurationItem")] }] }] },
    expect: [["event-data-store:config", "Management", false, /no advanced selector selects management events/]],
  },
  // Insights on data events: trails only (Study teaches the November 2025 data-event Insights)
  {
    name: "Insights on data events: a trail analyses them",
    source: INSIGHTS_P,
    action: "s3:PutObject",
    config: trail({
      AdvancedEventSelectors: [{ FieldSelectors: s3Data() }],
      InsightSelectors: [{ InsightType: "ApiCallRateInsight", EventCategories: ["Data"] }],
    }),
    expect: [[T, "Insight", false, /data API calls/]],
  },
  {
    name: "Insights on management events only: data calls are not analysed",
    source: INSIGHTS_P,
    action: "s3:PutObject",
    config: trail({ AdvancedEventSelectors: [{ FieldSelectors: s3Data() }], InsightSelectors: [{ InsightType: "ApiCallRateInsight" }] }),
    expect: [[T, "Insight", false, /analyses management events only/]],
  },
];

const placed = (r: SimResult, dest: string, category: string) => ({
  rec: r.recorded.find((p) => p.destination === dest && p.category === category),
  not: r.notRecorded.find((p) => p.destination === dest && p.category === category),
});

describe(`simulator rules (${ROWS.length} cases)`, () => {
  it("has at least 60 cases, each with a source", () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(60);
    for (const r of ROWS)
      for (const part of r.source.split("; ")) expect(part, r.name).toMatch(/^(seed: .+|[A-Z].* \(https:\/\/docs\.aws\.amazon\.com\/\S+\)( \(.+\))?)$/);
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
    if (row.notes) expect(result.notes.join(" ")).toMatch(row.notes);
  });

  it("names the CloudWatch Logs group a trail streams to", () => {
    const r = simulate(pack, findAction(pack, "iam:CreateUser")!, DEFAULT_CONTEXT, presetConfig(pack, "bucket-data-events"));
    expect(r.recorded.find((p) => p.destination === "trail:audit")!.alsoTo).toEqual(["cloudwatch-logs:audit-trail"]);
  });

  it("a call denied at an endpoint of a service without network activity events is recorded nowhere", () => {
    const r = simulate(
      pack,
      findAction(pack, "sts:AssumeRole")!,
      { ...DEFAULT_CONTEXT, vpcEndpointId: "vpce-1", vpceDenied: true },
      presetConfig(pack, "default-trail"),
    );
    expect(r.recorded).toEqual([]);
    expect(r.records).toEqual([]);
    expect(r.notes.join(" ")).toMatch(/does not emit network activity events/);
  });
});

// What AWS accepts and refuses, destination by destination; each refusal names the path and what AWS allows there.
const mgmt = (...more: Array<Record<string, unknown>>) => [cat("Management"), ...more];
const eds = (...sel: Array<Array<Record<string, unknown>>>) => ({
  eventDataStores: [{ Name: "e", AdvancedEventSelectors: sel.map((FieldSelectors) => ({ FieldSelectors })) }],
});
const AT = "trails[0].AdvancedEventSelectors[0].FieldSelectors";
const CONFIG_ROWS: Array<{ name: string; source: string; config: unknown; refused?: [path: string, says: RegExp] }> = [
  {
    name: "trail: management events without KMS and RDS Data API",
    source: AFS_P,
    config: adv(mgmt({ Field: "eventSource", NotEquals: ["kms.amazonaws.com", "rdsdata.amazonaws.com"] })),
  },
  {
    name: "trail: management eventSource Equals is refused",
    source: AFS_P,
    config: adv(mgmt({ Field: "eventSource", Equals: ["iam.amazonaws.com"] })),
    refused: [`${AT}[1].Equals`, /takes only NotEquals \(kms.amazonaws.com, rdsdata.amazonaws.com\)/],
  },
  {
    name: "trail: management eventSource NotEquals another source is refused",
    source: AFS_P,
    config: adv(mgmt({ Field: "eventSource", NotEquals: ["s3.amazonaws.com"] })),
    refused: [`${AT}[1].NotEquals[0]`, /"kms.amazonaws.com", "rdsdata.amazonaws.com"/],
  },
  {
    name: "trail: management eventName is for event data stores only",
    source: AFS_P,
    config: adv(mgmt({ Field: "eventName", Equals: ["CreateUser"] })),
    refused: [`${AT}[1].Field`, /AWS allows eventCategory, readOnly, eventSource/],
  },
  {
    name: "event data store: management eventName, eventType, console sessions, userIdentity.arn",
    source: AFS_P,
    config: eds(
      mgmt(
        { Field: "eventName", NotStartsWith: ["Get"] },
        { Field: "eventType", Equals: ["AwsConsoleSignIn"] },
        { Field: "sessionCredentialFromConsole", Equals: ["true"] },
        { Field: "userIdentity.arn", StartsWith: ["arn:aws:sts::111122223333:"] },
      ),
    ),
  },
  {
    name: "event data store: eventSource Equals on management events",
    source: AFS_P,
    config: eds(mgmt({ Field: "eventSource", Equals: ["iam.amazonaws.com"] })),
  },
  {
    name: "the User Guide's filtering example 2: resources.ARN and userIdentity.arn",
    source: FILTER_P,
    config: adv(
      s3Data(
        { Field: "resources.ARN", StartsWith: ["arn:aws:s3:::amzn-s3-demo-bucket/"] },
        { Field: "userIdentity.arn", NotStartsWith: ["arn:aws:sts::123456789012:assumed-role/"] },
      ),
    ),
  },
  {
    name: "the User Guide's filtering example 3: DeleteObjects only",
    source: FILTER_P,
    config: adv(s3Data({ Field: "eventName", Equals: ["DeleteObjects"] })),
  },
  {
    name: "resources.type with two values is refused",
    source: FILTER_P,
    config: adv([cat("Data"), { Field: "resources.type", Equals: ["AWS::S3::Object", "AWS::Lambda::Function"] }]),
    refused: [`${AT}[1].Equals`, /exactly one value; add another selector/],
  },
  {
    name: "readOnly takes only Equals",
    source: AFS_P,
    config: adv(s3Data({ Field: "readOnly", NotEquals: ["true"] })),
    refused: [`${AT}[2].NotEquals`, /readOnly .* takes only Equals \(true, false\)/],
  },
  {
    name: "network activity: the page's multiple-sources example",
    source: NET_P,
    config: adv(
      mgmt(),
      na("cloudtrail.amazonaws.com"),
      na("kms.amazonaws.com", { Field: "errorCode", Equals: ["VpceAccessDenied"] }),
      na("ec2.amazonaws.com", { Field: "vpcEndpointId", Equals: ["vpce-1"] }, { Field: "eventName", StartsWith: ["Describe"] }),
    ),
  },
  { name: "network activity: a source added after GA (bedrock-agentcore)", source: NET_P, config: adv(na("bedrock-agentcore.amazonaws.com")) },
  {
    name: "network activity: sts.amazonaws.com is not on the network activity page's list",
    source: `${NET_P} (followed over the service list of ${EVENTS_P.split(" (")[0]}, which names STS)`,
    config: adv(na("sts.amazonaws.com")),
    refused: [`${AT}[1].Equals[0]`, /does not record network activity events/],
  },
  {
    name: "network activity: userIdentity.arn on a trail",
    source: AFS_P,
    config: adv(na("s3.amazonaws.com", { Field: "userIdentity.arn", NotStartsWith: ["arn:aws:sts::111122223333:"] })),
  },
  {
    name: "network activity: userIdentity.arn is for trails, not event data stores",
    source: AFS_P,
    config: eds(na("s3.amazonaws.com", { Field: "userIdentity.arn", StartsWith: ["arn:aws:sts::"] })),
    refused: ["eventDataStores[0].AdvancedEventSelectors[0].FieldSelectors[2].Field", /not a field of NetworkActivity selectors on event data stores/],
  },
  {
    name: "network activity: eventSource takes only Equals",
    source: NET_P,
    config: adv([cat("NetworkActivity"), { Field: "eventSource", StartsWith: ["s3"] }]),
    refused: [`${AT}[1].StartsWith`, /takes only Equals/],
  },
  {
    name: "network activity: errorCode only VpceAccessDenied",
    source: NET_P,
    config: adv(na("s3.amazonaws.com", { Field: "errorCode", Equals: ["AccessDenied"] })),
    refused: [`${AT}[2].Equals[0]`, /"VpceAccessDenied"/],
  },
  { name: "event data store of AWS Config configuration items", source: AFS_P, config: eds([cat("ConfigurationItem")]) },
  {
    name: "event data stores of Audit Manager evidence, events from outside AWS, Insights",
    source: AFS_P,
    config: { eventDataStores: ["Evidence", "ActivityAuditLog", "Insight"].map((c) => ({ Name: c, AdvancedEventSelectors: [{ FieldSelectors: [cat(c)] }] })) },
  },
  {
    name: "a Config-item event data store filters nothing but eventCategory",
    source: AFS_P,
    config: eds([cat("ConfigurationItem"), { Field: "eventSource", Equals: ["config.amazonaws.com"] }]),
    refused: ["eventDataStores[0].AdvancedEventSelectors[0].FieldSelectors[1].Field", /AWS allows eventCategory/],
  },
  {
    name: "a Config-item event data store holds no CloudTrail events",
    source: DATA_P,
    config: eds([cat("ConfigurationItem")], mgmt()),
    refused: ["eventDataStores[0].AdvancedEventSelectors", /holds only those/],
  },
  {
    name: "ConfigurationItem is not a trail category",
    source: AFS_P,
    config: adv([cat("ConfigurationItem")]),
    refused: [`${AT}[0].Equals[0]`, /must be one of Management, Data, NetworkActivity/],
  },
  {
    name: "Insights on data events on a trail",
    source: INSIGHTS_P,
    config: trail({ InsightSelectors: [{ InsightType: "ApiErrorRateInsight", EventCategories: ["Management", "Data"] }] }),
  },
  {
    name: "Insights on data events is for trails",
    source: INSIGHTS_P,
    config: { eventDataStores: [{ Name: "e", InsightSelectors: [{ InsightType: "ApiCallRateInsight", EventCategories: ["Data"] }] }] },
    refused: ["eventDataStores[0].InsightSelectors[0].EventCategories[0]", /for trails only/],
  },
  {
    name: "basic selectors reach the catalog's basicSelectors types (DynamoDB)",
    source: ES_P,
    config: basic({ DataResources: [{ Type: "AWS::DynamoDB::Table", Values: ["arn:aws:dynamodb"] }] }),
  },
  {
    name: "basic selectors refuse directory buckets",
    source: ES_P,
    config: basic({ DataResources: [{ Type: "AWS::S3Express::Object", Values: ["arn:aws:s3express"] }] }),
    refused: [
      "trails[0].EventSelectors[0].DataResources[0].Type",
      /needs advanced event selectors; basic DataResources take only AWS::S3::Object, AWS::DynamoDB::Table, AWS::Lambda::Function/,
    ],
  },
];

describe(`configuration rules (${CONFIG_ROWS.length} cases)`, () => {
  it.each(CONFIG_ROWS.map((r) => [r.name, r] as const))("%s", (_, row) => {
    for (const part of row.source.split("; ")) expect(part).toMatch(/ \(https:\/\/docs\.aws\.amazon\.com\/\S+\)/);
    let problems: Array<{ path: string; message: string }> = [];
    try {
      parseConfig(pack, row.config);
    } catch (err) {
      problems = (err as { problems?: typeof problems }).problems ?? [];
      if (!problems.length) throw err;
    }
    if (!row.refused) expect(problems).toEqual([]);
    else
      expect(
        problems.find((p) => p.path === row.refused![0]),
        JSON.stringify(problems),
      ).toMatchObject({ message: expect.stringMatching(row.refused[1]) });
  });
});

describe("basic selector limits", () => {
  it("at most 250 data resources across a trail's event selectors (EventSelector, API Reference)", () => {
    const values = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:s3:::bucket-${i}/`);
    expect(() => parseConfig(pack, basic({ DataResources: [{ Type: "AWS::S3::Object", Values: values(250) }] }))).not.toThrow();
    expect(() =>
      parseConfig(
        pack,
        basic({ DataResources: [{ Type: "AWS::S3::Object", Values: values(200) }] }, { DataResources: [{ Type: "AWS::S3::Object", Values: values(51) }] }),
      ),
    ).toThrow(/trails\[0\]\.EventSelectors: 251 data resources; AWS allows at most 250/);
  });
});
