// A warm load's shortcuts through the parsed-content cache: stat fingerprints (a file whose stat is
// unchanged is not read and hashed) and the built pack (a load whose files are all unchanged reads one
// entry). Each must give exactly what building from the files gives, miss on any change, and only
// ever cost time when damaged.
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { asciiJson, DirParseCache, type FileStat, type PackSource, type ParseCache, RACY_MS } from "../../src/content/cache.js";
import { loadContent } from "../../src/content/load.js";
import type { BuildResult } from "../../src/content/pack.js";
import { loadContentLazily, type LoadOptions } from "../../src/content/load-core.js";
import { tempDir } from "../tmp.js";
import { scenarioYaml } from "./scenario-yaml.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/content");

/** A pack with problems of both severities beside sound files, and text past ASCII. */
function content(): string {
  const dir = tempDir("ctt-content-");
  cpSync(join(FIXTURES, "base"), dir, { recursive: true });
  for (const f of ["unknown-option.yaml", "duplicate-id.yaml", "unknown-domain.yaml", "answer-as-distractor.yaml", "wrong-enum.yaml"])
    cpSync(join(FIXTURES, "errors", f), join(dir, f));
  const unicode = scenarioYaml({
    id: "who-called",
    domain: "logging-monitoring",
    requirement: "Sécurité — who made the “call”? 🚀",
    keywords: ["who", "qui"],
    tag: "é",
  });
  writeFileSync(join(dir, "scenarios.yaml"), `scenarios:\n${unicode}`);
  writeFileSync(
    join(dir, "guardduty.yaml"),
    "services:\n  - { id: guardduty, name: Amazon GuardDuty, summary: Finds threats., does: [Finds threats], doesNot: [Log calls], source: 'seed: x' }\n",
  );
  // Warnings: an empty file (found by the parser), and references to a broken pack.yaml's domains (by the pack).
  writeFileSync(join(dir, "empty.yaml"), "");
  mkdirSync(join(dir, "sub"));
  writeFileSync(join(dir, "sub", "pack.yaml"), "pack: [unclosed\n");
  writeFileSync(join(dir, "sub", "s.yaml"), `scenarios:\n${scenarioYaml({ id: "sub-one", domain: "sub-domain", requirement: "Who?", keywords: ["who"] })}`);
  return dir;
}

/** The fingerprint clock of a load run a minute after the files were written: their stats can be trusted. */
const later = () => Date.now() + 60_000;

class Spy extends DirParseCache {
  gets = 0;
  packReads = 0;
  packHits = 0;
  packWrites = 0;
  override get(key: string) {
    this.gets++;
    return super.get(key);
  }
  override getPack(files: readonly PackSource[]) {
    this.packReads++;
    const r = super.getPack(files);
    if (r) this.packHits++;
    return r;
  }
  override setPack(files: readonly PackSource[], result: BuildResult) {
    this.packWrites++;
    super.setPack(files, result);
  }
}

/** The same cache with only its per-file entries: what building from the files gives. */
const filesOnly = (dir: string): ParseCache => {
  const c = new DirParseCache(dir);
  return { get: (k) => c.get(k), set: (k, v) => c.set(k, v) };
};

const entries = (dir: string, kind: string) => readdirSync(dir).filter((n) => n.endsWith(`.${kind}.json`));

