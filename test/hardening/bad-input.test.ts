// Bad arguments and files get one line that says what to do, and exit 1 or 2 — never a stack trace
// (unless --debug asks for it).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runMain } from "../cli/run-main.js";
import { tempDir } from "../tmp.js";

const STACK = /\n\s+at .+:\d+:\d+/;

describe("bad arguments and files", () => {
  it.each([
    [["quizz"], 2, "did you mean 'quiz'"],
    [["quiz", "--cuont", "3"], 2, "did you mean --count"],
    [["quiz", "--count", "zero"], 2, "--count must be a whole number"],
    [["exam", "--minutes=-4"], 2, "--minutes must be a number"],
    [["quiz", "--content", "/no/such/dir"], 1, "cannot open content path '/no/such/dir'"],
    [["simulate", "--action", "s3:GetObject", "--config", "/no/such/file.json"], 1, "cannot read '/no/such/file.json'"],
    [["explain"], 2, "explain needs a FILE"],
    [["drill", "--retention", "2"], 2, "--retention must be a number from 0.7 to 0.97"],
    [["import", "progress"], 2, "import progress FILE"],
  ])("%j → exit %i with %j", async (argv, code, text) => {
    const r = await runMain(argv as string[]);
    expect(r.code).toBe(code);
    expect(r.err).toContain(text);
    expect(r.err).not.toMatch(STACK);
    expect(r.err.trim().split("\n").length).toBeLessThanOrEqual(2);
  });

  it("a data directory that cannot be written: drill stops with one line (exit 1), quiz warns and still runs", async () => {
    const file = join(tempDir("ctt-ro-"), "a-file");
    writeFileSync(file, "not a directory");
    const env = { CLOUDTRAIL_TUTOR_DATA: join(file, "data") };
    const d = await runMain(["drill"], { env });
    expect(d.code).toBe(1);
    expect(d.err).toMatch(/cannot write the progress store .* \(ENOTDIR\)/);
    expect(d.err).toContain("--data-dir");
    expect(d.err).not.toMatch(STACK);
    const q = await runMain(["quiz", "--count", "1", "--json"], { env, input: "1\n" });
    expect(q.code).toBe(0);
    expect(q.err).toContain("will not be saved");
  });

  it("--debug shows the stack of an error", async () => {
    const r = await runMain(["simulate", "--action", "nope:Nope", "--debug"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(STACK);
  });

  it("a file that is not trail configuration names the bad field", async () => {
    const file = join(tempDir("ctt-cfg-"), "cfg.json");
    writeFileSync(file, JSON.stringify({ trails: [{ Name: "t", EventSelectors: [{ ReadWriteType: "Sometimes" }] }] }));
    const r = await runMain(["simulate", "--action", "s3:GetObject", "--config", file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("trails[0].EventSelectors[0].ReadWriteType");
  });
});
