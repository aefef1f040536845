// Exams drawn as forms: by domain weight (within one item of each domain's share), never an item
// twice, mostly single-answer scenarios with some "Choose two" and some configuration items, the
// same form for the same seed.
import { beforeAll, describe, expect, it } from "vitest";
import { errorsOf, loadContent, type Pack } from "../../src/content/load.js";
import { apportion, examForm, formMix } from "../../src/exam/form.js";

let pack: Pack;
beforeAll(() => {
  const { pack: p, problems } = loadContent({ includeShipped: true });
  expect(errorsOf(problems)).toEqual([]);
  pack = p;
});

const shares = (count: number) => {
  const sum = pack.meta.domains.reduce((n, d) => n + (d.weight ?? 0), 0);
  return new Map(pack.meta.domains.map((d) => [d.id, (count * (d.weight ?? 0)) / sum]));
};

describe("examForm", () => {
  it("an exam of 50: no repeated item, each domain within one of its weight, mostly scenarios with some choose-two and some configuration", () => {
    for (const seed of [1, 2, 3, 20261201]) {
      const form = examForm(pack, { count: 50, seed });
      expect(form).toHaveLength(50);
      expect(new Set(form.map((q) => q.id)).size).toBe(50);
      const mix = formMix(form);
      for (const [domain, share] of shares(50))
        expect(Math.abs((mix.byDomain[domain] ?? 0) - share), `${seed} ${domain}: ${mix.byDomain[domain]} vs ${share.toFixed(2)}`).toBeLessThanOrEqual(1);
      expect(mix.single).toBeGreaterThan(25);
      expect(mix.multi).toBeGreaterThanOrEqual(4);
      expect(mix.config).toBeGreaterThanOrEqual(4);
      expect(mix.multi + mix.config).toBeLessThan(mix.single);
      expect(mix.other).toBe(0);
    }
  }, 60_000);

  it("keeps the mix in a short exam too: a form of 10 has a Choose-two and a configuration item", () => {
    for (const seed of [5, 6]) {
      const mix = formMix(examForm(pack, { count: 10, seed }));
      expect(mix.multi).toBeGreaterThanOrEqual(1);
      expect(mix.config).toBeGreaterThanOrEqual(1);
      expect(mix.single).toBeGreaterThanOrEqual(6);
    }
  }, 60_000);

  it("is the same form for the same seed and another for another", () => {
    const a = examForm(pack, { count: 20, seed: 7 }).map((q) => q.id);
    expect(examForm(pack, { count: 20, seed: 7 }).map((q) => q.id)).toEqual(a);
    expect(examForm(pack, { count: 20, seed: 8 }).map((q) => q.id)).not.toEqual(a);
  }, 60_000);

  it("keeps to the chosen domains, and never repeats an item even when asked for more than there are", () => {
    const infra = examForm(pack, { count: 10, seed: 4, domains: ["infrastructure"] });
    expect(infra).toHaveLength(10);
    expect(infra.every((q) => q.domain === "infrastructure")).toBe(true);
    const all = examForm(pack, { count: 500, seed: 4, kinds: ["scenario"] });
    expect(all).toHaveLength(pack.scenarios.length);
    expect(new Set(all.map((q) => q.id)).size).toBe(all.length);
  }, 60_000);

  it("apportions by largest remainder and passes a full domain's share on", () => {
    const w = new Map([
      ["a", 0.18],
      ["b", 0.14],
      ["c", 0.14],
      ["d", 0.2],
    ]);
    const n = apportion(50, w);
    expect([...n.values()].reduce((x, y) => x + y, 0)).toBe(50);
    for (const [k, v] of n) expect(Math.abs(v - (50 * w.get(k)!) / 0.66)).toBeLessThan(1);
    const capped = apportion(50, w, new Map([["d", 3]]));
    expect(capped.get("d")).toBe(3);
    expect([...capped.values()].reduce((x, y) => x + y, 0)).toBe(50);
  });
});
