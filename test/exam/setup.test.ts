// The exam setup: defaults, choosing a size and a pace, keeping only some domains.
import { describe, expect, it } from "vitest";
import { examSetupReducer, setupDone, setupMinutes, setupQuestions, startSetup, type SetupAction } from "../../src/exam/setup.js";
import { shippedPack } from "../ui/helpers.js";

const pack = shippedPack();
const run = (...actions: SetupAction[]) => actions.reduce((s, a) => examSetupReducer(pack, s, a), startSetup(pack));

describe("exam setup", () => {
  it("defaults to 20 questions at 1.5 minutes each over every domain", () => {
    const s = run({ type: "choose", index: 1 }, { type: "choose", index: 0 }, { type: "start" });
    expect(setupDone(s)).toBe(true);
    expect(s.domains).toHaveLength(pack.meta.domains.length);
    expect(setupMinutes(s)).toBe(30);
    expect(setupQuestions(pack, s, 4)).toHaveLength(20);
  });

  it("keeps only the domains left in, never none, and the same questions for the same seed", () => {
    const keep = pack.meta.domains[0]!.id;
    const s = run(
      { type: "choose", index: 0 },
      { type: "choose", index: 1 },
      ...pack.meta.domains.slice(1).map((_, i) => ({ type: "toggle", index: i + 1 }) as const),
      { type: "toggle", index: 0 },
      { type: "start" },
    );
    expect(s.domains).toEqual([keep]);
    const qs = setupQuestions(pack, s, 9);
    expect(qs.length).toBeGreaterThan(0);
    expect(qs.length).toBeLessThanOrEqual(10);
    expect(qs.every((q) => q.domain === keep)).toBe(true);
    expect(setupQuestions(pack, s, 9).map((q) => q.id)).toEqual(qs.map((q) => q.id));
  });

  it("Esc steps back through the setup", () => {
    const s = run({ type: "choose", index: 2 }, { type: "back" });
    expect(s).toMatchObject({ step: "count", count: 40 });
  });
});
