// Installed packs: what `pack add` recorded of each (id, version, where it came from, when) and the
// learner's remembered choice of packs, kept as one small JSON file in the data directory; plus the
// rules that decide where a pack comes from and whether this tutor can read it. Pure: the pack
// command reads and writes the files.
import { z } from "zod";

export const SHIPPED_PACK_ID = "cloudtrail";
export const MANIFEST_FILE = "packs.json";
export const PACKS_DIR = "packs";

export type OriginKind = "dir" | "tgz" | "git";

const Installed = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  version: z.string(),
  title: z.string(),
  origin: z.string().min(1),
  kind: z.enum(["dir", "tgz", "git"]),
  addedAt: z.string(),
  updatedAt: z.string().optional(),
});
export const Manifest = z.strictObject({
  version: z.literal(1),
  packs: z.array(Installed).default([]),
  /** The packs learner commands use when no --pack is given; empty means the shipped pack. */
  chosen: z.array(z.string()).default([]),
});
export type InstalledPack = z.infer<typeof Installed>;
export type Manifest = z.infer<typeof Manifest>;

export const EMPTY_MANIFEST: Manifest = { version: 1, packs: [], chosen: [] };

export function parseManifest(text: string, file: string): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ManifestError(`${file} is not valid JSON (${(err as Error).message})`);
  }
  const r = Manifest.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new ManifestError(`${file}: ${i.path.join(".") || "(top)"}: ${i.message}`);
  }
  return r.data;
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
