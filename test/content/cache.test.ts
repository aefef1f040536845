// The parsed-content cache: a warm load gives the same pack and problems as a cold one, any edit
// misses, and a damaged cache entry is ignored.
import { cpSync, existsSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DirParseCache } from "../../src/content/cache.js";
import { loadContent } from "../../src/content/load.js";
import { loadContentLazily, withBoundedHeapGrowth } from "../../src/content/load-core.js";
import { tempDir } from "../tmp.js";
import { scenarioYaml } from "./scenario-yaml.js";

const counting = (dir: string) => {
  const c = new DirParseCache(dir);
  const stats = { hits: 0, sets: 0 };
  return {
    stats,
    cache: {
      get: (k: string) => {
        const v = c.get(k);
        if (v) stats.hits++;
        return v;
      },
      set: (k: string, v: Parameters<DirParseCache["set"]>[1]) => {
        stats.sets++;
        c.set(k, v);
        // Not handed back: the loader keeps what it parsed, so a warm load is compared with a parse.
        return undefined;
      },
    },
  };
};

describe("parsed-content cache", () => {
  it("a warm load equals a cold one, and reads nothing it has to parse", () => {
    const dir = tempDir("ctt-cache-");
    const cold = counting(dir);
    const a = loadContent({ cache: cold.cache });
    expect(cold.stats.hits).toBe(0);
    expect(cold.stats.sets).toBeGreaterThan(5);
    const warm = counting(dir);
    const b = loadContent({ cache: warm.cache });
    expect(warm.stats.sets).toBe(0);
    expect(warm.stats.hits).toBe(cold.stats.sets);
    expect(b.pack.scenarios).toEqual(a.pack.scenarios);
    expect([...b.pack.origins]).toEqual([...a.pack.origins]);
    expect(b.problems).toEqual(a.problems);
  });

  it("misses on any edit and keeps problems with their positions", () => {
    const cacheDir = tempDir("ctt-cache-");
    const content = tempDir("ctt-content-");
    const file = join(content, "f.yaml");
    writeFileSync(file, "facts:\n  - { id: one, kind: fact, front: Q, back: A, source: 's' }\n");
    const c = counting(cacheDir);
    loadContent({ paths: [content], cache: c.cache, includeShipped: false });
    writeFileSync(file, "facts:\n  - { id: one, kind: nonsense, front: Q, back: A, source: 's' }\n");
    const edited = loadContent({ paths: [content], cache: c.cache, includeShipped: false });
    expect(c.stats.hits).toBe(0);
    const again = loadContent({ paths: [content], cache: c.cache, includeShipped: false });
    expect(c.stats.hits).toBe(1);
    expect(again.problems).toEqual(edited.problems);
    expect(again.problems[0]).toMatchObject({ line: 2, code: "SCHEMA_VALUE" });
  });

  it("ignores a damaged cache entry", () => {
    const dir = tempDir("ctt-cache-");
    const a = loadContent({ cache: new DirParseCache(dir) });
    for (const f of readdirSync(dir)) writeFileSync(join(dir, f), "{ not json");
    const b = loadContent({ cache: new DirParseCache(dir) });
    expect(b.pack.scenarios).toEqual(a.pack.scenarios);
  });
});

