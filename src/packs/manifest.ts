// Installed packs: what `pack add` recorded of each (id, version, where it came from, when) and the
// learner's remembered choice of packs, kept as one small JSON file in the data directory; plus the
// rules that decide where a pack comes from and whether this tutor can read it. Pure: the pack
// command reads and writes the files.
// Checked by hand rather than with zod: every learner command reads this file before its first
// frame, and zod is 450 KB of code to compile.

export const SHIPPED_PACK_ID = "cloudtrail";
export const MANIFEST_FILE = "packs.json";
export const PACKS_DIR = "packs";

export type OriginKind = "dir" | "tgz" | "git";

export interface InstalledPack {
  id: string;
  version: string;
  title: string;
  origin: string;
  kind: OriginKind;
  addedAt: string;
  updatedAt?: string;
}
export interface Manifest {
  version: 1;
  packs: InstalledPack[];
  /** The packs learner commands use when no --pack is given; empty means the shipped pack. */
  chosen: string[];
}

export const EMPTY_MANIFEST: Manifest = { version: 1, packs: [], chosen: [] };

const PACK_ID = /^[a-z0-9][a-z0-9-]*$/;
const ORIGIN_KINDS: readonly string[] = ["dir", "tgz", "git"];
const PACK_FIELDS = ["id", "version", "title", "origin", "kind", "addedAt", "updatedAt"];

/** The first thing wrong with a manifest, as `path: message`, or undefined when it is sound. */
function manifestIssue(raw: unknown): string | undefined {
  const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  const kindOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
  const expected = (path: string, want: string, v: unknown) => `${path}: expected ${want}, received ${kindOf(v)}`;
  const unknownKeys = (path: string, m: Record<string, unknown>, known: readonly string[]) => {
    const extra = Object.keys(m).filter((k) => !known.includes(k));
    return extra.length ? `${path}: unrecognized key(s): ${extra.map((k) => `"${k}"`).join(", ")}` : undefined;
  };
  if (!isMap(raw)) return expected("(top)", "object", raw);
  const top = unknownKeys("(top)", raw, ["version", "packs", "chosen"]);
  if (top) return top;
  if (raw.version !== 1) return `version: expected 1`;
  if (raw.packs !== undefined) {
    if (!Array.isArray(raw.packs)) return expected("packs", "array", raw.packs);
    for (const [i, p] of raw.packs.entries()) {
      const at = `packs.${i}`;
      if (!isMap(p)) return expected(at, "object", p);
      for (const key of PACK_FIELDS) {
        const v = p[key];
        if (key === "updatedAt" && v === undefined) continue;
        if (typeof v !== "string") return expected(`${at}.${key}`, "string", v);
        if (key === "id" && !PACK_ID.test(v)) return `${at}.id: must match ${PACK_ID}`;
        if (key === "origin" && v.length === 0) return `${at}.origin: must not be empty`;
        if (key === "kind" && !ORIGIN_KINDS.includes(v)) return `${at}.kind: expected one of ${ORIGIN_KINDS.map((k) => `"${k}"`).join(" | ")}`;
      }
      const extra = unknownKeys(at, p, PACK_FIELDS);
      if (extra) return extra;
    }
  }
  if (raw.chosen !== undefined) {
    if (!Array.isArray(raw.chosen)) return expected("chosen", "array", raw.chosen);
    for (const [i, c] of raw.chosen.entries()) if (typeof c !== "string") return expected(`chosen.${i}`, "string", c);
  }
  return undefined;
}

export function parseManifest(text: string, file: string): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ManifestError(`${file} is not valid JSON (${(err as Error).message})`);
  }
  const issue = manifestIssue(raw);
  if (issue) throw new ManifestError(`${file}: ${issue}`);
  const m = raw as Partial<Manifest> & { version: 1 };
  return {
    version: 1,
    packs: (m.packs ?? []).map((p) => ({ ...p })),
    chosen: [...(m.chosen ?? [])],
  };
}

export class ManifestError extends Error {}

/** What kind of source `pack add` was given: a git URL, a .tgz file, or a directory. */
export function originKind(source: string, isDirectory: boolean): OriginKind | undefined {
  if (/^(git@|git:\/\/|ssh:\/\/)/.test(source) || /^(https?|file):\/\/.+/.test(source) || /\.git\/?$/.test(source))
    return isDirectory && !source.includes("://") ? "dir" : "git";
  if (/\.(tgz|tar\.gz)$/i.test(source)) return "tgz";
  return isDirectory ? "dir" : undefined;
}

/** Does this tutor's version satisfy a pack's `requires` (">=1.2.0", "^0.1", "1.2.3" or "*")? */
export function satisfies(version: string, range: string | undefined): boolean {
  if (range === undefined || range.trim() === "" || range.trim() === "*") return true;
  const v = parts(version);
  const r = range.trim();
  const m = /^(>=|\^|~|=)?\s*v?(\d+(?:\.\d+){0,2})$/.exec(r);
  if (!m) return false;
  const want = parts(m[2]!);
  const cmp = compare(v, want);
  switch (m[1]) {
    case ">=":
      return cmp >= 0;
    case "^":
      return cmp >= 0 && (want[0]! > 0 ? v[0] === want[0] : want[1]! > 0 ? v[0] === 0 && v[1] === want[1] : v[0] === 0 && v[1] === 0 && v[2] === want[2]);
    case "~":
      return cmp >= 0 && v[0] === want[0] && v[1] === want[1];
    default:
      return cmp === 0;
  }
}

/** Is a `requires` value one `satisfies` can read? (checked when the pack is added) */
export function isRange(range: string): boolean {
  return range.trim() === "*" || /^(>=|\^|~|=)?\s*v?\d+(?:\.\d+){0,2}$/.test(range.trim());
}

function parts(v: string): [number, number, number] {
  const [a = 0, b = 0, c = 0] = v
    .replace(/^v/, "")
    .split(/[.+-]/)
    .map((x) => Number.parseInt(x, 10) || 0);
  return [a, b, c];
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** Which packs to load: explicit --pack ids, else the remembered choice, else the shipped pack. */
export function chosenPacks(explicit: readonly string[], manifest: Manifest): string[] {
  if (explicit.length) return [...new Set(explicit)];
  if (manifest.chosen.length) return [...manifest.chosen];
  return [SHIPPED_PACK_ID];
}

/** The ids a learner may choose, and a message for one that is not among them. */
export function unknownPack(id: string, manifest: Manifest): string | undefined {
  if (id === SHIPPED_PACK_ID || manifest.packs.some((p) => p.id === id)) return undefined;
  const known = [SHIPPED_PACK_ID, ...manifest.packs.map((p) => p.id)];
  return `no pack '${id}' is installed (installed: ${known.join(", ")})`;
}
