// Configuration-reading items generated from the simulator: over many item numbers, every item's
// key is re-checked against the simulator on its own (the JSON the stem shows is parsed back and
// simulated, every option, not the generator's verdicts), exactly one option is right, options
// differ, the JSON fits an 80-column terminal, and an item is the same wherever it is asked.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { errorsOf, loadContent, type Pack } from "../../src/content/load.js";
import { buildQuiz, CONFIG_SHAPES, configItem, configDeck, formatJson, type ConfigCheck, type Question } from "../../src/quiz/index.js";
import { parseConfig } from "../../src/simulator/config.js";
import { buildCallContext } from "../../src/simulator/context.js";
import { simulate, type SimResult } from "../../src/simulator/simulate.js";

let pack: Pack;
beforeAll(() => {
  const { pack: p, problems } = loadContent({ includeShipped: true });
  expect(errorsOf(problems)).toEqual([]);
  pack = p;
});

/** The call, simulated here from scratch. */
function sim(call: { action: string; input: Parameters<typeof buildCallContext>[0] }, raw: unknown): SimResult {
  const action = pack.actions.find((a) => a.id === call.action);
  expect(action, call.action).toBeDefined();
  return simulate(pack, action!, buildCallContext(call.input), parseConfig(pack, raw));
}
const records = (r: SimResult, dest: string) => r.recorded.some((p) => p.destination === dest);
/** Every reason the simulator gives at a destination (Insights notes aside) appears in the option's why. */
function expectReasons(r: SimResult, dest: string, why: string) {
  const lines = [...r.recorded, ...r.notRecorded].filter(
    (p) =>
      p.destination === dest &&
      p.category !== "Insight" &&
      !(r.recorded.some((x) => x.destination === dest && x.category === p.category) && !r.recorded.includes(p)),
  );
  for (const p of lines) expect(why).toContain(p.because);
}

/** The JSON printed in the stem, parsed back: what the learner reads is what was simulated. */
function shownConfig(q: Question): unknown {
  const lines = q.situation!.split("\n");
  const json = lines.slice(1, -1).join("\n");
  for (const l of lines.slice(1, -1)) expect(l.length, l).toBeLessThanOrEqual(80);
  expect(lines.length - 2).toBeLessThanOrEqual(12);
  return JSON.parse(json);
}

/** AdvancedEventSelector (API Reference): data selectors need resources.type, network activity selectors eventSource. */
function expectRequiredFields(raw: unknown) {
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const x of v) walk(x);
      return;
    }
    if (!v || typeof v !== "object") return;
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.FieldSelectors)) {
      const fields = (o.FieldSelectors as Array<{ Field: string; Equals?: string[] }>).map((f) => f.Field);
      const category = (o.FieldSelectors as Array<{ Field: string; Equals?: string[] }>).find((f) => f.Field === "eventCategory")?.Equals?.[0];
      expect(category).toBeDefined();
      if (category === "Data") expect(fields).toContain("resources.type");
      if (category === "NetworkActivity") expect(fields).toContain("eventSource");
    }
    Object.values(o).forEach(walk);
  };
  walk(raw);
}

