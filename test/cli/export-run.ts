// Run the CLI's main() in-process with captured streams, on temporary data and cache directories
// that `cleanup()` removes (the export and import tests' own runner).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { main } from "../../src/cli.js";

const made: string[] = [];

export function tempDir(prefix = "ctt-export-"): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

export function cleanup(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

export async function run(argv: string[], env: NodeJS.ProcessEnv, opts: { input?: string; cwd?: string } = {}) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (d) => (out += d));
  stderr.on("data", (d) => (err += d));
  stdin.end(opts.input ?? "");
  const code = await main(argv, { stdin, stdout, stderr, env: { NO_COLOR: "1", ...env }, cwd: opts.cwd ?? process.cwd() });
  return { code, out, err };
}

/** A fresh learner: their own data directory and content cache. */
export function learner(): NodeJS.ProcessEnv {
  return { CLOUDTRAIL_TUTOR_DATA: tempDir("ctt-data-"), CLOUDTRAIL_TUTOR_CACHE: tempDir("ctt-cache-") };
}
