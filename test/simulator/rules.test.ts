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

// Audit rows (issue #16): new cases written straight from the AWS pages, class by class. The sentence
// each row rests on is quoted in the comment above it.
const AES_P = page("AdvancedEventSelector", `${API}API_AdvancedEventSelector.html`);
const QUOTAS_P = page("Quotas in AWS CloudTrail", `${UG}WhatIsCloudTrail-Limits.html`);
const LAKE_CREATE_P = page("Create an event data store for CloudTrail events with the console", `${UG}query-event-data-store-cloudtrail.html`);
const PUT_INSIGHT_P = page("PutInsightSelectors", `${API}API_PutInsightSelectors.html`);
const UPDATE_EDS_P = page("UpdateEventDataStore", `${API}API_UpdateEventDataStore.html`);
const INSIGHTS_CLI_P = page("Logging Insights events with the AWS CLI", `${UG}insights-events-CLI-enable.html`);
const ROTATE_ON_DEMAND_P = page("RotateKeyOnDemand", "https://docs.aws.amazon.com/kms/latest/developerguide/ct-rotatekeyondemand.html");
const ROTATE_P = page("RotateKey", "https://docs.aws.amazon.com/kms/latest/developerguide/ct-rotatekey.html");
const lake = (...sel: Array<Array<Record<string, unknown>>>) => ({
  eventDataStores: [{ Name: "lake", AdvancedEventSelectors: sel.map((FieldSelectors, i) => ({ Name: `s${i + 1}`, FieldSelectors })) }],
});
const L = "event-data-store:lake";
const mg = (...more: Array<Record<string, unknown>>) => [cat("Management"), ...more];

