// Ready-made configurations for learners who have no trail JSON at hand; each is what AWS's own
// defaults or a common exam setup look like, in AWS's shape.
import type { Pack } from "../content/index.js";
import { parseConfig, type SimConfig } from "./config.js";

export const PRESETS: Record<string, { label: string; raw: unknown }> = {
  none: { label: "No trail (Event History only)", raw: {} },
  "default-trail": {
    label: "A default multi-Region trail (management events only)",
    raw: { trails: [{ Name: "default", HomeRegion: "us-east-1", IsMultiRegionTrail: true, IncludeGlobalServiceEvents: true }] },
  },
  "bucket-data-events": {
    label: "Data events for one S3 bucket (basic selectors), streaming to CloudWatch Logs",
    raw: {
      trails: [
        {
          Name: "audit",
          HomeRegion: "us-east-1",
          IsMultiRegionTrail: true,
          CloudWatchLogsLogGroupArn: "arn:aws:logs:us-east-1:111122223333:log-group:audit-trail:*",
          EventSelectors: [
            { ReadWriteType: "All", IncludeManagementEvents: true, DataResources: [{ Type: "AWS::S3::Object", Values: ["arn:aws:s3:::example-bucket/"] }] },
          ],
        },
      ],
    },
  },
  "org-network-denied": {
    label: "Organization trail: management events plus network activity denied by endpoint policies (S3, KMS)",
    raw: {
      trails: [
        {
          Name: "org-trail",
          HomeRegion: "us-east-1",
          IsMultiRegionTrail: true,
          IsOrganizationTrail: true,
          AdvancedEventSelectors: [
            { Name: "Management events", FieldSelectors: [{ Field: "eventCategory", Equals: ["Management"] }] },
            {
              Name: "Denied at S3 endpoints",
              FieldSelectors: [
                { Field: "eventCategory", Equals: ["NetworkActivity"] },
                { Field: "eventSource", Equals: ["s3.amazonaws.com"] },
                { Field: "errorCode", Equals: ["VpceAccessDenied"] },
              ],
            },
            {
              Name: "Denied at KMS endpoints",
              FieldSelectors: [
                { Field: "eventCategory", Equals: ["NetworkActivity"] },
                { Field: "eventSource", Equals: ["kms.amazonaws.com"] },
                { Field: "errorCode", Equals: ["VpceAccessDenied"] },
              ],
            },
          ],
        },
      ],
    },
  },
  "insights-on": {
    label: "A trail with Insights (call rate and error rate) on",
    raw: {
      trails: [
        {
          Name: "insights",
          HomeRegion: "us-east-1",
          IsMultiRegionTrail: true,
          InsightSelectors: [{ InsightType: "ApiCallRateInsight" }, { InsightType: "ApiErrorRateInsight" }],
        },
      ],
    },
  },
};

export const PRESET_NAMES = Object.keys(PRESETS);

export function presetConfig(pack: Pack, name: string): SimConfig {
  return parseConfig(pack, PRESETS[name]!.raw);
}
