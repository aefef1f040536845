// validate --watch: an author saves a broken file and sees the new error at once, as an editor line;
// fixing it prints "fixed:".
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../tmp.js";

const CLI = join(import.meta.dirname, "../../dist/cli.js");
const GOOD = `scenarios:
  - id: watch-me
    domain: logging-monitoring
    requirement: Who deleted the bucket?
    keywords: [who]
    answer: management-events
    distractors:
      - { option: data-events, why: Bucket deletion is a control-plane call }
      - { option: insights-events, why: One deletion is not a rate anomaly }
    explanation: DeleteBucket is a management event.
    source: "seed: 2.1"
`;

describe("validate --watch", () => {
  it("reprints only what changed when a file is saved", async () => {
    const dir = tempDir("ctt-watch-");
    const file = join(dir, "mine.yaml");
    writeFileSync(file, GOOD);
    const child = spawn(process.execPath, [CLI, "validate", "--watch", dir], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    const waitFor = async (re: RegExp) => {
      const until = Date.now() + 10_000;
      while (!re.test(out)) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${re}; output:\n${out}`);
        await new Promise((r) => setTimeout(r, 30));
      }
    };
    try {
      await waitFor(/0 error\(s\)/);
      writeFileSync(file, GOOD.replace("answer: management-events", "answer: managment-events"));
      await waitFor(/mine\.yaml:6:\d+: error UNKNOWN_OPTION answer 'managment-events'/);
      expect(out.match(/UNKNOWN_OPTION/g)).toHaveLength(1);
      writeFileSync(file, GOOD);
      await waitFor(/fixed: mine\.yaml:6:\d+: error UNKNOWN_OPTION/);
    } finally {
      child.kill("SIGINT");
    }
    expect(await new Promise((r) => child.on("exit", r))).toBe(0);
  });
});
