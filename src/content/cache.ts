// A parsed-content cache in the user's cache directory, keyed by the hash of a file's bytes and of
// the program's code, so any edit (or upgrade) misses and re-parses. A warm start skips YAML parsing
// and schema checks. Each file's entry is two files: the items with where each starts (read every
// time) and every other position (read only if a pack-level problem must be located in that file).
// Failures to read or write the cache are ignored: it only ever saves time.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
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
}

interface MainEntry {
  data: ParsedFile["data"];
  problems: ParsedFile["problems"];
  starts: Record<string, [number, number]>;
  failedPack?: true;
}

export function cacheKey(bytes: Uint8Array): string {
  return createHash("sha256").update(`${FORMAT}:${CODE_HASH}:`).update(bytes).digest("hex").slice(0, 40);
}

const UNUSED_MS = 30 * 86_400_000;

function touch(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    /* read-only cache: it still works, it just cannot be pruned by use */
  }
}

export class DirParseCache implements ParseCache {
  private ready = false;
  private pruned = false;
  constructor(private readonly dir: string) {}

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
      if (!this.ready) {
        mkdirSync(this.dir, { recursive: true });
        this.ready = true;
      }
      const starts: Record<string, [number, number]> = {};
      for (const k in value.at) if (ITEM_START.test(k)) starts[k] = [value.at[k]!.line, value.at[k]!.col];
      // The positions first: a reader that finds the main entry can rely on them.
      this.write(`${key}.at.json`, JSON.stringify(value.at));
      const main = JSON.stringify({ data: value.data, problems: value.problems, starts, ...(value.failedPack ? { failedPack: true } : {}) });
      this.write(`${key}.json`, main);
      if (!this.pruned) {
        this.pruned = true;
        this.prune();
      }
      return this.view(key, JSON.parse(main) as MainEntry);
    } catch {
      /* a cache that cannot be written only costs time */
      return undefined;
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

  private write(name: string, text: string): void {
    const tmp = join(this.dir, `${name}.${process.pid}.tmp`);
    writeFileSync(tmp, text);
    renameSync(tmp, join(this.dir, name));
  }
}
