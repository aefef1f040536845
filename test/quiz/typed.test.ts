// The table the typed-answer threshold was chosen on: misspellings of the right answer are
// accepted, a different answer is refused — however close its spelling.
import { describe, expect, it } from "vitest";
import { buildQuiz, matchTyped, TYPED_THRESHOLD, type Question } from "../../src/quiz/index.js";
import { shippedPack } from "../ui/helpers.js";

const pack = shippedPack();
/** A question whose accepted answers are exactly `accept` (the matcher only reads accept and kind). */
const asking = (...accept: string[]): Question => ({
  id: "test",
  kind: "scenario",
  prompt: "",
  keywords: [],
  choices: [],
  answerLabel: pack.options.get(accept[0]!)!.name,
  explanation: "",
  accept,
});

const TABLE: Array<[typed: string, answer: string, accepted: boolean]> = [
  ["cloudtrail insigts", "cloudtrail-insights", true],
  ["CloudTrail Insights", "cloudtrail-insights", true],
  ["insights", "cloudtrail-insights", true],
  ["netwrok activity", "network-activity-events", true],
  ["network activity events", "network-activity-events", true],
  ["vpc endpoint events", "network-activity-events", true],
  ["managment events", "management-events", true],
  ["management", "management-events", true],
  ["data evnts", "data-events", true],
  ["object level logging", "data-events", true],
  ["guard duty", "guardduty", true],
  ["gaurdduty", "guardduty", true],
  ["Amazon GuardDuty", "guardduty", true],
  ["cloudwatch logs", "cloudwatch", true],
  ["cloud watch", "cloudwatch", true],
  ["aws config", "config", true],
  ["vpc flow logs", "vpc-flow-logs", true],
  ["flow logs", "vpc-flow-logs", true],
  ["cloudtrail lake", "cloudtrail-lake", true],
  ["event history", "cloudtrail-event-history", true],
  ["guardduty", "cloudtrail-insights", false],
  ["data events", "management-events", false],
  ["management events", "data-events", false],
  ["cloudwatch", "cloudtrail-insights", false],
  ["config", "cloudtrail", false],
  ["vpc flow logs", "network-activity-events", false],
  ["insights", "guardduty", false],
  ["detective", "guardduty", false],
  ["lake", "cloudwatch", false],
  ["banana", "cloudtrail", false],
];

describe(`typed answers (fuse threshold ${TYPED_THRESHOLD})`, () => {
  it.each(TABLE)("%j for %s → accepted %s", (typed, answer, accepted) => {
    expect(pack.options.has(answer)).toBe(true);
    const m = matchTyped(pack, asking(answer), typed);
    expect(m.accepted, m.message).toBe(accepted);
  });

  it("names what a refused answer was read as", () => {
    const m = matchTyped(pack, asking("cloudtrail-insights"), "guardduty");
    expect(m.matchedName).toBe("Amazon GuardDuty");
    expect(m.message).toContain("the answer is");
  });

  it("accepts an answer the scenario lists under accept", () => {
    const q = buildQuiz(pack, { onlyIds: ["scenario:error-rate-spike"], seed: 1 })[0]!;
    expect(matchTyped(pack, q, "cloudtrail insights").accepted).toBe(true);
    expect(matchTyped(pack, q, "insights events").accepted).toBe(true);
  });

  it("reads true/false for traps", () => {
    const q = buildQuiz(pack, { kinds: ["trap"], seed: 3, count: 1 })[0]!;
    expect(matchTyped(pack, q, q.answerLabel.toLowerCase()).accepted).toBe(true);
    expect(matchTyped(pack, q, "maybe").accepted).toBe(false);
  });
});