describe("the first run through the cache", () => {
  const FIXTURES = join(import.meta.dirname, "../fixtures/content");
  // A folder with pack-level problems (an unknown option, a duplicate id, an unknown domain) beside
  // sound files: their positions are read lazily from the cache on the first run too.
  const mixed = () => {
    const dir = tempDir("ctt-content-");
    cpSync(join(FIXTURES, "base"), dir, { recursive: true });
    for (const f of ["unknown-option.yaml", "duplicate-id.yaml", "unknown-domain.yaml", "answer-as-distractor.yaml"])
      cpSync(join(FIXTURES, "errors", f), join(dir, f));
    return dir;
  };

  it("gives what a load without a cache gives, and what the warm run gives, to the position", async () => {
    const content = mixed();
    const cacheDir = tempDir("ctt-cache-");
    const plain = loadContent({ paths: [content], cwd: content });
    const first = loadContent({ paths: [content], cwd: content, cache: new DirParseCache(cacheDir) });
    const warm = await loadContentLazily({ paths: [content], cwd: content, cache: new DirParseCache(cacheDir) });
    expect(plain.problems.some((p) => p.code === "UNKNOWN_OPTION" && p.line > 0)).toBe(true);
    expect(plain.problems.some((p) => p.code === "DUPLICATE_ID" && p.line > 0)).toBe(true);
    for (const r of [first, warm]) {
      expect(r.problems).toEqual(plain.problems);
      expect(r.pack.scenarios).toEqual(plain.pack.scenarios);
      expect(r.pack.facts).toEqual(plain.pack.facts);
      expect([...r.pack.origins]).toEqual([...plain.pack.origins]);
      expect(r.pack.meta).toEqual(plain.pack.meta);
    }
  });

  it("keeps what it parsed when the cache cannot be written", () => {
    const content = mixed();
    const notADir = join(tempDir("ctt-cache-"), "file");
    writeFileSync(notADir, "");
    const plain = loadContent({ paths: [content], cwd: content });
    const r = loadContent({ paths: [content], cwd: content, cache: new DirParseCache(join(notADir, "parsed")) });
    expect(r.problems).toEqual(plain.problems);
    expect(r.pack.scenarios).toEqual(plain.pack.scenarios);
  });

  it("bounds V8's heap growth only while it parses, and leaves a flag set by hand alone", () => {
    const calls: string[] = [];
    const set = (f: string) => void calls.push(f);
    expect(withBoundedHeapGrowth(set, () => calls.length)).toBe(1);
    expect(calls).toEqual(["--heap-growing-percent=50", "--heap-growing-percent=0"]);
    calls.length = 0;
    expect(() =>
      withBoundedHeapGrowth(set, () => {
        throw new Error("parse failed");
      }),
    ).toThrow("parse failed");
    expect(calls).toEqual(["--heap-growing-percent=50", "--heap-growing-percent=0"]);
    const before = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = "--heap-growing-percent=20";
    try {
      calls.length = 0;
      withBoundedHeapGrowth(set, () => 0);
      expect(calls).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = before;
    }
    // A V8 that refuses the flag still loads.
    expect(
      withBoundedHeapGrowth(
        () => {
          throw new Error("no such flag");
        },
        () => "loaded",
      ),
    ).toBe("loaded");
  });
});

describe("cache size", () => {
  it("drops entries unused for a month when new content is cached, and keeps what is used", () => {
    const dir = tempDir("ctt-cache-");
    loadContent({ cache: new DirParseCache(dir) });
    const old = join(dir, "stale-entry.json");
    writeFileSync(old, "{}");
    const monthAgo = new Date(Date.now() - 31 * 86_400_000);
    utimesSync(old, monthAgo, monthAgo);
    const content = tempDir("ctt-content-");
    writeFileSync(join(content, "f.yaml"), "facts:\n  - { id: one, kind: fact, front: Q, back: A, source: 's' }\n");
    loadContent({ paths: [content], cache: new DirParseCache(dir) });
    expect(existsSync(old)).toBe(false);
    expect(readdirSync(dir).length).toBeGreaterThan(10);
  });

  it("keeps a broken pack.yaml and another file with the same bytes apart", () => {
    // A pack.yaml that cannot be read still declares a pack, so the domains its folder's items name
    // go unchecked; the same bytes under another name declare nothing. Sharing one cache entry gave
    // the second file the first's verdict, and an unknown domain beside it went unreported.
    const broken = "pack: [unclosed\n";
    const a = tempDir("ctt-content-");
    const b = tempDir("ctt-content-");
    writeFileSync(join(a, "pack.yaml"), broken);
    writeFileSync(join(b, "notes.yaml"), broken);
    writeFileSync(join(b, "s.yaml"), `scenarios:\n${scenarioYaml({ id: "odd-domain", domain: "no-such-domain", requirement: "Who?", keywords: ["who"] })}`);
    const uncached = loadContent({ paths: [b] }).problems;
    expect(uncached.map((p) => p.code)).toContain("UNKNOWN_DOMAIN");
    const cache = new DirParseCache(tempDir("ctt-cache-"));
    loadContent({ paths: [a], cache });
    expect(loadContent({ paths: [b], cache }).problems).toEqual(uncached);
  });
});
