// `review` shows authors every item as learners meet it: one JSON document of exactly the promised
// shape, every scenario with all its authored options and reasons, why steps with the right reason
// marked, sources; a readable text form without --json.
import { describe, expect, it } from "vitest";
import { runMain } from "../cli/run-main.js";
import { FIXTURE_DIR, fixturePack } from "./fixture.js";

const pack = fixturePack();
const review = (...args: string[]) => runMain(["review", "--standalone", FIXTURE_DIR, ...args]);

describe("review", () => {
  it("--json prints every item of the pack as served, in the documented shape", async () => {
    const r = await review("--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { items: Array<Record<string, unknown>> };
    expect(doc.items.map((i) => i.kind).sort()).toEqual([...Array(3).fill("action"), ...Array(6).fill("scenario"), ...Array(4).fill("trap")]);
    for (const item of doc.items) {
      expect(Object.keys(item)).toEqual(expect.arrayContaining(["id", "kind", "stem", "options", "why"]));
      for (const o of item.options as Array<Record<string, unknown>>) expect(Object.keys(o)).toEqual(expect.arrayContaining(["text", "correct", "reason"]));
      for (const w of item.why as Array<{ option: string; choices: Array<{ text: string; correct: boolean }> }>) {
        expect(w.choices).toHaveLength(4);
        expect(w.choices.filter((c) => c.correct)).toHaveLength(1);
        for (const c of w.choices) expect(Object.keys(c).sort()).toEqual(["correct", "text"]);
      }
    }
    const sg = doc.items.find((i) => i.id === "scenario:security-group-change-who")! as {
      stem: string;
      options: Array<{ text: string; correct: boolean; reason: string }>;
      why: Array<{ option: string; choices: Array<{ text: string; correct: boolean }> }>;
      source: string;
    };
    const s = pack.scenarios.find((x) => x.id === "security-group-change-who")!;
    expect(sg.stem).toContain("opened to 0.0.0.0/0");
    expect(sg.stem).toContain(s.requirement);
    expect(
      sg.options
        .filter((o) => !o.correct)
        .map((o) => o.reason)
        .sort(),
    ).toEqual(s.distractors.map((d) => d.why).sort());
    expect(sg.options.find((o) => o.correct)!.reason).toBe(s.explanation.trim());
    expect(sg.why.map((w) => w.option).sort()).toEqual(["Data events", "Insights events"]);
    expect(sg.why.find((w) => w.option === "Data events")!.choices.find((c) => c.correct)!.text).toBe(s.distractors[0]!.why);
    expect(sg.source).toContain("https://docs.aws.amazon.com/");
    const trap = doc.items.find((i) => i.id === "trap:data-events-opt-in:0")!;
    expect(trap.why).toEqual([]);
  });

  it("shows every authored distractor, even where a question shows only three", async () => {
    const r = await review("--json", "--ids", "scenario:burst-of-access-key-creation");
    const [item] = JSON.parse(r.out).items;
    expect(item.options).toHaveLength(4);
    expect(JSON.parse(r.out).items).toHaveLength(1);
  });

  it("prints the same as text, with the why steps and what has none", async () => {
    const r = await review("--ids", "scenario:security-group-change-who");
    expect(r.code).toBe(0);
    expect(r.out).toContain("scenario:security-group-change-who  (scenario)");
    expect(r.out).toContain("✓ Management events — Changing a security group is a management event");
    expect(r.out).toContain('why does "Data events" fail?');
    expect(r.out).toContain('no why step for "Network activity events": 0 foil(s), 3 needed');
    expect(r.out).toMatch(/Source: seed: 2\.1 Management Events/);
    expect(r.out).toContain("1 item(s); 2 why step(s); 1 distractor(s) without one.");
  });

  it("refuses an unknown --kind with exit 2", async () => {
    const r = await review("--kind", "riddle");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--kind must be one of scenario, action, trap");
    const alone = await runMain(["review", "--standalone"]);
    expect(alone.code).toBe(2);
    expect(alone.err).toContain("--standalone needs a PATH");
  });
});
