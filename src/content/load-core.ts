// The only part of content/ that touches the file system: find the YAML files of each content
// directory, read them, and hand the bytes to the pure parser and pack builder. The parser (YAML +
// zod, the heavy part) is passed in, so a start-up whose files all come from the parsed-content
// cache never loads it: see `loadContentLazily`.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildPack, type BuildResult } from "./pack.js";
import { type CachedFile, cacheKey, type Fingerprints, type PackSource, type ParseCache } from "./cache.js";
import { MAX_FILE_BYTES, tooLargeMessage } from "./limits.js";
import { readCapped } from "../shell/read-capped.js";
import type { ParsedFile } from "./parse-file.js";
import type { Problem, ProblemCode } from "./problem.js";
import { emptyData, PACK_FILE } from "./sections.js";

/** Thrown by the stand-in parser of a lazy load: some file missed the cache. */
class NeedsParser extends Error {}

/** Bytes → parsed file (src/content/parse-file.ts). */
export type Parser = (display: string, bytes: Uint8Array) => ParsedFile;

/** The pack shipped with the tutor: `content/cloudtrail` beside `dist/` (or `src/`). */
export function shippedContentDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, "content", "cloudtrail");
    if (existsSync(join(candidate, "pack.yaml"))) return candidate;
    dir = dirname(dir);
  }
  throw new Error("the shipped content pack (content/cloudtrail) was not found next to the program");
}

/**
 * YAML files under a directory, sorted for a stable load order; JSON Schemas are skipped. Sorted by
 * code unit, not `localeCompare`: the order (which decides, say, which of two same-id items a pack
 * reports as the duplicate) is then the same on every machine whatever its locale, and a warm load
 * does not wait for ICU to build a collator (about 13 ms).
 */
export function listContentFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, depth: number) => {
    if (depth > 8) return;
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith(".") || entry.name === "node_modules" || entry.name === "schema") continue;
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p, depth + 1);
      else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) out.push(p);
    }
  };
  walk(dir, 0);
  return out;
}

export interface LoadOptions {
  /** Content directories or single files; default: the shipped pack. */
  paths?: string[];
  /** Include the shipped pack before `paths` (learners: yes; `validate PATH`: no). */
  includeShipped?: boolean;
  /** Display file names relative to this directory (default: the current directory). */
  cwd?: string;
  /** Parsed files by content hash (a warm start skips parsing). */
  cache?: ParseCache;
}

function refused(display: string, code: ProblemCode, message: string, hint: string): ParsedFile {
  return {
    file: display,
    data: emptyData(),
    at: {},
    problems: [{ file: display, line: 0, col: 0, code, message, hint, severity: "error" }],
  };
}

/** Read and parse one file (or take it from the cache); problems reading it come back as values. */
export function readContentFile(parse: Parser, path: string, display: string, cache?: ParseCache): ParsedFile {
  return readSource(parse, path, display, cache).file;
}

/** One file read: its content key when it has one (a refused file has none), and whether its parse came from the cache. */
interface Read {
  file: ParsedFile;
  key?: string;
  hit: boolean;
}