describe("the built-pack cache", () => {
  it("gives what building from the files gives, Maps and problems included", async () => {
    const dir = content();
    const cacheDir = tempDir("ctt-cache-");
    const opts = (cache?: ParseCache): LoadOptions => ({ paths: [dir, join(dir, "missing")], cwd: dir, includeShipped: false, ...(cache ? { cache } : {}) });
    const plain = loadContent(opts());

    const first = new Spy(cacheDir, { now: later });
    loadContent(opts(first));
    // The run that parses does not store the pack (its peak memory is the one that matters).
    expect(first.packWrites).toBe(0);
    expect(entries(cacheDir, "pack")).toEqual([]);

    const warm = new Spy(cacheDir, { now: later });
    const built = await loadContentLazily(opts(warm));
    expect(warm.packReads).toBe(1);
    expect(warm.packHits).toBe(0);
    expect(warm.packWrites).toBe(1);

    const hit = new Spy(cacheDir, { now: later });
    const fromPack = await loadContentLazily(opts(hit));
    expect(hit.packHits).toBe(1);
    expect(hit.gets).toBe(0);

    const fromFiles = loadContent(opts(filesOnly(cacheDir)));
    expect(fromPack).toStrictEqual(fromFiles);
    expect(built).toStrictEqual(fromFiles);
    expect(fromPack.pack.options).toBeInstanceOf(Map);
    expect(fromPack.pack.origins).toBeInstanceOf(Map);
    expect([...fromPack.pack.origins]).toEqual([...plain.pack.origins]);
    expect([...fromPack.pack.options]).toEqual([...plain.pack.options]);
    expect(fromPack.pack.scenarios).toEqual(plain.pack.scenarios);
    expect(fromPack.problems).toEqual(plain.problems);
    // What the comparison covers: both severities, located pack-level problems, a problem about a root.
    expect(fromPack.problems[0]).toMatchObject({ code: "CONTENT_DIR_MISSING" });
    expect(fromPack.problems.some((p) => p.code === "EMPTY_FILE" && p.severity === "warning")).toBe(true);
    expect(fromPack.problems.some((p) => p.code === "REFERENCES_NOT_CHECKED" && p.severity === "warning")).toBe(true);
    expect(fromPack.problems.some((p) => p.code === "DUPLICATE_ID" && p.line > 0 && p.lineText)).toBe(true);
    expect(fromPack.pack.scenarios.find((s) => s.id === "who-called")?.requirement).toBe("Sécurité — who made the “call”? 🚀");
  });

  it("misses when a file changes, even keeping its size and mtime, and rebuilds", async () => {
    const dir = content();
    const cacheDir = tempDir("ctt-cache-");
    const opts = (cache?: ParseCache): LoadOptions => ({ paths: [dir], cwd: dir, includeShipped: false, ...(cache ? { cache } : {}) });
    // A whole-second mtime, so that it can be set back exactly.
    const file = join(dir, "scenarios.yaml");
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    utimesSync(file, hourAgo, hourAgo);
    loadContent(opts(new DirParseCache(cacheDir, { now: later })));
    await loadContentLazily(opts(new DirParseCache(cacheDir, { now: later })));
    const warm = new Spy(cacheDir, { now: later });
    await loadContentLazily(opts(warm));
    expect(warm.packHits).toBe(1);

    // Same length, same mtime: only the ctime (which no one can set back) tells.
    const before = statSync(file);
    writeFileSync(file, readFileSync(file, "utf8").replace("[who, qui]", "[who, wer]"));
    utimesSync(file, hourAgo, hourAgo);
    expect(statSync(file).size).toBe(before.size);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);

    const edited = new Spy(cacheDir, { now: later });
    const r = await loadContentLazily(opts(edited));
    expect(edited.packHits).toBe(0);
    expect(r).toStrictEqual(loadContent(opts(filesOnly(cacheDir))));
    expect(r.pack.scenarios.find((s) => s.id === "who-called")?.keywords).toEqual(["who", "wer"]);
    expect(r.problems).toEqual(loadContent(opts()).problems);

    // The next warm run stores the new pack in the same slot (same files), and the one after reads it.
    await loadContentLazily(opts(new DirParseCache(cacheDir, { now: later })));
    expect(entries(cacheDir, "pack")).toHaveLength(1);
    const again = new Spy(cacheDir, { now: later });
    expect(await loadContentLazily(opts(again))).toStrictEqual(r);
    expect(again.packHits).toBe(1);
  });

  it("keys the pack by the display paths: a load from another folder builds its own", async () => {
    const dir = content();
    const cacheDir = tempDir("ctt-cache-");
    const at = (cwd: string, cache?: ParseCache): LoadOptions => ({ paths: [dir], cwd, includeShipped: false, ...(cache ? { cache } : {}) });
    for (let i = 0; i < 3; i++) await loadContentLazily(at(dir, new DirParseCache(cacheDir, { now: later })));
    const up = dirname(dir);
    const spy = new Spy(cacheDir, { now: later });
    const r = await loadContentLazily(at(up, spy));
    expect(spy.packHits).toBe(0);
    expect(r.problems).toEqual(loadContent(at(up)).problems);
    expect(r.problems.some((p) => p.file.startsWith(`${dir.slice(up.length + 1)}/`))).toBe(true);
  });

  it("only costs time when its entries are damaged or gone", async () => {
    const dir = content();
    const cacheDir = tempDir("ctt-cache-");
    const opts = (cache?: ParseCache): LoadOptions => ({ paths: [dir], cwd: dir, includeShipped: false, ...(cache ? { cache } : {}) });
    const want = loadContent(opts());
    const warmUp = async () => {
      loadContent(opts(new DirParseCache(cacheDir, { now: later })));
      await loadContentLazily(opts(new DirParseCache(cacheDir, { now: later })));
    };
    await warmUp();
    const [pack] = entries(cacheDir, "pack");
    const [index] = entries(cacheDir, "files");
    const text = readFileSync(join(cacheDir, pack!), "utf8");
    const damage = [
      () => writeFileSync(join(cacheDir, pack!), text.slice(0, text.length / 2)),
      () => writeFileSync(join(cacheDir, pack!), text.replace("who-called", "whó-called")),
      () => writeFileSync(join(cacheDir, pack!), `${"0".repeat(40)}${text.slice(40)}`),
      () => writeFileSync(join(cacheDir, pack!), `${text.slice(0, 41)}null`),
      () => writeFileSync(join(cacheDir, index!), "{ not json"),
      // An index that names an entry outside the cache is not followed.
      () => writeFileSync(join(cacheDir, index!), JSON.stringify({ [join(dir, "pack.yaml")]: [1, 2, 3, 4, 5, 6, "../../elsewhere"] })),
    ];
    for (const d of damage) {
      d();
      const r = await loadContentLazily(opts(new DirParseCache(cacheDir, { now: later })));
      expect(r.problems).toEqual(want.problems);
      expect(r.pack.scenarios).toEqual(want.pack.scenarios);
      await warmUp();
    }
  });

  it("touches what it reads, the file entries a pack was built from too, and prunes what goes unused", async () => {
    const dir = content();
    const cacheDir = tempDir("ctt-cache-");
    const opts = (cache: ParseCache): LoadOptions => ({ paths: [dir], cwd: dir, includeShipped: false, cache });
    loadContent(opts(new DirParseCache(cacheDir, { now: later })));
    await loadContentLazily(opts(new DirParseCache(cacheDir, { now: later })));
    const monthAgo = new Date(Date.now() - 31 * 86_400_000);
    for (const n of readdirSync(cacheDir)) utimesSync(join(cacheDir, n), monthAgo, monthAgo);
    const spy = new Spy(cacheDir, { now: later });
    await loadContentLazily(opts(spy));
    expect(spy.packHits).toBe(1);
    for (const n of readdirSync(cacheDir)) expect(Date.now() - statSync(join(cacheDir, n)).mtimeMs, n).toBeLessThan(86_400_000);

    // Stale entries of the new kinds go at the next write, like any other.
    for (const stale of ["0".repeat(40) + ".pack.json", "1".repeat(40) + ".files.json"]) {
      writeFileSync(join(cacheDir, stale), "{}");
      utimesSync(join(cacheDir, stale), monthAgo, monthAgo);
    }
    const other = tempDir("ctt-content-");
    writeFileSync(join(other, "f.yaml"), "facts:\n  - { id: one, kind: fact, front: Q, back: A, source: 's' }\n");
    loadContent({ paths: [other], includeShipped: false, cache: new DirParseCache(cacheDir) });
    expect(entries(cacheDir, "pack")).toHaveLength(1);
    expect(entries(cacheDir, "files")).toHaveLength(2);
  });
});

