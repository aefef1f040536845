// The table the typed-answer rules were chosen on: misspellings of the right answer are accepted,
// a different answer is refused by name, and input that reads as no name is not graded at all
// (asked again) — "no" is not Amazon SNS, "management account" is not Management events.
import { describe, expect, it } from "vitest";
import { answerQuizTyped, buildQuiz, editDistance, matchTyped, startQuiz, TYPED_MAX_EDIT_SHARE, type Question } from "../../src/quiz/index.js";
import { fixturePack } from "./fixture.js";

const pack = fixturePack();
/** A question whose accepted answers are exactly `accept` (the matcher only reads accept and kind). */
const asking = (...accept: string[]): Question => ({
  id: "test",
  kind: "scenario",
  prompt: "",
  keywords: [],
  choices: [],
  choose: 1,
  answerLabel: pack.options.get(accept[0]!)!.name,
  explanation: "",
  accept,
  typeable: true,
});

type Verdict = "accepted" | "refused" | "re-ask";
const TABLE: Array<[typed: string, answer: string, verdict: Verdict]> = [
  ["cloudtrail insigts", "cloudtrail-insights", "accepted"],
  ["CloudTrail Insights", "cloudtrail-insights", "accepted"],
  ["insights", "cloudtrail-insights", "accepted"],
  ["netwrok activity", "network-activity-events", "accepted"],
  ["network activity events", "network-activity-events", "accepted"],
  ["vpc endpoint events", "network-activity-events", "accepted"],
  ["managment events", "management-events", "accepted"],
  ["management", "management-events", "accepted"],
  ["data evnts", "data-events", "accepted"],
  ["object level logging", "data-events", "accepted"],
  ["guard duty", "guardduty", "accepted"],
  ["gaurdduty", "guardduty", "accepted"],
  ["Amazon GuardDuty", "guardduty", "accepted"],
  ["cloudwatch logs", "cloudwatch", "accepted"],
  ["cloud watch", "cloudwatch", "accepted"],
  ["aws config", "config", "accepted"],
  ["vpc flow logs", "vpc-flow-logs", "accepted"],
  ["flow logs", "vpc-flow-logs", "accepted"],
  ["cloudtrail lake", "cloudtrail-lake", "accepted"],
  ["event history", "cloudtrail-event-history", "accepted"],
  ["guardduty", "cloudtrail-insights", "refused"],
  ["data events", "management-events", "refused"],
  ["management events", "data-events", "refused"],
  ["cloudwatch", "cloudtrail-insights", "refused"],
  ["config", "cloudtrail", "refused"],
  ["vpc flow logs", "network-activity-events", "refused"],
  ["insights", "guardduty", "refused"],
  ["detective", "guardduty", "refused"],
  ["lake", "cloudwatch", "refused"],
  ["banana", "cloudtrail", "re-ask"],
  ["no", "sns", "re-ask"],
  ["no", "cloudtrail", "re-ask"],
  ["yes", "cloudtrail", "re-ask"],
  ["management account", "management-events", "re-ask"],
  ["management account", "organizations", "re-ask"],
  ["the trail", "cloudtrail-trail", "re-ask"],
  ["?", "cloudtrail", "re-ask"],
];

describe(`typed answers (at most ${TYPED_MAX_EDIT_SHARE * 100}% of letters differ)`, () => {
  it.each(TABLE)("%j for %s → %s", (typed, answer, verdict) => {
    expect(pack.options.has(answer)).toBe(true);
    const m = matchTyped(pack, asking(answer), typed);
    const got: Verdict = m.unreadable ? "re-ask" : m.accepted ? "accepted" : "refused";
    expect(got, m.message).toBe(verdict);
  });

  it("names what a refused answer was read as", () => {
    const m = matchTyped(pack, asking("cloudtrail-insights"), "guardduty");
    expect(m.matchedName).toBe("Amazon GuardDuty");
    expect(m.message).toContain("the answer is");
  });

  it("does not grade input it cannot read: the question stays, with a message", () => {
    const q = buildQuiz(pack, { onlyIds: ["scenario:security-group-change-who"], seed: 1, typed: true })[0]!;
    const state = startQuiz([q], 0);
    const r = answerQuizTyped(pack, state, "no", 10);
    expect(r.feedback).toBeUndefined();
    expect(r.state).toBe(state);
    expect(r.match.message).toMatch(/does not read as a service or event type/);
  });

  it("accepts an answer the scenario lists under accept", () => {
    const q = buildQuiz(pack, { onlyIds: ["scenario:burst-of-access-key-creation"], seed: 1 })[0]!;
    expect(matchTyped(pack, q, "cloudtrail insights").accepted).toBe(true);
    expect(matchTyped(pack, q, "insights events").accepted).toBe(true);
  });

  it("counts a transposition as one edit", () => {
    expect(editDistance("netwrok", "network")).toBe(1);
    expect(editDistance("abc", "abc")).toBe(0);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
});