function recheck(q: Question, check: ConfigCheck) {
  expect(q.kind).toBe("config");
  expect(q.choose).toBe(1);
  expect(q.choices).toHaveLength(4);
  expect(q.choices.filter((c) => c.correct)).toHaveLength(1);
  expect(new Set(q.choices.map((c) => c.label)).size).toBe(4);
  expect(q.typeable).toBe(false);
  const byId = new Map(q.choices.map((c) => [c.id, c]));
  const shown = shownConfig(q);
  expectRequiredFields(shown);
  if (check.shape === "change") check.options.forEach((o) => expectRequiredFields(o.config));
  if (check.shape === "destination") {
    expect(shown).toEqual(check.config);
    const r = sim(check.call, shown);
    const destinations = check.options.map((o) => o.destination).filter((d) => d !== "none");
    const any = destinations.some((d) => records(r, d));
    for (const o of check.options) {
      const c = byId.get(o.id)!;
      expect(c.correct, `${q.id} ${c.label}`).toBe(o.destination === "none" ? !any : records(r, o.destination));
      if (o.destination !== "none") expectReasons(r, o.destination, c.why!);
    }
    return;
  }
  const wrap = (json: unknown) => (check.destination.startsWith("trail:") ? { trails: [json] } : { eventDataStores: [json] });
  expect(wrap(shown)).toEqual(check.config);
  if (check.shape === "records") {
    for (const o of check.options) {
      const c = byId.get(o.id)!;
      const r = sim(o.call, wrap(shown));
      expect(c.correct, `${q.id} ${c.label}`).toBe(records(r, check.destination));
      expect(c.label.startsWith(o.call.action)).toBe(true);
      expectReasons(r, check.destination, c.why!);
    }
    return;
  }
  expect(records(sim(check.call, wrap(shown)), check.destination), `${q.id}: the call is recorded before any change`).toBe(false);
  for (const o of check.options) {
    const c = byId.get(o.id)!;
    const r = sim(check.call, o.config);
    expect(c.correct, `${q.id} ${c.label}`).toBe(records(r, check.destination));
    expectReasons(r, check.destination, c.why!);
  }
}

describe("configuration items", () => {
  it("re-checks every option of 600 generated items against the simulator: exactly one is right", () => {
    const shapes = new Map<string, number>();
    let generated = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), (n) => {
        const item = configItem(pack, n);
        if (!item) return; // counted: almost every number makes an item
        recheck(item!.question, item!.check);
        shapes.set(item!.check.shape, (shapes.get(item!.check.shape) ?? 0) + 1);
        generated++;
      }),
      { numRuns: 600, seed: 20261201 },
    );
    expect(generated).toBeGreaterThanOrEqual(590);
    for (const s of CONFIG_SHAPES) expect(shapes.get(s) ?? 0, s).toBeGreaterThan(100);
  }, 180_000);

  it("is the same item for the same number, and a quiz of them is the same for the same seed", () => {
    expect(configItem(pack, 4242)).toEqual(configItem(pack, 4242));
    const a = buildQuiz(pack, { kinds: ["config"], seed: 9, count: 6 });
    const b = buildQuiz(pack, { kinds: ["config"], seed: 9, count: 6 });
    expect(a).toHaveLength(6);
    expect(a).toEqual(b);
    expect(buildQuiz(pack, { kinds: ["config"], seed: 10, count: 6 }).map((q) => q.id)).not.toEqual(a.map((q) => q.id));
    // Retrying a missed one by id asks the same question.
    expect(buildQuiz(pack, { onlyIds: [a[0]!.id], seed: 1 })[0]).toEqual(a[0]);
  }, 60_000);

  it("takes a modest share of a mixed quiz and none of a typed one", () => {
    const mixed = buildQuiz(pack, { seed: 3, count: 40 });
    const config = mixed.filter((q) => q.kind === "config").length;
    expect(config).toBeGreaterThanOrEqual(2);
    expect(config).toBeLessThanOrEqual(10);
    expect(buildQuiz(pack, { seed: 3, count: 40, typed: true }).some((q) => q.kind === "config")).toBe(false);
  }, 60_000);

  it("gives the drill a fixed set of different items", () => {
    const deck = configDeck(pack);
    expect(deck.length).toBe(24);
    expect(new Set(deck.map((q) => `${q.situation}${q.prompt}`)).size).toBe(deck.length);
    expect(configDeck(pack).map((q) => q.id)).toEqual(deck.map((q) => q.id));
  }, 60_000);

  it("lays JSON out within the width, one value a line only when it must", () => {
    const v = {
      Name: "audit",
      IsMultiRegionTrail: true,
      AdvancedEventSelectors: [
        {
          Name: "S3",
          FieldSelectors: [
            { Field: "eventCategory", Equals: ["Data"] },
            { Field: "resources.type", Equals: ["AWS::S3::Object"] },
          ],
        },
      ],
    };
    const lines = formatJson(v, 60);
    expect(JSON.parse(lines.join("\n"))).toEqual(v);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(60);
    expect(formatJson({ a: 1 }, 60)).toEqual(['{"a": 1}']);
    expect(lines.length).toBeLessThanOrEqual(6);
  });
});