describe("another version of the program", () => {
  it("misses every kind of entry (CODE_HASH names them all)", async () => {
    const dir = content();
    const cacheDir = tempDir("ctt-cache-");
    const opts = (cache: ParseCache): LoadOptions => ({ paths: [dir], cwd: dir, includeShipped: false, cache });
    for (let i = 0; i < 3; i++) await loadContentLazily(opts(new DirParseCache(cacheDir, { now: later })));
    const before = readdirSync(cacheDir);
    const g = globalThis as { __CODE_HASH__?: string };
    g.__CODE_HASH__ = "another-build";
    vi.resetModules();
    try {
      const other = await import("../../src/content/cache.js");
      const load = await import("../../src/content/load.js");
      expect(other.CODE_HASH).toBe("another-build");
      const r = load.loadContent(opts(new other.DirParseCache(cacheDir, { now: later })));
      expect(r.problems).toEqual(loadContent({ paths: [dir], cwd: dir, includeShipped: false }).problems);
      // Every file parsed again and recorded again, under names of this version's own.
      const added = readdirSync(cacheDir).filter((n) => !before.includes(n));
      expect(added.filter((n) => n.endsWith(".at.json"))).toHaveLength(before.filter((n) => n.endsWith(".at.json")).length);
      expect(added.filter((n) => n.endsWith(".files.json"))).toHaveLength(1);
    } finally {
      delete g.__CODE_HASH__;
      vi.resetModules();
    }
  });
});