const AUDIT_ROWS: Row[] = [
  // 1. Operator semantics. FILTER_P: "DESELECT operators are AND'd together. If any of the DESELECT operator
  // conditions are met, the event is not delivered." / "SELECT operators are OR'd together." / "Combinations of
  // SELECT and DESELECT operators follow the above rules and both groups are AND'd together."
  {
    name: "audit: StartsWith a bucket and NotStartsWith its tmp/ prefix keep the rest of the bucket",
    source: FILTER_P,
    action: "s3:PutObject",
    ctx: { resourceArn: "arn:aws:s3:::payroll/keep/a.csv" },
    config: adv(s3Data({ Field: "resources.ARN", StartsWith: ["arn:aws:s3:::payroll/"], NotStartsWith: ["arn:aws:s3:::payroll/tmp/"] })),
    expect: [[T, "Data", true]],
  },
  {
    name: "audit: StartsWith a bucket and NotStartsWith its tmp/ prefix drop tmp/",
    source: FILTER_P,
    action: "s3:PutObject",
    ctx: { resourceArn: "arn:aws:s3:::payroll/tmp/a.csv" },
    config: adv(s3Data({ Field: "resources.ARN", StartsWith: ["arn:aws:s3:::payroll/"], NotStartsWith: ["arn:aws:s3:::payroll/tmp/"] })),
    expect: [[T, "Data", false, /NotStartsWith arn:aws:s3:::payroll\/tmp\//]],
  },
  {
    name: "audit: two NotStartsWith values are AND'd: matching either one excludes",
    source: FILTER_P,
    action: "s3:GetObject",
    ctx: { resourceArn: "arn:aws:s3:::logs-b/x" },
    config: adv(s3Data({ Field: "resources.ARN", NotStartsWith: ["arn:aws:s3:::logs-a/", "arn:aws:s3:::logs-b/"] })),
    expect: [[T, "Data", false]],
  },
  {
    name: "audit: field selectors are AND'd: the right API on another bucket is not logged",
    source: FILTER_P,
    action: "s3:PutObject",
    ctx: { resourceArn: "arn:aws:s3:::amzn-s3-demo-bucket/a" },
    config: adv(
      s3Data({ Field: "eventName", Equals: ["PutObject", "DeleteObject"] }, { Field: "resources.ARN", NotStartsWith: ["arn:aws:s3:::amzn-s3-demo-bucket/"] }),
    ),
    expect: [[T, "Data", false, /resources.ARN NotStartsWith/]],
  },
  {
    name: "audit: conditions no call can meet record nothing (eventName PutObject and readOnly true)",
    source: FILTER_P,
    action: "s3:PutObject",
    config: adv(s3Data({ Field: "eventName", Equals: ["PutObject"] }, { Field: "readOnly", Equals: ["true"] })),
    expect: [
      [T, "Data", false, /readOnly Equals true/],
      [EH, "Data", false],
    ],
  },
  {
    name: "audit: selectors are OR'd: one selector's exclusion does not stop another selector",
    source: `${FILTER_P}; ${AES_P}`,
    action: "s3:GetObject",
    ctx: { resourceArn: "arn:aws:s3:::secret/a" },
    config: adv(s3Data({ Field: "resources.ARN", NotStartsWith: ["arn:aws:s3:::secret/"] }), s3Data({ Field: "readOnly", Equals: ["true"] })),
    expect: [[T, "Data", true, /'s2'/]],
  },
  {
    name: "audit: readOnly true on data events keeps a read (HeadObject)",
    source: FILTER_P,
    action: "s3:HeadObject",
    config: adv(s3Data({ Field: "readOnly", Equals: ["true"] })),
    expect: [[T, "Data", true]],
  },
  {
    name: "audit: readOnly true on data events drops a write (DeleteObjects)",
    source: FILTER_P,
    action: "s3:DeleteObjects",
    config: adv(s3Data({ Field: "readOnly", Equals: ["true"] })),
    expect: [[T, "Data", false, /readOnly Equals true/]],
  },
  // AFS_P: "To log all data events for all objects in a specific S3 bucket, use the StartsWith operator, and include
  // only the bucket ARN as the matching value." StartsWith compares the first characters of the ARN.
  {
    name: "audit: resources.ARN StartsWith the bucket ARN logs its objects",
    source: AFS_P,
    action: "s3:GetObject",
    ctx: { resourceArn: "arn:aws:s3:::payroll/2026/jan.csv" },
    config: adv(s3Data({ Field: "resources.ARN", StartsWith: ["arn:aws:s3:::payroll"] })),
    expect: [[T, "Data", true]],
  },
  {
    name: "audit: resources.ARN StartsWith a bucket ARN without its slash also matches a bucket whose name starts the same",
    source: `${AFS_P} (StartsWith matches "the first few characters of the event record field")`,
    action: "s3:GetObject",
    ctx: { resourceArn: "arn:aws:s3:::payroll-archive/old.csv" },
    config: adv(s3Data({ Field: "resources.ARN", StartsWith: ["arn:aws:s3:::payroll"] })),
    expect: [[T, "Data", true]],
  },
  {
    name: "audit: resources.ARN StartsWith bucket/ (with the slash) leaves out the look-alike bucket",
    source: FILTER_P,
    action: "s3:GetObject",
    ctx: { resourceArn: "arn:aws:s3:::payroll-archive/old.csv" },
    config: adv(s3Data({ Field: "resources.ARN", StartsWith: ["arn:aws:s3:::payroll/"] })),
    expect: [[T, "Data", false]],
  },
  // AFS_P: "if you use Equals or NotEquals, the value must exactly match the ARN of a valid resource of the type".
  {
    name: "audit: resources.ARN Equals the bucket ARN does not select an object in it",
    source: AFS_P,
    action: "s3:GetObject",
    ctx: { resourceArn: "arn:aws:s3:::payroll/2026/jan.csv" },
    config: adv(s3Data({ Field: "resources.ARN", Equals: ["arn:aws:s3:::payroll"] })),
    expect: [[T, "Data", false, /resources.ARN Equals arn:aws:s3:::payroll does not hold/]],
  },
  {
    name: "audit: eventName StartsWith Put and NotEquals PutObjectAcl drops PutObjectAcl",
    source: FILTER_P,
    action: "s3:PutObjectAcl",
    config: adv(s3Data({ Field: "eventName", StartsWith: ["Put"], NotEquals: ["PutObjectAcl"] })),
    expect: [[T, "Data", false, /NotEquals PutObjectAcl/]],
  },
  {
    name: "audit: eventName StartsWith Put and NotEquals PutObjectAcl keeps PutObjectTagging",
    source: FILTER_P,
    action: "s3:PutObjectTagging",
    config: adv(s3Data({ Field: "eventName", StartsWith: ["Put"], NotEquals: ["PutObjectAcl"] })),
    expect: [[T, "Data", true]],
  },
  // Management selectors on event data stores (AFS_P: "The following additional fields are available for event
  // data stores: eventName, eventType, sessionCredentialFromConsole, and userIdentity.arn"; readOnly "true logs only read events").
  {
    name: "audit: event data store management readOnly true leaves out a write",
    source: `${AFS_P}; ${LAKE_CREATE_P}`,
    action: "ec2:RunInstances",
    config: lake(mg({ Field: "readOnly", Equals: ["true"] })),
    expect: [[L, "Management", false, /readOnly Equals true/]],
  },
  {
    name: "audit: event data store management readOnly true keeps a read",
    source: `${AFS_P}; ${LAKE_CREATE_P}`,
    action: "ec2:DescribeInstances",
    config: lake(mg({ Field: "readOnly", Equals: ["true"] })),
    expect: [[L, "Management", true]],
  },
  {
    name: "audit: event data store eventSource NotEquals two sources excludes each of them",
    source: `${AFS_P} (for management and data events for event data stores, eventSource "can use any operator")`,
    action: "iam:CreateUser",
    config: lake(mg({ Field: "eventSource", NotEquals: ["kms.amazonaws.com", "iam.amazonaws.com"] })),
    expect: [[L, "Management", false]],
  },
  {
    name: "audit: event data store eventSource NotEquals two sources keeps a third",
    source: AFS_P,
    action: "ec2:RunInstances",
    config: lake(mg({ Field: "eventSource", NotEquals: ["kms.amazonaws.com", "iam.amazonaws.com"] })),
    expect: [[L, "Management", true]],
  },
  {
    name: "audit: a second management selector for writes keeps KMS writes the first one excludes",
    source: AES_P,
    action: "kms:CreateKey",
    config: adv(mg({ Field: "eventSource", NotEquals: ["kms.amazonaws.com"] }), mg({ Field: "readOnly", Equals: ["false"] })),
    expect: [[T, "Management", true, /'s2'/]],
  },
  {
    name: "audit: a second management selector for writes does not bring back KMS reads",
    source: AES_P,
    action: "kms:Decrypt",
    config: adv(mg({ Field: "eventSource", NotEquals: ["kms.amazonaws.com"] }), mg({ Field: "readOnly", Equals: ["false"] })),
    expect: [
      [T, "Management", false],
      [EH, "Management", true],
    ],
  },
  // Basic selectors (ES_P): ExcludeManagementEventSources "can filter out AWS Key Management Service or Amazon RDS Data
  // API events"; "if the event matches any event selector, the trail processes and logs the event".
  {
    name: "audit: basic selectors are OR'd: a second selector without the KMS exclusion logs KMS",
    source: ES_P,
    action: "kms:Decrypt",
    config: basic({ ExcludeManagementEventSources: ["kms.amazonaws.com"] }, { ReadWriteType: "ReadOnly" }),
    expect: [[T, "Management", true, /EventSelectors\[1\]/]],
  },
  {
    name: "audit: basic WriteOnly selector excluding KMS drops a KMS write",
    source: ES_P,
    action: "kms:ScheduleKeyDeletion",
    config: basic({ ReadWriteType: "WriteOnly", ExcludeManagementEventSources: ["kms.amazonaws.com"] }),
    expect: [[T, "Management", false, /ExcludeManagementEventSources/]],
  },
  {
    name: "audit: IncludeManagementEvents false still logs the selected data events",
    source: ES_P,
    action: "lambda:Invoke",
    config: basic({ IncludeManagementEvents: false, DataResources: [{ Type: "AWS::Lambda::Function", Values: ["arn:aws:lambda"] }] }),
    expect: [
      [T, "Data", true],
      [EH, "Data", false],
    ],
  },
  {
    name: "audit: IncludeManagementEvents false: the management call stays in Event History only",
    source: `${ES_P}; ${EH_P}`,
    action: "lambda:CreateFunction",
    config: basic({ IncludeManagementEvents: false, DataResources: [{ Type: "AWS::Lambda::Function", Values: ["arn:aws:lambda"] }] }),
    expect: [
      [T, "Management", false, /IncludeManagementEvents/],
      [EH, "Management", true],
    ],
  },
  {
    name: "audit: basic ReadOnly data selector leaves out Lambda Invoke (a write)",
    source: ES_P,
    action: "lambda:Invoke",
    config: basic({ ReadWriteType: "ReadOnly", DataResources: [{ Type: "AWS::Lambda::Function", Values: ["arn:aws:lambda"] }] }),
    expect: [[T, "Data", false, /ReadWriteType ReadOnly/]],
  },
  // Regions, global service events, organizations (CONCEPTS_P, ORG_P, LAKE_CREATE_P "Include only the current region").
  {
    name: "audit: single-Region event data store misses another Region",
    source: LAKE_CREATE_P,
    action: "ec2:RunInstances",
    ctx: { region: "eu-west-1" },
    config: { eventDataStores: [{ Name: "lake", HomeRegion: "us-east-1", MultiRegionEnabled: false }] },
    expect: [[L, "Management", false, /single-Region event data store/]],
  },
  {
    name: "audit: single-Region trail in us-east-1 records a global event made from another Region",
    source: CONCEPTS_P,
    action: "cloudfront:CreateDistribution",
    ctx: { region: "ap-southeast-2" },
    config: single("us-east-1"),
    expect: [[T, "Management", true]],
  },
  {
    name: "audit: organization event data store covers member accounts",
    source: LAKE_CREATE_P,
    action: "iam:CreateRole",
    config: { eventDataStores: [{ Name: "lake", OrganizationEnabled: true }] },
    expect: [[L, "Management", true, /every member account/]],
  },
  // 2. Network activity fields, per destination (NET_P).
  {
    name: "audit: network eventName filter leaves out another API",
    source: NET_P,
    action: "kms:Decrypt",
    ctx: { vpcEndpointId: "vpce-1" },
    config: adv(na("kms.amazonaws.com", { Field: "eventName", Equals: ["ListKeys"] })),
    expect: [[T, "NetworkActivity", false, /eventName Equals ListKeys/]],
  },
  {
    name: "audit: network vpcEndpointId NotEquals drops that endpoint",
    source: NET_P,
    action: "s3:PutObject",
    ctx: { vpcEndpointId: "vpce-aaa" },
    config: adv(na("s3.amazonaws.com", { Field: "vpcEndpointId", NotEquals: ["vpce-aaa"] })),
    expect: [[T, "NetworkActivity", false]],
  },
  {
    name: "audit: network activity on an event data store",
    source: NET_P,
    action: "lambda:Invoke",
    ctx: { vpcEndpointId: "vpce-1" },
    config: lake(na("lambda.amazonaws.com")),
    expect: [
      [L, "NetworkActivity", true],
      [L, "Data", false],
    ],
  },
  {
    name: "audit: VpceAccessDenied selector on an event data store keeps the denied call",
    source: DENIED_P,
    action: "secretsmanager:GetSecretValue",
    ctx: { vpcEndpointId: "vpce-1", vpceDenied: true },
    config: lake(na("secretsmanager.amazonaws.com", { Field: "errorCode", Equals: ["VpceAccessDenied"] }), mg()),
    expect: [
      [L, "NetworkActivity", true],
      [L, "Management", false],
      [EH, "Management", false],
    ],
  },
  // 3. Cross-account calls at a VPC endpoint (KMS_VPCE_P: "your CloudTrail logs don't include operations requested by
  // principals in other accounts"; NET_P: network activity events "enable VPC endpoint owners to record AWS API calls
  // made using their VPC endpoints"; DATA_P: "Because you own the object, your trail also logs events when other
  // accounts call the object").
  {
    name: "audit: another account's call denied at your endpoint: you see the denial, nobody gets a management event",
    source: DENIED_P,
    action: "kms:Decrypt",
    ctx: { vpcEndpointId: "vpce-1", vpceDenied: true, caller: "other-account" },
    config: adv(na("kms.amazonaws.com", { Field: "errorCode", Equals: ["VpceAccessDenied"] }), mg()),
    expect: [
      [T, "NetworkActivity", true],
      [T, "Management", false],
      [EH, "Management", false],
    ],
  },
  {
    name: "audit: another account's call at your endpoint: an event data store does not get its management event",
    source: KMS_VPCE_P,
    action: "kms:Encrypt",
    ctx: { vpcEndpointId: "vpce-1", caller: "other-account" },
    config: lake(mg(), na("kms.amazonaws.com")),
    expect: [
      [L, "Management", false, /belongs to 444455556666/],
      [L, "NetworkActivity", true],
    ],
  },
  {
    name: "audit: network selector on userIdentity.arn picks out the other account's callers (trail)",
    source: `${NET_P}; ${AFS_P}`,
    action: "secretsmanager:GetSecretValue",
    ctx: { vpcEndpointId: "vpce-1", caller: "other-account" },
    config: adv(na("secretsmanager.amazonaws.com", { Field: "userIdentity.arn", StartsWith: ["arn:aws:sts::444455556666:"] })),
    expect: [[T, "NetworkActivity", true]],
  },
  {
    name: "audit: network selector on userIdentity.arn leaves out your own callers",
    source: `${NET_P}; ${AFS_P}`,
    action: "secretsmanager:GetSecretValue",
    ctx: { vpcEndpointId: "vpce-1" },
    config: adv(na("secretsmanager.amazonaws.com", { Field: "userIdentity.arn", StartsWith: ["arn:aws:sts::444455556666:"] })),
    expect: [[T, "NetworkActivity", false]],
  },
  {
    name: "audit: another account's direct PutObject on your bucket: your data selector logs it (resource owner)",
    source: DATA_P,
    action: "s3:PutObject",
    ctx: { caller: "other-account", resourceArn: "arn:aws:s3:::owner-bucket/in.csv" },
    config: adv(s3Data({ Field: "resources.ARN", StartsWith: ["arn:aws:s3:::owner-bucket/"] })),
    expect: [
      [T, "Data", true],
      [EH, "Data", false],
    ],
  },
  // 4. Resource types chosen by the call (DATA_P's data events table; ROTATE_P, ROTATE_ON_DEMAND_P).
  {
    name: "audit: a DynamoDB stream selector does not log table reads",
    source: DATA_P,
    action: "dynamodb:GetItem",
    config: adv([cat("Data"), { Field: "resources.type", Equals: ["AWS::DynamoDB::Stream"] }]),
    expect: [[T, "Data", false, /resources.type Equals AWS::DynamoDB::Stream/]],
  },
  {
    name: "audit: a DynamoDB table selector narrowed to one table ARN also logs that table's stream",
    source: DATA_P,
    action: "dynamodb:GetRecords",
    ctx: { resourceArn: "arn:aws:dynamodb:us-east-1:111122223333:table/orders/stream/2026-06-01T00:00:00.000" },
    config: adv([
      cat("Data"),
      { Field: "resources.type", Equals: ["AWS::DynamoDB::Table"] },
      { Field: "resources.ARN", Equals: ["arn:aws:dynamodb:us-east-1:111122223333:table/orders"] },
    ]),
    expect: [[T, "Data", true]],
  },
  {
    name: "audit: the S3 directory bucket CreateSession is not an AWS::S3::Object event",
    source: DATA_P,
    action: "s3express:CreateSession",
    config: adv(s3Data()),
    expect: [[T, "Data", false, /resources.type Equals AWS::S3::Object/]],
  },
  {
    name: "audit: SNS Publish to a topic is not a platform-endpoint event",
    source: DATA_P,
    action: "sns:Publish",
    ctx: { resourceArn: "arn:aws:sns:us-east-1:111122223333:alerts" },
    config: adv([cat("Data"), { Field: "resources.type", Equals: ["AWS::SNS::PlatformEndpoint"] }]),
    expect: [[T, "Data", false]],
  },
  {
    name: "audit: on-demand key rotation is an API call: eventType NotEquals AwsServiceEvent keeps it",
    source: `${ROTATE_ON_DEMAND_P}; ${AFS_P}`,
    action: "kms:RotateKeyOnDemand",
    config: lake(mg({ Field: "eventType", NotEquals: ["AwsServiceEvent"] })),
    expect: [
      [L, "Management", true],
      [EH, "Management", true],
    ],
  },
  {
    name: "audit: automatic rotation is an AWS service event: eventType Equals AwsServiceEvent keeps it",
    source: `${ROTATE_P}; ${AFS_P}`,
    action: "kms:RotateKey",
    config: lake(mg({ Field: "eventType", Equals: ["AwsServiceEvent"] })),
    expect: [[L, "Management", true]],
  },
  {
    name: "audit: Bedrock InvokeModel is not logged by an agent-alias data selector",
    source: `${BEDROCK_P}; ${DATA_P}`,
    action: "bedrock:InvokeModel",
    config: adv([cat("Data"), { Field: "resources.type", Equals: ["AWS::Bedrock::AgentAlias"] }]),
    expect: [
      [T, "Management", false, /no advanced selector selects management events/],
      [EH, "Management", true],
    ],
  },
  // 5. Insights (INSIGHTS_P: "API call rate – A measurement of write-only management API calls"; data events
  // Insights "API call rate – A measurement of data API calls"; PUT_INSIGHT_P: "Insights on data events are not
  // supported on event data stores").
  {
    name: "audit: call-rate Insights on management events does not analyse a read-only call",
    source: `${INSIGHTS_P}; ${PUT_INSIGHT_P}`,
    action: "ec2:DescribeInstances",
    config: trail({ InsightSelectors: [{ InsightType: "ApiCallRateInsight" }] }),
    expect: [
      [T, "Insight", false, /write management calls/],
      [T, "Management", true],
    ],
  },
  {
    name: "audit: error-rate Insights counts a read-only call's errors",
    source: INSIGHTS_P,
    action: "ec2:DescribeInstances",
    ctx: { errorCode: "UnauthorizedOperation" },
    config: trail({ InsightSelectors: [{ InsightType: "ApiErrorRateInsight" }] }),
    expect: [[T, "Insight", false, /error rate/]],
  },
  {
    name: "audit: call-rate Insights on data events counts reads too",
    source: `${INSIGHTS_P}; ${PUT_INSIGHT_P}`,
    action: "s3:GetObject",
    config: trail({
      AdvancedEventSelectors: [{ FieldSelectors: s3Data() }, { FieldSelectors: mg() }],
      InsightSelectors: [{ InsightType: "ApiCallRateInsight", EventCategories: ["Data"] }],
    }),
    expect: [[T, "Insight", false, /read and write/]],
  },
  {
    name: "audit: call-rate Insights on a trail that logs no management events: no Insights events",
    source: `${PUT_INSIGHT_P}; ${INSIGHTS_P}`,
    action: "ec2:RunInstances",
    config: trail({ AdvancedEventSelectors: [{ FieldSelectors: s3Data() }], InsightSelectors: [{ InsightType: "ApiCallRateInsight" }] }),
    expect: [
      [T, "Insight", false, /must log write management events/],
      [T, "Management", false],
    ],
  },
  {
    name: "audit: call-rate Insights on a read-only trail: the write is not logged, so no Insights events",
    source: `${PUT_INSIGHT_P}; ${INSIGHTS_P}`,
    action: "ec2:RunInstances",
    config: trail({ EventSelectors: [{ ReadWriteType: "ReadOnly" }], InsightSelectors: [{ InsightType: "ApiCallRateInsight" }] }),
    expect: [
      [T, "Insight", false, /must log write management events/],
      [T, "Management", false, /ReadWriteType ReadOnly/],
    ],
  },
  {
    name: "audit: data-event Insights on a trail that logs no data events: no Insights events",
    source: `${INSIGHTS_CLI_P}; ${PUT_INSIGHT_P}`,
    action: "s3:PutObject",
    config: trail({ InsightSelectors: [{ InsightType: "ApiCallRateInsight", EventCategories: ["Data"] }] }),
    expect: [
      [T, "Insight", false, /must log read or write data events/],
      [T, "Data", false, /opt-in/],
    ],
  },
  {
    name: "audit: Insights on an event data store analyses management events, not a data call",
    source: PUT_INSIGHT_P,
    action: "dynamodb:PutItem",
    config: {
      eventDataStores: [
        {
          Name: "lake",
          AdvancedEventSelectors: [{ FieldSelectors: mg() }, { FieldSelectors: [cat("Data"), { Field: "resources.type", Equals: ["AWS::DynamoDB::Table"] }] }],
          InsightSelectors: [{ InsightType: "ApiCallRateInsight" }],
        },
      ],
    },
    expect: [
      [L, "Insight", false, /management events only/],
      [L, "Data", true],
    ],
  },
];
ROWS.push(...AUDIT_ROWS);

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

// Audit configuration rows (issue #16): what AWS accepts and refuses, from AFS_P's per-field rules ("eventSource ...
// For network activity events, this is a required field that only uses the Equals operator ... If you want to log
// network activity events for multiple event sources, you must create a separate field selector for each event
// source"; "readOnly - This is an optional field that is only used for management events and data events";
// "errorCode ... can only use the Equals operator"; "sessionCredentialFromConsole ... can only use the Equals and
// NotEquals operators"), NET_P, LAKE_CREATE_P ("This field can be set to equals or not equals with a value of true")
// and the Insights prerequisites of PUT_INSIGHT_P and UPDATE_EDS_P.
const EAT = "eventDataStores[0].AdvancedEventSelectors[0].FieldSelectors";
const AUDIT_CONFIG_ROWS: typeof CONFIG_ROWS = [
  {
    name: "audit: network eventSource with two values is refused (one field selector per source)",
    source: `${AFS_P}; ${NET_P}`,
    config: adv([cat("NetworkActivity"), { Field: "eventSource", Equals: ["s3.amazonaws.com", "kms.amazonaws.com"] }]),
    refused: [`${AT}[1].Equals`, /one value; add another selector/],
  },
  {
    name: "audit: network selectors take no readOnly",
    source: AFS_P,
    config: adv(na("kms.amazonaws.com", { Field: "readOnly", Equals: ["true"] })),
    refused: [`${AT}[2].Field`, /'readOnly' is not a field of NetworkActivity selectors on trails/],
  },
  {
    name: "audit: network errorCode NotEquals is refused",
    source: `${AFS_P}; ${NET_P}`,
    config: adv(na("kms.amazonaws.com", { Field: "errorCode", NotEquals: ["VpceAccessDenied"] })),
    refused: [`${AT}[2].NotEquals`, /takes only Equals/],
  },
  {
    name: "audit: network vpcEndpointId and eventName take any operator (trail)",
    source: NET_P,
    config: adv(na("ec2.amazonaws.com", { Field: "vpcEndpointId", NotStartsWith: ["vpce-0ab"] }, { Field: "eventName", NotEndsWith: ["Tags"] })),
  },
  {
    name: "audit: network eventName, errorCode, vpcEndpointId on an event data store",
    source: NET_P,
    config: eds(
      na(
        "s3.amazonaws.com",
        { Field: "eventName", EndsWith: ["Object"] },
        { Field: "errorCode", Equals: ["VpceAccessDenied"] },
        { Field: "vpcEndpointId", Equals: ["vpce-1"] },
      ),
    ),
  },
  {
    name: "audit: network selector without eventSource is refused",
    source: NET_P,
    config: eds([cat("NetworkActivity"), { Field: "eventName", Equals: ["ListKeys"] }]),
    refused: ["eventDataStores[0].AdvancedEventSelectors[0].FieldSelectors", /needs an eventSource field selector/],
  },
  {
    name: "audit: trail management eventSource NotStartsWith is refused",
    source: AFS_P,
    config: adv(mgmt({ Field: "eventSource", NotStartsWith: ["kms"] })),
    refused: [`${AT}[1].NotStartsWith`, /takes only NotEquals/],
  },
  {
    name: "audit: trail management selectors take no eventType",
    source: AFS_P,
    config: adv(mgmt({ Field: "eventType", NotEquals: ["AwsServiceEvent"] })),
    refused: [`${AT}[1].Field`, /not a field of Management selectors on trails/],
  },
  {
    name: "audit: trail management selectors take no sessionCredentialFromConsole",
    source: AFS_P,
    config: adv(mgmt({ Field: "sessionCredentialFromConsole", Equals: ["true"] })),
    refused: [`${AT}[1].Field`, /not a field of Management selectors on trails/],
  },
  {
    name: "audit: trail management selectors take no userIdentity.arn",
    source: AFS_P,
    config: adv(mgmt({ Field: "userIdentity.arn", StartsWith: ["arn:aws:sts::111122223333:"] })),
    refused: [`${AT}[1].Field`, /not a field of Management selectors on trails/],
  },
  {
    name: "audit: trail data selectors take sessionCredentialFromConsole NotEquals true and eventType",
    source: `${AFS_P}; ${FILTER_P}`,
    config: adv(s3Data({ Field: "sessionCredentialFromConsole", NotEquals: ["true"] }, { Field: "eventType", NotEquals: ["AwsServiceEvent"] })),
  },
  {
    name: "audit: event data store management readOnly and eventType NotEquals AwsServiceEvent",
    source: `${AFS_P}; ${LAKE_CREATE_P}`,
    config: eds(mgmt({ Field: "readOnly", Equals: ["false"] }, { Field: "eventType", NotEquals: ["AwsServiceEvent"] })),
  },
  {
    name: "audit: sessionCredentialFromConsole takes only the value true",
    source: LAKE_CREATE_P,
    config: eds(mgmt({ Field: "sessionCredentialFromConsole", Equals: ["false"] })),
    refused: [`${EAT}[1].Equals[0]`, /"true"/],
  },
  {
    name: "audit: sessionCredentialFromConsole StartsWith is refused",
    source: AFS_P,
    config: eds(mgmt({ Field: "sessionCredentialFromConsole", StartsWith: ["t"] })),
    refused: [`${EAT}[1].StartsWith`, /takes only Equals, NotEquals/],
  },
  {
    name: "audit: data selectors take no errorCode",
    source: AFS_P,
    config: adv(s3Data({ Field: "errorCode", Equals: ["VpceAccessDenied"] })),
    refused: [`${AT}[2].Field`, /not a field of Data selectors/],
  },
  {
    name: "audit: data selectors take no vpcEndpointId",
    source: AFS_P,
    config: eds(s3Data({ Field: "vpcEndpointId", Equals: ["vpce-1"] })),
    refused: [`${EAT}[2].Field`, /not a field of Data selectors/],
  },
  {
    name: "audit: a data selector without resources.type is refused",
    source: AFS_P,
    config: adv([cat("Data"), { Field: "eventName", Equals: ["GetObject"] }]),
    refused: ["trails[0].AdvancedEventSelectors[0].FieldSelectors", /needs a resources.type field selector/],
  },
  {
    name: "audit: eventCategory NotEquals is refused",
    source: AFS_P,
    config: adv([{ Field: "eventCategory", NotEquals: ["Data"] }]),
    refused: [`${AT}[0]`, /eventCategory takes Equals with exactly one value/],
  },
  {
    name: "audit: Insight is an event data store category, not a trail one",
    source: AFS_P,
    config: adv([cat("Insight")]),
    refused: [`${AT}[0].Equals[0]`, /must be one of Management, Data, NetworkActivity/],
  },
  {
    name: "audit: an ActivityAuditLog event data store filters nothing but eventCategory",
    source: AFS_P,
    config: eds([cat("ActivityAuditLog"), { Field: "eventName", Equals: ["x"] }]),
    refused: [`${EAT}[1].Field`, /AWS allows eventCategory/],
  },
  {
    name: "audit: basic ExcludeManagementEventSources takes rdsdata.amazonaws.com",
    source: ES_P,
    config: basic({ ExcludeManagementEventSources: ["kms.amazonaws.com", "rdsdata.amazonaws.com"] }),
  },
  {
    name: "audit: basic ExcludeManagementEventSources refuses another source",
    source: ES_P,
    config: basic({ ExcludeManagementEventSources: ["s3.amazonaws.com"] }),
    refused: ["trails[0].EventSelectors[0].ExcludeManagementEventSources[0]", /only kms.amazonaws.com and rdsdata.amazonaws.com/],
  },
  // Insights prerequisites
  // A trail whose selectors leave out what its Insights need is accepted and writes no Insights events (PUT_INSIGHT_P
  // states the need, "the trail ... must log write management events", but for trails names no refusal, where
  // UPDATE_EDS_P names one for event data stores; the simulator explains it on the Insight placement instead).
  {
    name: "audit: call-rate Insights on a trail that logs no management events is accepted",
    source: `${PUT_INSIGHT_P}; ${INSIGHTS_P}`,
    config: trail({ AdvancedEventSelectors: [{ FieldSelectors: s3Data() }], InsightSelectors: [{ InsightType: "ApiCallRateInsight" }] }),
  },
  {
    name: "audit: call-rate Insights on a trail of read-only management events is accepted",
    source: `${PUT_INSIGHT_P}; ${INSIGHTS_P}`,
    config: trail({ EventSelectors: [{ ReadWriteType: "ReadOnly" }], InsightSelectors: [{ InsightType: "ApiCallRateInsight" }] }),
  },
  {
    name: "audit: error-rate Insights on a trail of read-only management events is accepted",
    source: `${PUT_INSIGHT_P}; ${INSIGHTS_P}`,
    config: trail({
      AdvancedEventSelectors: [{ FieldSelectors: mgmt({ Field: "readOnly", Equals: ["true"] }) }],
      InsightSelectors: [{ InsightType: "ApiErrorRateInsight" }],
    }),
  },
  {
    name: "audit: event data store error-rate Insights with no management selector is refused",
    source: UPDATE_EDS_P,
    config: {
      eventDataStores: [
        {
          Name: "e",
          AdvancedEventSelectors: [{ FieldSelectors: s3Data() }],
          InsightSelectors: [{ InsightType: "ApiErrorRateInsight" }],
        },
      ],
    },
    refused: ["eventDataStores[0].InsightSelectors[0]", /must log read or write management events/],
  },
  {
    name: "audit: event data store error-rate Insights on read-only management events is accepted",
    source: UPDATE_EDS_P,
    config: {
      eventDataStores: [
        {
          Name: "e",
          AdvancedEventSelectors: [{ FieldSelectors: mgmt({ Field: "readOnly", Equals: ["true"] }) }],
          InsightSelectors: [{ InsightType: "ApiErrorRateInsight" }],
        },
      ],
    },
  },
  {
    name: "audit: data-event Insights on a trail with data events and no management events is accepted",
    source: `${INSIGHTS_CLI_P}; ${PUT_INSIGHT_P}`,
    config: trail({
      AdvancedEventSelectors: [{ FieldSelectors: s3Data() }],
      InsightSelectors: [{ InsightType: "ApiCallRateInsight", EventCategories: ["Data"] }],
    }),
  },
  {
    name: "audit: call-rate Insights on an event data store of read-only management events is refused",
    source: `${UPDATE_EDS_P}; ${PUT_INSIGHT_P}`,
    config: {
      eventDataStores: [
        {
          Name: "e",
          AdvancedEventSelectors: [{ FieldSelectors: mgmt({ Field: "readOnly", Equals: ["true"] }) }],
          InsightSelectors: [{ InsightType: "ApiCallRateInsight" }],
        },
      ],
    },
    refused: ["eventDataStores[0].InsightSelectors[0]", /must log write management events/],
  },
  {
    name: "audit: 501 condition values on an event data store are refused",
    source: `${QUOTAS_P}; ${LAKE_CREATE_P}`,
    config: eds(s3Data({ Field: "resources.ARN", StartsWith: Array.from({ length: 499 }, (_, i) => `arn:aws:s3:::b-${i}/`) })),
    refused: ["eventDataStores[0].AdvancedEventSelectors", /501 condition values; AWS allows at most 500/],
  },
  {
    name: "audit: the insights-on preset is valid",
    source: PUT_INSIGHT_P,
    config: trail({ InsightSelectors: [{ InsightType: "ApiCallRateInsight" }, { InsightType: "ApiErrorRateInsight" }] }),
  },
];
CONFIG_ROWS.push(...AUDIT_CONFIG_ROWS);

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

// At most 500 condition values across a destination's advanced event selectors, trail and event data store alike:
// Quotas in AWS CloudTrail (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/WhatIsCloudTrail-Limits.html):
// "If a trail or event data store uses advanced event selectors, a maximum of 500 total values for all conditions in
// all advanced event selectors is allowed"; Create an event data store for CloudTrail events with the console
// (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/query-event-data-store-cloudtrail.html): "You can have
// a maximum of 500 values for all selectors on an event data store".
describe("advanced selector value limits", () => {
  // 1 (eventCategory) + 1 (resources.type) + n resources.ARN values
  const s3Values = (n: number) => s3Data({ Field: "resources.ARN", StartsWith: Array.from({ length: n }, (_, i) => `arn:aws:s3:::bucket-${i}/`) });
  it("a trail takes 500 values and refuses 501", () => {
    expect(() => parseConfig(pack, adv(s3Values(498)))).not.toThrow();
    expect(() => parseConfig(pack, adv(s3Values(499)))).toThrow(/trails\[0\]\.AdvancedEventSelectors: 501 condition values; AWS allows at most 500/);
  });
  it("an event data store takes 500 values and refuses 501 (not 1,000)", () => {
    expect(() => parseConfig(pack, eds(s3Values(498)))).not.toThrow();
    expect(() => parseConfig(pack, eds(s3Values(499)))).toThrow(/eventDataStores\[0\]\.AdvancedEventSelectors: 501 condition values; AWS allows at most 500/);
    expect(() => parseConfig(pack, eds(s3Values(600)))).toThrow(/AWS allows at most 500/);
  });
});
