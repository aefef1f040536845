// The export and import tests' runner: the CLI in-process (runMain) without colour, and a fresh
// learner with their own data directory and content cache (removed after each test file, test/tmp.ts).
import { tempDir } from "../tmp.js";
import { runMain } from "./run-main.js";

export { tempDir };

export function run(argv: string[], env: NodeJS.ProcessEnv, opts: { input?: string; cwd?: string } = {}) {
  return runMain(argv, { ...opts, env: { NO_COLOR: "1", ...env } });
}

/** A fresh learner: their own data directory and content cache. */
export function learner(): NodeJS.ProcessEnv {
  return { CLOUDTRAIL_TUTOR_DATA: tempDir("ctt-data-"), CLOUDTRAIL_TUTOR_CACHE: tempDir("ctt-cache-") };
}
