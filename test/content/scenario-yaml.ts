// One sound scenario as a YAML list item (`  - id: …`), for tests that write a small pack of their own:
// CloudTrail is the answer, with three authored distractors and their reasons. A `tag` is added to every
// reason and to the explanation, so that many such items are not near-duplicates of one another.
export interface ScenarioYaml {
  id: string;
  domain: string;
  topic?: string;
  requirement: string;
  keywords: string[];
  tag?: string;
}

export function scenarioYaml(s: ScenarioYaml): string {
  const t = s.tag === undefined ? "" : ` (${s.tag})`;
  return `  - id: ${s.id}
    domain: ${s.domain}
${s.topic ? `    topic: ${s.topic}\n` : ""}    requirement: ${s.requirement}
    keywords: [${s.keywords.join(", ")}]
    answerKind: service
    answer: cloudtrail
    distractors:
      - { option: config, why: "Config records resource configuration over time, not each API call${t}" }
      - { option: vpc-flow-logs, why: "Flow logs record network traffic metadata, not API calls${t}" }
      - { option: guardduty, why: "GuardDuty reports threats it finds; it is not the record of each call${t}" }
    explanation: CloudTrail records the principal and the API call${t}.
    source: "seed: AWS Exam Thinking"
`;
}
