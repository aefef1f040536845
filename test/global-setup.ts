// Builds dist/cli.js once before the tests that drive the real CLI (e2e, process tests).
import { execFileSync } from "node:child_process";

export default function setup() {
  execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
}
