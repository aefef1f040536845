// A parsed-content cache in the user's cache directory, keyed by the hash of a file's bytes and of
// the program's code, so any edit (or upgrade) misses and re-parses. A warm start skips YAML parsing
// and schema checks. Three kinds of entry, each named by a hash that includes FORMAT and CODE_HASH:
// - `KEY.json` + `KEY.at.json`, one file's parse (KEY: `cacheKey` of its bytes and of whether it
//   is a pack.yaml): the items with where each starts (read every time) and every other position
//   (read only if a pack-level problem must be located in that file).
// - `NAME.files.json`, one content root's stat fingerprints: absolute path → [size, mtimeMs,
//   ctimeMs, ino, dev, since, KEY], so a warm load finds a file's KEY without reading and hashing it.
//   Trusted only when the stat matches and the file last changed (mtime or ctime) more than
//   RACY_MS before `since` (when the record was begun): a change in the same timestamp granule as
//   the record would otherwise go unseen (git's "racy clean" rule). Anything else re-hashes.
// - `NAME.pack.json`, one load's built pack (NAME: the ordered display paths of its files): a first
//   line with the hash of those paths and each file's KEY, then, as JSON kept to ASCII (`\u`
//   escapes; read as Latin-1), the pack (its Maps as entry lists) and problems as `buildPack` +
//   `withLineText` made them. A load whose every file has a trusted fingerprint and whose key
//   matches reads this one entry instead of every file's. Written by a load whose every file came
//   from the cache (a warm run), so an edit rewrites the same slot.
// Every entry read is touched (a pack hit touches the file entries it was built from too) and the
// first write of a run prunes entries unused for a month. Failures to read or write the cache are
// ignored: it only ever saves time. FORMAT changes with the layout of any kind of entry (3: the
// per-file entries are as before; the fingerprint and pack entries came with names of their own).
import { isAscii } from "node:buffer";
import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AnswerOption, BuildResult, Origin, Pack } from "./pack.js";
import type { Located, ParsedFile } from "./parse-file.js";
import { ITEM_START } from "./sections.js";

declare const __CODE_HASH__: string | undefined;
/** Changes whenever the parser or schema might: the build defines it from the sources. */
export const CODE_HASH = typeof __CODE_HASH__ === "string" ? __CODE_HASH__ : "dev";
const FORMAT = 3;

export type CachedFile = Omit<ParsedFile, "file">;

export interface ParseCache {
  get(key: string): CachedFile | undefined;
  /** May return the entry as `get` would: the loader then keeps that rather than what it parsed. */
  set(key: string, value: CachedFile): CachedFile | undefined;
  /** Content keys by stat for the files of one content root (absolute): see `Fingerprints`. */
  fingerprints?(root: string): Fingerprints;
  /** The result of a load of these files (display path and content key each, in load order). */
  getPack?(files: readonly PackSource[]): BuildResult | undefined;
  setPack?(files: readonly PackSource[], result: BuildResult): void;
}

export interface PackSource {
  display: string;
  key: string;
}

/** The parts of a file's stat that any change of its bytes changes (ctime: even a reset mtime). */
export interface FileStat {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  dev: number;
}

/** What each file of a content root hashed to, and its stat then. */
export interface Fingerprints {
  /** `path`'s content key, when its stat is the one recorded and it last changed safely before the record. */
  known(path: string, st: FileStat): string | undefined;
  /** `path`, read after it had stat `st`, has content key `key`. */
  record(path: string, st: FileStat, key: string): void;
  /** Write the root's index if it changed: the files known or recorded in this load, no others. */
  save(): void;
}

/** A change this close before a record (ms) may share its timestamp granule: re-hash it (FAT: 2 s, plus skew). */
export const RACY_MS = 5_000;

type Fingerprint = [size: number, mtimeMs: number, ctimeMs: number, ino: number, dev: number, since: number, key: string];
const KEY = /^[0-9a-f]{40}$/;

function valid(e: unknown): e is Fingerprint {
  return Array.isArray(e) && e.length === 7 && e.slice(0, 6).every((n) => typeof n === "number") && typeof e[6] === "string" && KEY.test(e[6]);
}

