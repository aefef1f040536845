// buildPack checks the items that pass with plain loops and leaves the rest to the full checks:
// the fast check must say "passes" exactly when the full check reports nothing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AnswerOption, checkScenarioOptions, scenarioOptionsPass } from "../../src/content/pack.js";
import type { Scenario } from "../../src/content/schema.js";

const options = new Map<string, AnswerOption>([
  ["s1", { id: "s1", name: "S1", kind: "service", aliases: [] }],
  ["s2", { id: "s2", name: "S2", kind: "service", aliases: [] }],
  ["s3", { id: "s3", name: "S3", kind: "service", aliases: [] }],
  ["s4", { id: "s4", name: "S4", kind: "service", aliases: [] }],
  ["e1", { id: "e1", name: "E1", kind: "event-type", aliases: [] }],
  ["e2", { id: "e2", name: "E2", kind: "event-type", aliases: [] }],
  ["e3", { id: "e3", name: "E3", kind: "event-type", aliases: [] }],
  ["e4", { id: "e4", name: "E4", kind: "event-type", aliases: [] }],
]);
const id = fc.constantFrom("s1", "s2", "s3", "s4", "e1", "e2", "e3", "e4", "x1", "x2", "x3");
const label = fc.option(fc.constant("a label"), { nil: undefined });
const anyScenario = fc.record({
  answerKind: fc.constantFrom("service", "event-type", "configuration", "statement", "yes-no"),
  answer: id,
  answerLabel: label,
  moreAnswers: fc.option(fc.array(fc.record({ option: id, label }), { maxLength: 2 }), { nil: undefined }),
  distractors: fc.array(fc.record({ option: id, label, why: fc.constant("because") }), { maxLength: 5 }),
  accept: fc.array(id, { maxLength: 2 }),
});
// Mostly sound items (distinct ids of the item's kind, labels on text items), with one thing perhaps wrong.
const nearlySound = fc
  .tuple(
    fc.constantFrom("service", "event-type", "configuration", "statement", "yes-no"),
    fc.shuffledSubarray(["1", "2", "3", "4"], { minLength: 4, maxLength: 4 }),
    fc.integer({ min: 0, max: 1 }),
    fc.integer({ min: 0, max: 12 }),
  )
  .map(([answerKind, order, more, flaw]) => {
    const prefix = answerKind === "event-type" ? "e" : answerKind === "service" ? "s" : "t";
    const text = prefix === "t";
    const ids = order.map((n) => prefix + n);
    const r = {
      answerKind,
      answer: ids[0]!,
      answerLabel: text ? "a label" : undefined,
      moreAnswers: more && answerKind !== "yes-no" ? [{ option: ids[1]!, label: text ? "a label" : undefined }] : undefined,
      distractors: ids.slice(1 + (more && answerKind !== "yes-no" ? 1 : 0)).map((o) => ({ option: o, label: text ? "a label" : undefined, why: "because" })),
      accept: [] as string[],
    };
    if (flaw === 1) r.distractors.push({ option: ids[0]!, label: "a label", why: "because" });
    if (flaw === 2) r.distractors.pop();
    if (flaw === 3) r.accept.push(text ? "s1" : prefix === "s" ? "e1" : "s1");
    if (flaw === 4) r.accept.push(r.distractors[0]!.option);
    if (flaw === 5) r.answerLabel = undefined;
    if (flaw === 6 && r.distractors[0]) r.distractors[0].label = undefined;
    if (flaw === 7) r.answer = "x1";
    if (flaw === 8) r.moreAnswers = [{ option: ids[1]!, label: "a label" }];
    return r;
  });
const scenario: fc.Arbitrary<Scenario> = fc
  .oneof(anyScenario, nearlySound)
  .map((r) => ({ id: "q", domain: "d", requirement: "r", explanation: "e", source: "s", keywords: [], ...r }) as unknown as Scenario);

describe("the fast check of a scenario's options", () => {
  it("passes exactly the items the full check reports nothing for", () => {
    let passed = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        const reported: string[] = [];
        const ok = checkScenarioOptions(s, "scenarios.0", (_key, code) => reported.push(code), options);
        expect(scenarioOptionsPass(s, options)).toBe(ok && reported.length === 0);
        if (ok) passed++;
      }),
      { numRuns: 5000 },
    );
    // Both answers are exercised.
    expect(passed).toBeGreaterThan(1000);
    expect(passed).toBeLessThan(4000);
  });
});
