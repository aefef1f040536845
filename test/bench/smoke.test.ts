// Benchmarks never run in `npm test` and never fail on a budget; this only checks that the suite
// runs end to end on tiny inputs and prints every figure with its baseline.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");

// About 20 s on an idle 2-core machine: room for a busy one, and the same limit for the child.
const BUDGET_MS = 120_000;

describe("bench/run.ts --quick", () => {
  it(
    "prints every benchmark as JSON",
    () => {
      // TSX_DISABLE_CACHE: tsx would otherwise leave its compile cache in the temp directory.
      const r = spawnSync(process.execPath, ["--import", "tsx", "bench/run.ts", "--quick", "--json"], {
        cwd: ROOT,
        encoding: "utf8",
        timeout: BUDGET_MS,
        env: { ...process.env, TSX_DISABLE_CACHE: "1" },
      });
      expect(r.status, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout) as { rows: Array<{ name: string; value: number }> };
      const names = doc.rows.map((x) => x.name).join("\n");
      const hasScript = spawnSync("script", ["--version"]).status === 0;
      for (const part of [
        ...(hasScript ? ["start-up to first frame", "--version", "validate shipped pack"] : []),
        "cold",
        "warm",
        "search per keystroke",
        "drill queue",
        "record one answer",
        "keystroke to frame, Home",
        "keystroke to frame, Search",
      ])
        expect(names).toContain(part);
      for (const row of doc.rows) expect(Number.isFinite(row.value), row.name).toBe(true);
    },
    BUDGET_MS + 5_000,
  );
});
