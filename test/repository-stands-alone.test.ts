// A user clones this repository alone: no test, source, doc or content file may read or name a path
// outside it. Every relative path literal is resolved against its file and must stay inside the
// repository, and no file may point a reader at documents a user never has.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const SCANNED = ["src", "test", "bench", "scripts", "content", "docs", ".ci", "README.md", "CHANGELOG.md", "package.json", "vitest.config.ts"];
const TEXT = /\.(ts|tsx|mjs|js|json|md|yaml|yml|txt)$|(^|\/)run$/;

function files(path: string): string[] {
  const abs = join(ROOT, path);
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(abs);
  } catch {
    return [];
  }
  if (st.isFile()) return TEXT.test(path) ? [path] : [];
  return readdirSync(abs).flatMap((name) => (name === "node_modules" || name === "dist" ? [] : files(join(path, name))));
}

const ALL = SCANNED.flatMap(files).filter((f) => f !== join("test", "repository-stands-alone.test.ts"));

/** Names of documents outside the repository that earlier code pointed readers at. */
const OUTSIDE_NAMES: Array<[RegExp, string]> = [
  [/\.\.\/shared\b/, "the folder beside the repository"],
  [/\bshared\/(seed|reference|fixtures|design|hooks)\b/, "shared/…"],
  [/\bARCHITECTURE\.md\b/, "the design notes outside the repository (the repository's own is docs/architecture.md)"],
  [/\bSTYLE\.md\b/, "STYLE.md"],
  [/cloudtrail-facts\.md/, "the reference facts file"],
  [/000_0965c2d15e939797/, "the study card's file"],
];

describe("the repository stands alone", () => {
  it("scans the whole tree", () => {
    expect(ALL.length).toBeGreaterThan(100);
    expect(ALL).toContain(join("test", "content", "shipped-pack.test.ts"));
  });

  it("names no file outside the repository", () => {
    const hits: string[] = [];
    for (const f of ALL) {
      const lines = readFileSync(join(ROOT, f), "utf8").split("\n");
      lines.forEach((line, i) => {
        for (const [re, what] of OUTSIDE_NAMES) if (re.test(line)) hits.push(`${f}:${i + 1}: names ${what}`);
      });
    }
    expect(hits).toEqual([]);
  });

  it("reads no relative path that leaves the repository", () => {
    const hits: string[] = [];
    const literal = /["'`]((?:\.\.\/)+[^"'`\s]*)["'`]/g;
    for (const f of ALL.filter((x) => /\.(ts|tsx|mjs|js)$/.test(x))) {
      const text = readFileSync(join(ROOT, f), "utf8");
      for (const m of text.matchAll(literal)) {
        const target = resolve(dirname(join(ROOT, f)), m[1]!);
        if (target !== ROOT && !target.startsWith(ROOT + sep)) hits.push(`${f}: ${m[1]} → ${relative(ROOT, target)}`);
      }
    }
    expect(hits).toEqual([]);
  });

  it("keeps the fixtures the tests read with their sources", () => {
    const sources = readFileSync(join(ROOT, "test", "fixtures", "SOURCES.md"), "utf8");
    const top = readdirSync(join(ROOT, "test", "fixtures")).filter((n) => n !== "SOURCES.md");
    for (const dir of top) expect(sources, `test/fixtures/${dir} is not in SOURCES.md`).toContain(`${dir}/`);
  });

  it("documents the architecture, the CLI, the configuration and the simulator's JSON in docs/", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(readme).toContain("docs/");
    for (const page of ["architecture.md", "cli.md", "configuration.md", "simulator-json.md"]) {
      expect(statSync(join(ROOT, "docs", page)).size, page).toBeGreaterThan(500);
    }
  });
});
