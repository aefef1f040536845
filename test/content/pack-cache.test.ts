// A warm load's shortcuts through the parsed-content cache: stat fingerprints (a file whose stat is
// unchanged is not read and hashed). They must miss on any change, and only ever cost time.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DirParseCache, type FileStat, type Fingerprints, type ParseCache, RACY_MS } from "../../src/content/cache.js";
import { loadContent } from "../../src/content/load.js";
import type { LoadOptions } from "../../src/content/load-core.js";
import { tempDir } from "../tmp.js";
import { scenarioYaml } from "./scenario-yaml.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/content");

/** A pack with problems of both severities beside sound files, and text past ASCII. */
function content(): string {
  const dir = tempDir("ctt-content-");
  cpSync(join(FIXTURES, "base"), dir, { recursive: true });
  for (const f of ["unknown-option.yaml", "duplicate-id.yaml", "unknown-domain.yaml", "answer-as-distractor.yaml", "wrong-enum.yaml"])
    cpSync(join(FIXTURES, "errors", f), join(dir, f));
  writeFileSync(
    join(dir, "scenarios.yaml"),
    `scenarios:\n${scenarioYaml({ id: "who-called", domain: "logging-monitoring", requirement: "Sécurité — who made the “call”? 🚀", keywords: ["who", "qui"], tag: "é" })}`,
  );
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
  vouched = 0;
  override get(key: string) {
    this.gets++;
    return super.get(key);
  }
  override fingerprints(root: string): Fingerprints {
    const f = super.fingerprints(root);
    return {
      ...f,
      known: (path, st) => {
        const key = f.known(path, st);
        if (key !== undefined) this.vouched++;
        return key;
      },
    };
  }
}

const entries = (dir: string, kind: string) => readdirSync(dir).filter((n) => n.endsWith(`.${kind}.json`));

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
    // is hashed again.
    const files = readdirSync(dir, { recursive: true }).filter((n) => String(n).endsWith(".yaml")).length;
    const soon = new Spy(cacheDir);
    const want = loadContent(opts(soon));
    expect(soon.vouched).toBe(0);
    // Recorded a minute after they were written: the next load reads none of them.
    loadContent(opts(new DirParseCache(cacheDir, { now: later })));
    const spy = new Spy(cacheDir);
    expect(loadContent(opts(spy))).toStrictEqual(want);
    expect(spy.vouched).toBe(files);
    expect(spy.gets).toBe(files);
  });
});
