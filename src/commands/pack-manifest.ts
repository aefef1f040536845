// Reading and writing the installed-packs manifest (data directory, packs/packs.json). Kept apart
// from the pack command so learner commands can read the choice of packs without loading git, tar
// or YAML code on their start-up path.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { EMPTY_MANIFEST, MANIFEST_FILE, ManifestError, parseManifest, type Manifest } from "../packs/manifest.js";
import { UserError } from "../shell/errors.js";

export function readManifest(dir: string): Manifest {
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) return EMPTY_MANIFEST;
  try {
    return parseManifest(readFileSync(file, "utf8"), file);
  } catch (err) {
    if (err instanceof ManifestError) throw new UserError(err.message, `fix or delete it; the packs themselves are in ${dir}`);
    throw err;
  }
}

export function writeManifest(dir: string, m: Manifest): void {
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${MANIFEST_FILE}.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(m, null, 2) + "\n");
  renameSync(tmp, join(dir, MANIFEST_FILE));
}
