// `validate` as a user runs it: the built CLI, exit codes, compiler-style and JSON output.
import { execFileSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../tmp.js";

const ROOT = join(import.meta.dirname, "../..");
const CLI = join(ROOT, "dist/cli.js");
const run = (args: string[], cwd = ROOT) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

function packWithTypo(): string {
  const dir = tempDir("ctt-validate-");
  writeFileSync(
    join(dir, "mine.yaml"),
    [
      "scenarios:",
      "  - id: my-who-did-it",
      "    domain: logging-monitoring",
      "    requirement: Find out which IAM user deleted a security group yesterday",
      "    keywords: [who did what]",
      "    answer: cloudtrial",
      "    distractors:",
      "      - option: config",
      "        why: Config shows the configuration change, not reliably who made the call",
      "      - option: vpc-flow-logs",
      "        why: Flow logs carry network metadata, not API identity",
      "    explanation: CloudTrail records the DeleteSecurityGroup call with the caller's identity.",
      '    source: "seed: AWS Exam Thinking"',
      "    answerKind: service",
      "",
    ].join("\n"),
  );
  return dir;
}

describe("cloudtrail-tutor validate", () => {
  it("passes the shipped pack (exit 0)", () => {
    const r = run(["validate", "--json"]);
    const report = JSON.parse(r.stdout);
    expect(report.errors).toEqual([]);
    expect(report.ok).toBe(true);
    expect(r.status).toBe(0);
  });

  it("points at a misspelt answer with file:line:col, a caret and 'did you mean cloudtrail'", () => {
    const dir = packWithTypo();
    const r = run(["validate", dir], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("mine.yaml:6:13: error UNKNOWN_OPTION answer 'cloudtrial' is not a known service or event type");
    expect(r.stdout).toMatch(/6 \| {5}answer: cloudtrial\n\s+\| {13}\^/);
    expect(r.stdout).toContain("did you mean 'cloudtrail'");
  });

  it("prints one JSON document with ok, errors, warnings and counts", () => {
    const dir = packWithTypo();
    const r = run(["validate", "--json", dir], dir);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(false);
    expect(report.errors[0]).toEqual({
      file: "mine.yaml",
      line: 6,
      col: 13,
      code: "UNKNOWN_OPTION",
      message: "answer 'cloudtrial' is not a known service or event type",
      hint: "did you mean 'cloudtrail'?",
    });
    expect(Object.keys(report.counts).sort()).toEqual(["actions", "eventTypes", "facts", "scenarios", "services"]);
  });

  it("answers an unknown flag with did-you-mean and exit 2", () => {
    const r = run(["validate", "--jsno"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("did you mean --json");
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it("prints its version without loading content", () => {
    expect(execFileSync(process.execPath, [CLI, "--version"], { encoding: "utf8" }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
