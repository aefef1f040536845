// One root cause, one error: a broken pack.yaml is one error and a count of the references it could
// not check; YAML slips are reported where the author must look, with a hint that names the slip.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.js";
import { parseContentText } from "../../src/content/parse-file.js";
import { tempDir } from "../tmp.js";
import { scenarioYaml } from "./scenario-yaml.js";

const PACK = (score: string) => `pack:
  id: gd
  title: GuardDuty basics
  passingScore: ${score}
  domains:
    - { id: gd-detection, name: Threat detection, weight: 0.6 }
    - { id: gd-data, name: Data protection, weight: 0.4 }
  topics:
    - { id: gd-findings, name: Findings }
`;

const scenario = (i: number) =>
  scenarioYaml({
    id: `gd-item-${i}`,
    domain: i % 2 ? "gd-data" : "gd-detection",
    topic: "gd-findings",
    requirement: `Which service is right for requirement ${i}?`,
    keywords: ["requirement"],
    tag: String(i),
  });

function packDir(score: string, items = 10): string {
  const dir = tempDir("root-cause-");
  writeFileSync(join(dir, "pack.yaml"), PACK(score));
  writeFileSync(join(dir, "scenarios.yaml"), `scenarios:\n${Array.from({ length: items }, (_, i) => scenario(i)).join("")}`);
  return dir;
}

describe("an invalid pack.yaml", () => {
  it("is one error plus the number of references not checked, not one error per reference", () => {
    const dir = packDir("75");
    const { problems } = loadContent({ paths: [dir], includeShipped: true, cwd: dir });
    const mine = problems.filter((p) => !p.file.includes("content/cloudtrail"));
    const errors = mine.filter((p) => p.severity === "error");
    expect(errors.map((e) => e.code)).toEqual(["SCHEMA_INVALID"]);
    expect(errors[0]!.file).toBe("pack.yaml");
    const note = mine.find((p) => p.code === "REFERENCES_NOT_CHECKED");
    expect(note?.message).toMatch(/^20 reference\(s\)/);
    expect(mine.some((p) => p.code === "UNKNOWN_DOMAIN" || p.code === "UNKNOWN_TOPIC")).toBe(false);
  });

  it("that does not parse at all leaves its references unchecked too", () => {
    const dir = packDir("0.8");
    writeFileSync(join(dir, "pack.yaml"), PACK("0.8").replace("title: GuardDuty basics", 'title: "GuardDuty basics'));
    const { problems } = loadContent({ paths: [dir], includeShipped: false, cwd: dir });
    expect(problems.filter((p) => p.code === "UNKNOWN_DOMAIN")).toHaveLength(0);
    expect(problems.find((p) => p.code === "REFERENCES_NOT_CHECKED")).toBeDefined();
  });

  it("still reports unknown domains of a pack whose pack.yaml is fine", () => {
    const dir = packDir("0.8", 1);
    writeFileSync(join(dir, "more.yaml"), `scenarios:\n${scenario(7).replace("gd-item-7", "gd-other").replace("domain: gd-data", "domain: gd-dta")}`);
    const { problems } = loadContent({ paths: [dir], includeShipped: true, cwd: dir });
    expect(problems.find((p) => p.code === "UNKNOWN_DOMAIN")?.hint).toMatch(/did you mean 'gd-data'/);
  });
});

describe("a number out of its range says what the number means", () => {
  it("passingScore: 75 → a fraction, 0.75", () => {
    const p = parseContentText("pack.yaml", PACK("75")).problems;
    expect(p).toHaveLength(1);
    expect([p[0]!.line, p[0]!.col]).toEqual([4, 17]);
    expect(p[0]!.message).toBe("pack.passingScore is 75; it must be at most 1");
    expect(p[0]!.hint).toBe("passingScore is a fraction: 0.8 means 80% (for 75% write 0.75)");
  });

  it("weight: 40 → a share of the exam", () => {
    const p = parseContentText("pack.yaml", PACK("0.8").replace("weight: 0.4", "weight: 40")).problems;
    expect(p).toHaveLength(1);
    expect(p[0]!.message).toBe("pack.domains.1.weight is 40; it must be at most 1");
    expect(p[0]!.hint).toMatch(/^weight is the domain's share of the exam, a fraction: 0.25 means 25% \(for 40% write 0.4\)$/);
  });
});

describe("YAML slips are reported where they are", () => {
  it("an unclosed quote: at the quote that opens it, with its own hint", () => {
    const text = 'scenarios:\n  - id: a\n    requirement: "Which service\n    answer: b\n  - id: c\n    requirement: x\n';
    const p = parseContentText("s.yaml", text).problems;
    expect(p).toHaveLength(1);
    expect([p[0]!.line, p[0]!.col]).toEqual([3, 18]);
    expect(p[0]!.hint).toMatch(/^a quote opened at line 3 is never closed/);
  });

  it("an unclosed single quote names the single quote", () => {
    const p = parseContentText("p.yaml", "pack:\n  id: x\n  title: 'X is\n  domains: []\n").problems;
    expect(p).toHaveLength(1);
    expect([p[0]!.line, p[0]!.col]).toEqual([3, 10]);
    expect(p[0]!.hint).toMatch(/a quote opened at line 3 is never closed: end the text with '/);
  });

  it("a line indented one space short: at its first character, not in its leading spaces", () => {
    const p = parseContentText("p.yaml", "pack:\n  id: x\n  title: X\n  domains:\n    - id: a\n      name: A\n     weight: 0.5\n").problems;
    expect(p).toHaveLength(1);
    expect([p[0]!.line, p[0]!.col]).toEqual([7, 6]);
    expect(p[0]!.hint).toMatch(/lines up with line 6 \(column 7\)/);
  });

  it("a line indented too deep: at that line, once, not twice on the line above", () => {
    const p = parseContentText("p.yaml", "pack:\n  id: x\n  title: X\n  domains:\n    - id: a\n      name: A\n        weight: 0.5\n").problems;
    expect(p).toHaveLength(1);
    expect([p[0]!.line, p[0]!.col]).toEqual([7, 9]);
  });
});
