// `new scenario|fact`: the scaffolded entry validates, keeps an existing file's comments, and is
// ready to quiz with --only.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runMain } from "./run-main.js";
import { tempDir } from "../tmp.js";

describe("new", () => {
  it("writes a valid scenario from flags, with a fresh id and the schema modeline, that quizzes at once", async () => {
    const dir = tempDir("ctt-new-");
    const r = await runMain([
      "new", "scenario", "--in", dir, "--domain", "logging-monitoring",
      "--requirement", "Prove which role read objects from the payroll bucket last week",
      "--keywords", "object reads, payroll bucket", "--answer", "data-events",
      "--distractor", "management-events: Object reads are data-plane operations",
      "--distractor", "insights-events: One role's reads are not a rate anomaly",
      "--explanation", "S3 object reads are data events and must be enabled on a trail.",
      "--source", "seed: 2.2 Data Events",
    ]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("it validates");
    const text = readFileSync(join(dir, "scenarios.yaml"), "utf8");
    expect(text.split("\n")[0]).toMatch(/^# yaml-language-server: \$schema=.*content\/schema\/scenarios\.schema\.json$/);
    expect(text).toContain("id: prove-role-read-objects-from-payroll");
    expect((await runMain(["validate", dir])).code).toBe(0);
    const q = await runMain(["quiz", "--content", dir, "--only", join(dir, "scenarios.yaml"), "--json"], { input: "1\n" });
    expect(JSON.parse(q.out).total).toBe(1);
  });

  it("asks for missing fields line by line and appends to an existing file, keeping its comments", async () => {
    const dir = tempDir("ctt-new-");
    writeFileSync(join(dir, "facts.yaml"), "# my facts — keep this comment\nfacts:\n  - id: first\n    kind: fact\n    front: Q1\n    back: A1\n    source: 'seed: x'\n");
    const r = await runMain(["new", "fact", "--in", dir], { input: "Is Event History free?\nYes, for 90 days of management events.\nfact\nseed: Must Memorize\n" });
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, "facts.yaml"), "utf8");
    expect(text).toContain("# my facts — keep this comment");
    expect(text).toContain("id: event-history-free");
    expect(text).toContain("- id: first");
    expect((await runMain(["validate", dir])).code).toBe(0);
  });

  it("points at what is wrong when an answer is misspelt (exit 1)", async () => {
    const dir = tempDir("ctt-new-");
    const r = await runMain(["new", "scenario", "--in", dir, "--domain", "governance", "--requirement", "R", "--keywords", "k", "--answer", "clodtrail", "--distractor", "config: no", "--distractor", "guardduty: no", "--explanation", "E", "--source", "seed: x"]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/scenarios\.yaml:\d+:\d+/);
    expect(r.out).toContain("did you mean 'cloudtrail'");
  });
});