describe("stat fingerprints", () => {
  const T = Date.parse("2026-12-01T12:00:00Z");
  const stat = (over: Partial<FileStat> = {}): FileStat => ({ size: 100, mtimeMs: T - 60_000, ctimeMs: T - 60_000, ino: 7, dev: 1, ...over });
  const KEY = "ab".repeat(20);

  it("vouch for a file only with its recorded stat, changed safely before the record", () => {
    const cacheDir = tempDir("ctt-cache-");
    let now = T;
    const cache = new DirParseCache(cacheDir, { now: () => now });
    const a = cache.fingerprints("/content");
    expect(a.known("/content/a.yaml", stat())).toBeUndefined();
    a.record("/content/a.yaml", stat(), KEY);
    // Changed within RACY_MS of the record: its timestamp granule may hide a later change.
    a.record("/content/b.yaml", stat({ mtimeMs: T - RACY_MS + 1, ctimeMs: T - RACY_MS + 1 }), KEY);
    a.record("/content/c.yaml", stat({ ctimeMs: T - 10 }), KEY);
    a.save();
    now = T + 3_600_000;
    const b = cache.fingerprints("/content");
    expect(b.known("/content/a.yaml", stat())).toBe(KEY);
    expect(b.known("/content/b.yaml", stat({ mtimeMs: T - RACY_MS + 1, ctimeMs: T - RACY_MS + 1 }))).toBeUndefined();
    expect(b.known("/content/c.yaml", stat({ ctimeMs: T - 10 }))).toBeUndefined();
    for (const change of [{ size: 101 }, { mtimeMs: T - 59_000 }, { ctimeMs: T - 59_000 }, { ino: 8 }, { dev: 2 }])
      expect(b.known("/content/a.yaml", stat(change)), JSON.stringify(change)).toBeUndefined();
    // Another root, or the same path under another root, knows nothing of it.
    expect(cache.fingerprints("/other").known("/content/a.yaml", stat())).toBeUndefined();
  });

  it("keep only the files of the last load, and are not rewritten when nothing changed", () => {
    const cacheDir = tempDir("ctt-cache-");
    let now = T;
    const cache = new DirParseCache(cacheDir, { now: () => now });
    const a = cache.fingerprints("/content");
    a.record("/content/a.yaml", stat(), KEY);
    a.record("/content/b.yaml", stat(), KEY);
    a.save();
    const [index] = entries(cacheDir, "files");
    now += 60_000;
    const b = cache.fingerprints("/content");
    b.known("/content/a.yaml", stat());
    b.known("/content/b.yaml", stat());
    const written = readFileSync(join(cacheDir, index!), "utf8");
    writeFileSync(join(cacheDir, index!), written.replace("{", '{ "mark": 1, '));
    b.save();
    expect(readFileSync(join(cacheDir, index!), "utf8")).toContain('"mark"');
    const c = cache.fingerprints("/content");
    c.known("/content/a.yaml", stat());
    c.save();
    expect(Object.keys(JSON.parse(readFileSync(join(cacheDir, index!), "utf8")))).toEqual(["/content/a.yaml"]);
  });

  it("spare a warm load reading files whose stat is unchanged, and re-read those just written", () => {
    const dir = content();
    const cacheDir = tempDir("ctt-cache-");
    const opts = (cache: ParseCache): LoadOptions => ({ paths: [dir], cwd: dir, includeShipped: false, cache });
    loadContent(opts(new DirParseCache(cacheDir)));
    // Recorded by the real clock, the files were written just now: not to be trusted yet, so every one
    // is hashed again, and the pack, which needs every fingerprint, is not even looked for.
    const soon = new Spy(cacheDir);
    loadContent(opts(soon));
    expect(soon.packReads).toBe(0);
    expect(soon.gets).toBe(readdirSync(dir, { recursive: true }).filter((n) => String(n).endsWith(".yaml")).length);
    // Recorded a minute after they were written: the next load reads no file, nor any file's entry.
    loadContent(opts(new DirParseCache(cacheDir, { now: later })));
    const spy = new Spy(cacheDir);
    loadContent(opts(spy));
    expect(spy.packHits).toBe(1);
    expect(spy.gets).toBe(0);
  });
});

describe("pieces", () => {
  it("asciiJson writes any text as ASCII that parses back to the same value", () => {
    const value = { s: "é — “q” 🚀 \u2028 \ud800 ok", n: [1, -0.5, null], k: { "clé ✓": true } };
    const text = asciiJson(value);
    expect(text).toMatch(/^[\x20-\x7e]*$/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
