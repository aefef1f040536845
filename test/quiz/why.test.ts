// The "why does your pick fail?" step: four reasons, all about the pick — its authored reason and
// three foils from its misconceptions and the false claims the pack links to it; never a reason
// from another question or one naming another service; no step without three foils, none on
// true/false items; the same seed gives the same step.
import { describe, expect, it } from "vitest";
import { buildQuiz, foilsFor, hasWhyStep, namedIn, whyStep, type Question } from "../../src/quiz/index.js";
import { fixturePack } from "./fixture.js";

const pack = fixturePack();
const only = (id: string, seed = 1) => buildQuiz(pack, { onlyIds: [id], seed })[0]!;
const at = (q: Question, id: string) => q.choices.findIndex((c) => c.id === id);

describe("why step", () => {
  it("offers the distractor's authored reason and three of its misconceptions", () => {
    const q = only("scenario:security-group-change-who");
    const s = pack.scenarios.find((x) => x.id === "security-group-change-who")!;
    const d = s.distractors.find((x) => x.option === "data-events")!;
    const w = whyStep(q, at(q, "data-events"), 42)!;
    expect(w.prompt).toBe('Why does "Data events" fail this requirement?');
    expect(w.reasons).toHaveLength(4);
    expect(w.reasons.filter((r) => r.correct).map((r) => r.text)).toEqual([d.why]);
    // The false claim linked with `about: [data-events]` is a foil too: three of the four are drawn.
    const pool = [...d.misconceptions!, "Data events are logged by default on a new trail."];
    for (const r of w.reasons.filter((x) => !x.correct)) expect(pool).toContain(r.text);
  });

  it("draws foils from false claims the pack links to the option, never true ones", () => {
    const q = only("scenario:security-group-change-who");
    const c = q.choices[at(q, "insights-events")]!;
    // One misconception + the fact's two false claims (about: [insights-events] on the fact); its true claim is not a foil.
    expect(c.foils!.sort()).toEqual(
      [
        "Insights events are free on every trail.",
        "Insights events are written only for read-only API calls",
        "Insights events record every management API call one by one.",
      ].sort(),
    );
    expect(hasWhyStep(q, at(q, "insights-events"))).toBe(true);
  });

  it("drops a foil that names another service, and skips the step with fewer than three foils", () => {
    const q = only("scenario:security-group-change-who");
    const c = q.choices[at(q, "network-activity-events")]!;
    expect(c.foils).toEqual([]); // "… recorded for Amazon GuardDuty only" names GuardDuty
    expect(whyStep(q, at(q, "network-activity-events"), 1)).toBeUndefined();
    const b = only("scenario:burst-of-access-key-creation");
    expect(b.choices[at(b, "config")]!.foils).toEqual([]);
    expect(whyStep(b, at(b, "config"), 1)).toBeUndefined();
  });

  it("keeps a foil that names only what the pick, its reason or the stem names", () => {
    const pick = { id: "guardduty", label: "Amazon GuardDuty", why: "GuardDuty looks for threats" };
    expect(foilsFor(pack, pick, ["GuardDuty needs a trail that delivers to S3 before it sees any API call"], true, "")).toHaveLength(0);
    expect(
      foilsFor(pack, pick, ["GuardDuty needs a trail that delivers to S3 before it sees any API call"], true, "Buckets in Amazon S3 and a CloudTrail trail"),
    ).toHaveLength(1);
    expect(foilsFor(pack, pick, ["GuardDuty works only after AWS Config is turned on"], true, "")).toEqual([]);
    expect(foilsFor(pack, pick, ["GuardDuty only reads GetObject calls"], true, "")).toEqual([]);
    expect(foilsFor(pack, pick, ["GuardDuty looks for threats"], true, "")).toEqual([]); // the right reason itself
  });

  it("reads names by words: 'data' in a sentence is not Data events, 'Amazon S3' is S3", () => {
    expect([...namedIn(pack, "Config cannot store the data it records").options]).toEqual(["config"]);
    expect([...namedIn(pack, "Logs go to Amazon S3 first").options]).toEqual(["s3"]);
    expect([...namedIn(pack, "Flow logs and CloudTrail Insights").options].sort()).toEqual(["cloudtrail", "cloudtrail-insights", "vpc-flow-logs"]);
    // Actions by the name as written: s3:GetObject and GetObject are actions; "createbucket" in lower case is a word.
    expect([...namedIn(pack, "Reads use s3:GetObject, then GetObject again").actions]).toEqual(["GetObject"]);
    expect([...namedIn(pack, "they never createbucket").actions]).toEqual([]);
  });

  it("text-kind items use their own misconceptions only", () => {
    const q = only("scenario:org-trail-member-account");
    const w = whyStep(q, at(q, "change-own-copy"), 3)!;
    expect(w.prompt).toBe('Why does "Change which events the trail records for that account" fail this requirement?');
    expect(w.reasons.find((r) => r.correct)!.text).toBe("Only the management account or a delegated administrator can change an organization trail");
    expect(whyStep(q, at(q, "delete-for-self"), 3)).toBeUndefined();
  });

  it("never on a right pick or a true/false item", () => {
    const q = only("scenario:security-group-change-who");
    expect(
      whyStep(
        q,
        q.choices.findIndex((c) => c.correct),
        1,
      ),
    ).toBeUndefined();
    for (const t of buildQuiz(pack, { kinds: ["trap"], count: 10, seed: 1 }))
      for (let i = 0; i < t.choices.length; i++) expect(whyStep(t, i, 1)).toBeUndefined();
  });

  it("is the same for the same seed, whatever order the quiz came in", () => {
    const a = only("scenario:security-group-change-who", 1);
    const b = buildQuiz(pack, { seed: 99, count: 50 }).find((q) => q.id === a.id)!;
    expect(whyStep(a, at(a, "data-events"), 7)).toEqual(whyStep(b, at(b, "data-events"), 7));
    const seeds = new Set([1, 2, 3, 4, 5, 6].map((s) => JSON.stringify(whyStep(a, at(a, "data-events"), s))));
    expect(seeds.size).toBeGreaterThan(1);
  });
});