interface MainEntry {
  data: ParsedFile["data"];
  problems: ParsedFile["problems"];
  starts: Record<string, [number, number]>;
  failedPack?: true;
}

/** A file's entry: its bytes, and whether it is a pack description (PACK_FILE: its parse differs). */
export function cacheKey(bytes: Uint8Array, packFile: boolean): string {
  return createHash("sha256")
    .update(`${FORMAT}:${CODE_HASH}:${packFile ? "pack:" : ""}`)
    .update(bytes)
    .digest("hex")
    .slice(0, 40);
}

/** The name of an entry that is not a file's parse: `kind` and `text` hashed with the format and code. */
function entryName(kind: string, text: string): string {
  return createHash("sha256").update(`${FORMAT}:${CODE_HASH}:${kind}:`).update(text).digest("hex").slice(0, 40);
}

/** A built pack as JSON: its Maps as lists of entries. */
type StoredPack = Omit<Pack, "options" | "origins"> & { options: Array<[string, AnswerOption]>; origins: Array<[string, Origin]> };

const UNUSED_MS = 30 * 86_400_000;

function touch(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    /* read-only cache: it still works, it just cannot be pruned by use */
  }
}

export interface DirParseCacheOptions {
  /** The clock fingerprints are recorded by (tests: a load long after the files were written). */
  now?: () => number;
}

