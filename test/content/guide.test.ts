// The authoring guide's examples are real: each YAML block in content/README.md validates together
// with the shipped pack (blocks are combined in one temporary pack, as an author would write them).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { errorsOf, loadContent, parseContentText, SECTION_KEYS, SECTIONS, type SectionKey } from "../../src/content/load.js";
import { LINT_CODES } from "../../src/content/lint.js";
import { PROBLEM_CODES, YAML_CODES, yamlCode } from "../../src/content/problem.js";
import { tempDir } from "../tmp.js";

const GUIDE = readFileSync(join(import.meta.dirname, "../../content/README.md"), "utf8");
const blocks = [...GUIDE.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe("content/README.md", () => {
  it("lists every section in its file-kinds table, each with its JSON Schema, and has an example of each kind it teaches", () => {
    const table = GUIDE.slice(GUIDE.indexOf("## File kinds"), GUIDE.indexOf("\n## ", GUIDE.indexOf("## File kinds") + 1));
    const rows = [...table.matchAll(/^\| `(\w+)` \| [^|]+ \| `([\w-]+)\.schema\.json` \|$/gm)].map((m) => [m[1]!, m[2]!] as const);
    const own = SECTION_KEYS.filter((k) => !("companion" in SECTIONS[k]));
    expect(rows.map(([key]) => key).sort()).toEqual([...own].sort());
    for (const [key, kind] of rows) {
      expect(SECTIONS[key as SectionKey].kind).toBe(kind);
      expect(existsSync(join(import.meta.dirname, "../../content/schema", `${kind}.schema.json`)), kind).toBe(true);
    }
    // The kinds with a section of their own in the guide each have an example.
    const shown = new Set(blocks.flatMap((b) => [...b.matchAll(/^(\w+):/gm)].map((m) => m[1]!)));
    for (const key of ["pack", "services", "scenarios", "facts"]) expect(shown, key).toContain(key);
  });

  it.each(blocks.map((b, i) => [i + 1, b] as const))("example %i validates with the shipped pack and adds its items", (_, block) => {
    const dir = tempDir("ctt-guide-");
    writeFileSync(
      join(dir, "pack.yaml"),
      "pack:\n  id: guide\n  title: Guide\n  domains:\n    - { id: incident-response, name: Incident response }\n  topics:\n    - { id: runbooks, name: Runbooks }\n",
    );
    if (!/^pack:/m.test(block)) writeFileSync(join(dir, "example.yaml"), block);
    else writeFileSync(join(dir, "pack.yaml"), block);
    const { pack, problems } = loadContent({ paths: [dir] });
    expect(errorsOf(problems).map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([]);
    // Every item the example defines made it into the pack (an example that loads nothing fails).
    const parsed = parseContentText("example.yaml", block);
    expect(parsed.problems).toEqual([]);
    const ids = (list: ReadonlyArray<{ id: string }>) => list.map((x) => x.id);
    const defined = [
      ...ids(parsed.data.scenarios),
      ...ids(parsed.data.facts),
      ...ids(parsed.data.services),
      ...ids(parsed.data.packs.flatMap((p) => p.domains)),
    ];
    expect(defined.length).toBeGreaterThan(0);
    const loaded = new Set([...ids(pack.scenarios), ...ids(pack.facts), ...ids(pack.services), ...ids(pack.meta.domains)]);
    expect(defined.filter((id) => !loaded.has(id))).toEqual([]);
  });

  it("documents every problem code, lint code and YAML error code", () => {
    const codes = [...Object.keys(PROBLEM_CODES), ...Object.keys(LINT_CODES), ...YAML_CODES.map(yamlCode)];
    expect(codes.length).toBeGreaterThan(50);
    const undocumented = codes.filter((code) => !GUIDE.includes(`\`${code}\``));
    expect(undocumented).toEqual([]);
  });
});
