// Temporary directories for tests: every one made here is removed when its test file ends
// (test/setup.ts registers the afterAll for every file), so a run leaves nothing in the temp dir.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const made = new Set<string>();

/** A fresh directory under the system's temp dir, removed after the test file. */
export function tempDir(prefix = "ctt-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/** Remove every directory `tempDir` made (and not yet removed); errors only when one survives. */
export function removeTempDirs(): void {
  const left: string[] = [];
  for (const dir of made) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
      made.delete(dir);
    } catch (err) {
      left.push(`${dir} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
  }
  if (left.length) throw new Error(`temporary directories left behind: ${left.join(", ")}`);
}