export class DirParseCache implements ParseCache {
  private ready = false;
  private pruned = false;
  private readonly now: () => number;
  constructor(
    private readonly dir: string,
    options: DirParseCacheOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  get(key: string): CachedFile | undefined {
    let main: MainEntry;
    try {
      main = JSON.parse(readFileSync(join(this.dir, `${key}.json`), "utf8"));
    } catch {
      return undefined;
    }
    touch(join(this.dir, `${key}.json`));
    touch(join(this.dir, `${key}.at.json`));
    return this.view(key, main);
  }

  /**
   * Store an entry, and return it as a later `get` will (undefined when it could not be written):
   * the caller can hold that instead of what it parsed.
   */
  set(key: string, value: CachedFile): CachedFile | undefined {
    try {
      const starts: Record<string, [number, number]> = {};
      for (const k in value.at) if (ITEM_START.test(k)) starts[k] = [value.at[k]!.line, value.at[k]!.col];
      // The positions first: a reader that finds the main entry can rely on them.
      this.write(`${key}.at.json`, JSON.stringify(value.at));
      const main = JSON.stringify({ data: value.data, problems: value.problems, starts, ...(value.failedPack ? { failedPack: true } : {}) });
      this.write(`${key}.json`, main);
      return this.view(key, JSON.parse(main) as MainEntry);
    } catch {
      /* a cache that cannot be written only costs time */
      return undefined;
    }
  }

  fingerprints(root: string): Fingerprints {
    const name = `${entryName("files", root)}.files.json`;
    // Taken before any file of the root is read: a file changed after this has a later stat.
    const since = this.now();
    const old = new Map<string, Fingerprint>();
    try {
      const stored = JSON.parse(readFileSync(join(this.dir, name), "utf8")) as Record<string, unknown>;
      for (const [path, e] of Object.entries(stored)) if (valid(e)) old.set(path, e);
      touch(join(this.dir, name));
    } catch {
      /* none yet, or unreadable: every file is read and hashed */
    }
    const seen = new Map<string, Fingerprint>();
    let changed = false;
    return {
      known: (path, st) => {
        const e = old.get(path);
        if (!e || e[0] !== st.size || e[1] !== st.mtimeMs || e[2] !== st.ctimeMs || e[3] !== st.ino || e[4] !== st.dev) return undefined;
        if (Math.max(st.mtimeMs, st.ctimeMs) >= e[5] - RACY_MS) return undefined;
        seen.set(path, e);
        return e[6];
      },
      record: (path, st, key) => {
        seen.set(path, [st.size, st.mtimeMs, st.ctimeMs, st.ino, st.dev, since, key]);
        changed = true;
      },
      save: () => {
        if (!changed && seen.size === old.size) return;
        try {
          this.write(name, JSON.stringify(Object.fromEntries(seen)));
        } catch {
          /* the next load hashes again */
        }
      },
    };
  }

  getPack(files: readonly PackSource[]): BuildResult | undefined {
    const { name, key } = packEntry(files);
    let result: BuildResult;
    try {
      const bytes = readFileSync(join(this.dir, name));
      // ASCII only (see setPack), so read as Latin-1: no UTF-8 decoding, and a string this large is
      // held outside V8's heap, which the parse then does not copy about.
      if (!isAscii(bytes) || bytes.toString("latin1", 0, key.length + 1) !== `${key}\n`) return undefined;
      const stored = JSON.parse(bytes.toString("latin1", key.length + 1)) as { pack: StoredPack; problems: BuildResult["problems"] };
      if (!Array.isArray(stored.problems) || !Array.isArray(stored.pack?.options) || !Array.isArray(stored.pack.origins)) return undefined;
      result = { pack: { ...stored.pack, options: new Map(stored.pack.options), origins: new Map(stored.pack.origins) }, problems: stored.problems };
    } catch {
      return undefined;
    }
    // The file entries it was built from stay as long as it is used: an edit of one file re-parses only that one.
    touch(join(this.dir, name));
    for (const f of files) {
      touch(join(this.dir, `${f.key}.json`));
      touch(join(this.dir, `${f.key}.at.json`));
    }
    return result;
  }

  setPack(files: readonly PackSource[], result: BuildResult): void {
    const { name, key } = packEntry(files);
    const { pack, problems } = result;
    const stored: StoredPack = { ...pack, options: [...pack.options], origins: [...pack.origins] };
    try {
      this.write(name, `${key}\n`, asciiJson({ pack: stored, problems }));
    } catch {
      /* a cache that cannot be written only costs time */
    }
  }

  /** An entry as read: its items, and every position read from disk only when first asked for. */
  private view(key: string, main: MainEntry): CachedFile {
    const starts: Record<string, Located> = {};
    for (const k in main.starts) starts[k] = { line: main.starts[k]![0], col: main.starts[k]![1] };
    const file = join(this.dir, `${key}.at.json`);
    let at: Record<string, Located> | undefined;
    return {
      data: main.data,
      problems: main.problems,
      ...(main.failedPack ? { failedPack: true as const } : {}),
      starts,
      get at(): Record<string, Located> {
        if (!at) {
          try {
            at = JSON.parse(readFileSync(file, "utf8")) as Record<string, Located>;
          } catch {
            at = starts;
          }
        }
        return at;
      },
    };
  }

  /**
   * Content changes leave old entries behind. Each use refreshes an entry's time (see `touch`); the
   * first time an entry is written in a run, entries unused for a month go. The cache stays the size
   * of what is used.
   */
  private prune(now = Date.now()): void {
    for (const name of readdirSync(this.dir)) {
      const file = join(this.dir, name);
      try {
        if (now - statSync(file).mtimeMs > UNUSED_MS) unlinkSync(file);
      } catch {
        /* gone already, or not ours to remove */
      }
    }
  }

  /** Write an entry whole or not at all (a reader never sees half of one); the first write of a run prunes. */
  private write(name: string, ...parts: string[]): void {
    if (!this.ready) {
      mkdirSync(this.dir, { recursive: true });
      this.ready = true;
    }
    const tmp = join(this.dir, `${name}.${process.pid}.tmp`);
    const fd = openSync(tmp, "w");
    try {
      // By parts, so a large entry is never joined into one more copy of itself.
      for (const part of parts) writeFileSync(fd, part);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, join(this.dir, name));
    if (!this.pruned) {
      this.pruned = true;
      try {
        this.prune();
      } catch {
        /* pruned by a later run */
      }
    }
  }
}

/** JSON with every character past ASCII escaped (`\\u00e9`): the same value, in bytes that read as Latin-1. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A load's slot (its files' display paths, in order: problems carry them) and key (each file's content too). */
function packEntry(files: readonly PackSource[]): { name: string; key: string } {
  const displays = JSON.stringify(files.map((f) => f.display));
  return { name: `${entryName("pack", displays)}.pack.json`, key: entryName("pack-key", JSON.stringify(files.map((f) => [f.display, f.key]))) };
}