/** `readContentFile`, with the file's stat fingerprint (which may spare reading and hashing it) and what the cache did. */
function readSource(parse: Parser, path: string, display: string, cache?: ParseCache, prints?: Fingerprints): Read {
  try {
    const st = statSync(path);
    // A device, a FIFO or /dev/zero named as a content path is never read (it has no end).
    if (!st.isFile())
      return { file: refused(display, "NOT_A_FILE", `'${display}' is not a regular file`, "give a content directory or a .yaml file"), hit: false };
    if (st.size > MAX_FILE_BYTES)
      return {
        file: refused(display, "FILE_TOO_LARGE", tooLargeMessage(st.size), "split the content into several smaller files in the same folder"),
        hit: false,
      };
    // A stat that vouches for the content spares reading and hashing it (unless its entry is gone).
    const known = cache ? prints?.known(path, st) : undefined;
    const knownHit = known === undefined ? undefined : cache!.get(known);
    if (knownHit) return { file: asFile(knownHit, display), key: known, hit: true };
    const bytes = readCapped(path, MAX_FILE_BYTES);
    if (bytes.length > MAX_FILE_BYTES)
      return {
        file: refused(display, "FILE_TOO_LARGE", tooLargeMessage(bytes.length), "split the content into several smaller files in the same folder"),
        hit: false,
      };
    if (!cache) return { file: parse(display, bytes), hit: false };
    const key = cacheKey(bytes, PACK_FILE.test(display));
    // The stat from before the read: a change during it makes the next stat differ.
    prints?.record(path, st, key);
    const hit = cache.get(key);
    if (hit) return { file: asFile(hit, display), key, hit: true };
    const parsed = parse(display, bytes);
    const stored = cache.set(key, { data: parsed.data, at: parsed.at, problems: parsed.problems, ...(parsed.failedPack ? { failedPack: true as const } : {}) });
    // Hold what later runs will read rather than what was parsed: the same items (a warm load equals
    // a cold one), but in compact strings of their own instead of slices that keep each file's whole
    // text alive, and with positions read only if a problem must be located. A first run's heap
    // stays near a warm run's.
    return { file: stored ? asFile(stored, display) : parsed, key, hit: false };
  } catch (err) {
    if (err instanceof NeedsParser) throw err;
    return {
      file: {
        file: display,
        data: emptyData(),
        at: {},
        problems: [
          {
            file: display,
            line: 0,
            col: 0,
            code: "READ_ERROR",
            message: `cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
            hint: "check that the file exists and that you may read it",
            severity: "error",
          },
        ],
      },
      hit: false,
    };
  }
}

/** A cache entry as the parsed file `display`. Keeps the lazy `at` getter: spread would read it. */
function asFile(entry: CachedFile, display: string): ParsedFile {
  return Object.assign(entry, { file: display, problems: entry.problems.map((p) => ({ ...p, file: display })) });
}

/** The parser, or a stand-in for it when a lazy load found every file in the cache. */
export function loadContentWith(parse: Parser, options: LoadOptions = {}): BuildResult {
  const cwd = options.cwd ?? process.cwd();
  const cache = options.cache;
  const roots = [...(options.includeShipped !== false ? [shippedContentDir()] : []), ...(options.paths ?? [])];
  const sources: Source[] = [];
  const problems: Problem[] = [];
  for (const root of roots) {
    const abs = resolve(cwd, root);
    let list: string[];
    try {
      list = statSync(abs).isDirectory() ? listContentFiles(abs) : [abs];
    } catch (err) {
      problems.push({
        file: root,
        line: 0,
        col: 0,
        code: "CONTENT_DIR_MISSING",
        message: `cannot open content path '${root}' (${(err as NodeJS.ErrnoException).code ?? "error"})`,
        hint: "pass an existing directory of YAML files to --content",
        severity: "error",
      });
      continue;
    }
    if (list.length === 0) {
      problems.push({
        file: root,
        line: 0,
        col: 0,
        code: "NO_CONTENT_FILES",
        message: `no .yaml files in '${root}'`,
        hint: "put scenario, fact or service files (.yaml) in the directory",
        severity: "warning",
      });
    }
    const prints = cache?.fingerprints?.(abs);
    for (const file of list) sources.push({ path: file, display: displayPath(cwd, file), prints });
  }
  // Problems about the roots come first and are found afresh; the rest is the same for the same files.
  const built = (cache && builtFromCache(cache, sources)) || build(parse, sources, cwd, cache);
  for (const prints of new Set(sources.map((s) => s.prints))) prints?.save();
  return { pack: built.pack, problems: [...problems, ...built.problems] };
}

interface Source {
  path: string;
  display: string;
  prints: Fingerprints | undefined;
}

/** The built pack of these files, when every file's stat vouches for its content key and the cache holds their pack. */
function builtFromCache(cache: ParseCache, sources: readonly Source[]): BuildResult | undefined {
  if (!cache.getPack || sources.length === 0) return undefined;
  const keys: PackSource[] = [];
  for (const s of sources) {
    let key: string | undefined;
    try {
      const st = statSync(s.path);
      key = st.isFile() && st.size <= MAX_FILE_BYTES ? s.prints?.known(s.path, st) : undefined;
    } catch {
      /* read (and reported) below */
    }
    if (key === undefined) return undefined;
    keys.push({ display: s.display, key });
  }
  return cache.getPack(keys);
}

/** Read (or take from the cache) every file and build the pack; a load whose every file came from the cache stores the pack. */
function build(parse: Parser, sources: readonly Source[], cwd: string, cache: ParseCache | undefined): BuildResult {
  const read = sources.map((s) => readSource(parse, s.path, s.display, cache, s.prints));
  const files = read.map((r) => r.file);
  const result = buildPack(files);
  const built = { pack: result.pack, problems: withLineText(result.problems, files, cwd) };
  // Not on a run that parsed: its peak memory is the one to keep down, and a file being edited
  // (validate --watch) would rewrite the whole pack on every save. The next warm run stores it.
  if (cache?.setPack && read.length > 0 && read.every((r) => r.hit))
    cache.setPack(
      read.map((r, i) => ({ display: sources[i]!.display, key: r.key! })),
      built,
    );
  return built;
}

/** Pack-level problems carry a position only: read their source lines back for the caret display. */
function withLineText(problems: Problem[], files: readonly ParsedFile[], cwd: string): Problem[] {
  const texts = new Map<string, string[] | undefined>();
  return problems.map((p) => {
    if (p.lineText !== undefined || p.line <= 0 || !files.some((f) => f.file === p.file)) return p;
    if (!texts.has(p.file)) {
      try {
        texts.set(p.file, readFileSync(resolve(cwd, p.file), "utf8").split(/\r?\n/));
      } catch {
        texts.set(p.file, undefined);
      }
    }
    const line = texts.get(p.file)?.[p.line - 1];
    return line === undefined ? p : { ...p, lineText: line.slice(0, 200) };
  });
}

function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel.startsWith("..") || rel === "" ? file : rel;
}

/**
 * Load without importing the parser unless a file misses the cache: a warm start never pays for
 * YAML and zod. Same result as `loadContent`.
 */
export async function loadContentLazily(options: LoadOptions = {}): Promise<BuildResult> {
  if (options.cache) {
    try {
      return loadContentWith(() => {
        throw new NeedsParser();
      }, options);
    } catch (err) {
      if (!(err instanceof NeedsParser)) throw err;
    }
  }
  const [{ parseContentBytes }, v8] = await Promise.all([import("./parse-file.js"), import("node:v8")]);
  return withBoundedHeapGrowth(v8.setFlagsFromString, () => loadContentWith(parseContentBytes, options));
}

/**
 * How far V8 may grow the heap past what a full collection left alive, while files are parsed: 1.5×.
 * Parsing a large pack leaves little alive (the items) but much garbage (each file's YAML document
 * lives long enough to be promoted), and V8, seeing a fast-allocating program, lets the heap grow up
 * to 4× the live size between full collections: a 10,000-scenario pack's first run peaked at 265 MB
 * that way. Bounded, it collects a few more times (each cheap: little is alive) and peaks near the
 * warm run's figure. A collection after every file cost 50% more time; this costs far less.
 */
export const PARSE_HEAP_GROWING_PERCENT = 50;

/** Run `fn` with V8's heap growth bounded (see above), then give V8 back its own judgement. */
export function withBoundedHeapGrowth<T>(setFlags: (flags: string) => void, fn: () => T): T {
  // Someone who set the flag themselves (NODE_OPTIONS, node's command line) keeps their value.
  const own = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].some((a) => /heap[-_]growing[-_]percent/.test(a));
  if (own) return fn();
  try {
    setFlags(`--heap-growing-percent=${PARSE_HEAP_GROWING_PERCENT}`);
  } catch {
    return fn();
  }
  try {
    return fn();
  } finally {
    try {
      setFlags("--heap-growing-percent=0");
    } catch {
      /* the bound stays: it only costs a few collections */
    }
  }
}
