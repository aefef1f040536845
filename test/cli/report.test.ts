// A class of three learners: each takes the same seeded quiz with their own answers, exports their
// attempts, and the instructor's `report items` merges the three files.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildQuiz } from "../../src/quiz/index.js";
import { shippedPack } from "../ui/helpers.js";
import { tempDir } from "../tmp.js";
import { runMain } from "./run-main.js";

const tmp = (prefix: string) => tempDir(prefix);

describe("export attempts → report items", () => {
  it("merges three learners' exports into per-item statistics", async () => {
    const args = ["quiz", "--plain", "--seed", "5", "--count", "4", "--kind", "scenario"];
    const qs = buildQuiz(shippedPack(), { seed: "5", count: 4, kinds: ["scenario"] });
    const right = qs.map((q) => q.choices.findIndex((c) => c.correct) + 1);
    const wrong = qs.map((q) => q.choices.findIndex((c) => !c.correct) + 1);
    const plans = [right, right.map((r, i) => (i < 2 ? r : wrong[i]!)), wrong];
    const out = tmp("ctt-class-");
    const files: string[] = [];
    for (const [n, answers] of plans.entries()) {
      const env = { CLOUDTRAIL_TUTOR_DATA: tmp("ctt-learner-"), CLOUDTRAIL_TUTOR_CACHE: "off" };
      expect((await runMain(args, { input: answers.join("\n") + "\n", env })).code).toBe(0);
      const file = join(out, `learner-${n}.${n === 1 ? "json" : "csv"}`);
      const e = await runMain(["export", "attempts", "--learner", `student-${n}`, "--out", file, ...(n === 1 ? ["--json"] : [])], { env });
      expect(e.code, e.err).toBe(0);
      files.push(file);
    }
    expect(readFileSync(files[0]!, "utf8").split("\n")[0]).toBe("learner,pack,pack_version,item,mode,domain,chosen,correct,ms,at");
    const r = await runMain(["report", "items", ...files, "--json"], { env: { CLOUDTRAIL_TUTOR_CACHE: "off" } });
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.learners).toBe(3);
    expect(doc.answers).toBe(12);
    const byId = new Map(doc.items.map((i: { item: string }) => [i.item, i]));
    expect([...byId.keys()].sort()).toEqual(qs.map((q) => q.id).sort());
    const first = byId.get(qs[0]!.id) as { facility: number; learners: number; distractors: Array<{ option: string; picks: number }> };
    expect(first.learners).toBe(3);
    expect(first.facility).toBeCloseTo(2 / 3);
    expect(first.distractors.find((d) => d.option === qs[0]!.choices[wrong[0]! - 1]!.id)?.picks).toBe(1);
    const last = byId.get(qs[3]!.id) as { facility: number };
    expect(last.facility).toBeCloseTo(1 / 3);
    const text = await runMain(["report", "items", ...files], { env: { CLOUDTRAIL_TUTOR_CACHE: "off" } });
    expect(text.out).toContain("3 learners, 12 first answers, 4 items.");
  });

  it("keeps the learner id chosen once", async () => {
    const env = { CLOUDTRAIL_TUTOR_DATA: tmp("ctt-learner-"), CLOUDTRAIL_TUTOR_CACHE: "off" };
    await runMain(["quiz", "--plain", "--seed", "1", "--count", "1", "--kind", "scenario"], { input: "1\n", env });
    expect((await runMain(["export", "attempts", "--learner", "kim"], { env })).out).toMatch(/\nkim,cloudtrail,/);
    expect((await runMain(["export", "attempts"], { env })).out).toMatch(/\nkim,cloudtrail,/);
  });

  it("refuses a bad file with where it is, and bad usage with exit 2", async () => {
    const dir = tmp("ctt-bad-");
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "learner,pack,pack_version,item,mode,domain,chosen,correct,ms,at\nx,p,1,scenario:a,quiz,,,maybe,1,2026-01-01T00:00:00Z\n");
    const r = await runMain(["report", "items", bad]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.csv: line 2: correct/);
    expect((await runMain(["report", "items"])).code).toBe(2);
    expect((await runMain(["report", "learners"])).code).toBe(2);
    expect((await runMain(["export", "attempts", "--learner", "a b"])).code).toBe(2);
  });
});
