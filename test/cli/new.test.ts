// `new scenario|fact`: the scaffolded entry validates, keeps an existing file's comments, and is
// ready to quiz with --only.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runMain } from "./run-main.js";
import { tempDir } from "../tmp.js";

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("new pack and new service", () => {
  it("scaffolds a valid pack with its own schemas, then a service whose modeline points at them", async () => {
    const root = mkdtempSync(join(tmpdir(), "ctt-new-pack-"));
    made.push(root);
    const dir = join(root, "macie");
    const p = await runMain(["new", "pack", "--in", dir], { input: "Macie for the exam\n\n" });
    expect(p.code, p.out + p.err).toBe(0);
    const pack = readFileSync(join(dir, "pack.yaml"), "utf8");
    expect(pack).toMatch(/^# yaml-language-server: \$schema=\.\/schema\/pack\.schema\.json\npack:\n {2}id: macie-exam\n/);
    expect(pack).toMatch(/requires: ">=\d+\.\d+\.\d+"/);
    expect(existsSync(join(dir, "schema", "scenarios.schema.json"))).toBe(true);
    // An empty required field is asked again, not written.
    const s = await runMain(["new", "service", "--in", dir], {
      input:
        "Amazon Macie\n\nFinds PII in S3.\nFinds sensitive data in S3 objects\nAnalyse API call logs\nWhat is Amazon Macie? (https://docs.aws.amazon.com/macie/latest/user/what-is-macie.html)\n",
    });
    expect(s.code, s.out + s.err).toBe(0);
    expect(s.err).toContain("this field is required.");
    const services = readFileSync(join(dir, "services.yaml"), "utf8");
    expect(services.split("\n")[0]).toBe("# yaml-language-server: $schema=schema/services.schema.json");
    expect(services).toContain("summary: Finds PII in S3.");
    expect((await runMain(["validate", dir, "--json"])).code).toBe(0);
    expect((await runMain(["new", "pack", "--in", dir], { input: "Again\n\n" })).err).toContain("already exists");
  });

  it("asks an interactive scenario for its topic, id and three distractors", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ctt-new-"));
    made.push(dir);
    const input =
      [
        "Who deleted the audit bucket last night?",
        "logging-monitoring",
        "event-types",
        "who-deleted-audit-bucket",
        "who deleted, bucket",
        "management-events",
        "data-events: Deleting a bucket is a control-plane call",
        "insights-events: One deletion is not a rate anomaly",
        "network-activity-events: The call did not go through a VPC endpoint",
        "DeleteBucket is a management event, in Event History for 90 days.",
        "seed: 2.1 Management Events",
      ].join("\n") + "\n";
    const r = await runMain(["new", "scenario", "--in", dir], { input });
    expect(r.err).toContain("Distractor 3 of 3");
    expect(r.err).toContain("Topic (");
    const text = readFileSync(join(dir, "scenarios.yaml"), "utf8");
    expect(text).toContain("id: who-deleted-audit-bucket");
    expect(text).toContain("topic: event-types");
    expect(text.match(/- option:/g)).toHaveLength(3);
  });
});

describe("new", () => {
  it("writes a valid scenario from flags, with a fresh id and the schema modeline, that quizzes at once", async () => {
    const dir = tempDir("ctt-new-");
    const r = await runMain([
      "new",
      "scenario",
      "--in",
      dir,
      "--domain",
      "logging-monitoring",
      "--requirement",
      "Prove which role read objects from the payroll bucket last week",
      "--keywords",
      "object reads, payroll bucket",
      "--answer",
      "data-events",
      "--distractor",
      "management-events: Object reads are data-plane operations",
      "--distractor",
      "insights-events: One role's reads are not a rate anomaly",
      "--distractor",
      "network-activity-events: The reads do not go through a VPC endpoint",
      "--explanation",
      "S3 object reads are data events and must be enabled on a trail.",
      "--source",
      "seed: 2.2 Data Events",
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
    writeFileSync(
      join(dir, "facts.yaml"),
      "# my facts — keep this comment\nfacts:\n  - id: first\n    kind: fact\n    front: Q1\n    back: A1\n    source: 'seed: x'\n",
    );
    const r = await runMain(["new", "fact", "--in", dir], {
      input: "Is Event History free?\nYes, for 90 days of management events.\nfact\nseed: Must Memorize\n",
    });
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, "facts.yaml"), "utf8");
    expect(text).toContain("# my facts — keep this comment");
    expect(text).toContain("id: event-history-free");
    expect(text).toContain("- id: first");
    expect((await runMain(["validate", dir])).code).toBe(0);
  });

  it("points at what is wrong when an answer is misspelt (exit 1)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ctt-new-"));
    const r = await runMain([
      "new",
      "scenario",
      "--in",
      dir,
      "--domain",
      "governance",
      "--requirement",
      "R",
      "--keywords",
      "k",
      "--answer",
      "clodtrail",
      "--distractor",
      "config: no",
      "--distractor",
      "guardduty: no",
      "--distractor",
      "athena: no",
      "--explanation",
      "E",
      "--source",
      "seed: x",
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/scenarios\.yaml:\d+:\d+/);
    expect(r.out).toContain("did you mean 'cloudtrail'");
  });
});
