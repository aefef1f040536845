// Without a terminal the home screen explains what to do instead of crashing.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const CLI = join(import.meta.dirname, "../../dist/cli.js");

describe("cloudtrail-tutor with no terminal", () => {
  it("prints a helpful message and exits 2, with no stack trace", () => {
    const r = spawnSync(process.execPath, [CLI], { input: "", encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("needs an interactive terminal");
    expect(r.stderr).toContain("quiz --plain");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe("");
  });
});
