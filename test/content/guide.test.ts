// The authoring guide's examples are real: each YAML block in content/README.md validates together
// with the shipped pack (blocks are combined in one temporary pack, as an author would write them).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { errorsOf, loadContent } from "../../src/content/load.js";
import { LINT_CODES } from "../../src/content/lint.js";
import { PROBLEM_CODES, YAML_CODES, yamlCode } from "../../src/content/problem.js";

const GUIDE = readFileSync(join(import.meta.dirname, "../../content/README.md"), "utf8");
const blocks = [...GUIDE.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe("content/README.md", () => {
  it("has examples of every file kind it teaches", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
  });

  it.each(blocks.map((b, i) => [i + 1, b] as const))("example %i validates with the shipped pack", (_, block) => {
    const dir = mkdtempSync(join(tmpdir(), "ctt-guide-"));
    writeFileSync(join(dir, "pack.yaml"), "pack:\n  id: guide\n  title: Guide\n  domains:\n    - { id: incident-response, name: Incident response }\n  topics:\n    - { id: runbooks, name: Runbooks }\n");
    if (!/^pack:/m.test(block)) writeFileSync(join(dir, "example.yaml"), block);
    else writeFileSync(join(dir, "pack.yaml"), block);
    const { problems } = loadContent({ paths: [dir] });
    expect(errorsOf(problems).map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([]);
  });

  it("documents every problem code, lint code and YAML error code", () => {
    const codes = [...Object.keys(PROBLEM_CODES), ...Object.keys(LINT_CODES), ...YAML_CODES.map(yamlCode)];
    expect(codes.length).toBeGreaterThan(50);
    const undocumented = codes.filter((code) => !GUIDE.includes(`\`${code}\``));
    expect(undocumented).toEqual([]);
  });
});
