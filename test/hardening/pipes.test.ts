// A reader that closed its end of the pipe ends the command quietly with exit 0 (as git does), on
// stdout and on stderr: no EPIPE stack, for every kind of command. The reader (`true`) has exited
// before the tutor starts, so every write meets a closed pipe.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const CLI = join(import.meta.dirname, "../../dist/cli.js");
const dir = mkdtempSync(join(tmpdir(), "ctt-pipes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const records = join(dir, "records.json");
writeFileSync(
  records,
  JSON.stringify({
    Records: Array.from({ length: 2000 }, (_, i) => ({
      eventVersion: "1.08",
      eventTime: "2026-01-01T00:00:00Z",
      eventSource: "s3.amazonaws.com",
      eventName: i % 2 ? "GetObject" : "ListBuckets",
    })),
  }),
);

/** Run the CLI with the given stream (1 stdout, 2 stderr) into a pipe whose reader already left. */
function intoClosedPipe(args: string, fd: 1 | 2): Promise<{ code: number; err: string }> {
  const redirect = fd === 1 ? "2>&3" : "2>&1 >/dev/null 3>/dev/null";
  const script = `exec 3>&2; (sleep 0.3; exec "${process.execPath}" "${CLI}" ${args} ${redirect}) | true; echo "status=\${PIPESTATUS[0]}" >&3`;
  return new Promise((resolve) => {
    execFile(
      "bash",
      ["-c", script],
      { env: { ...process.env, CLOUDTRAIL_TUTOR_DATA: join(dir, "data"), CLOUDTRAIL_TUTOR_CACHE: join(dir, "cache"), NO_COLOR: "1" } },
      (_e, _out, stderr) => {
        const m = /status=(\d+)/.exec(stderr);
        resolve({ code: Number(m?.[1] ?? -1), err: stderr.replace(/status=\d+\n?/, "") });
      },
    );
  });
}

const STDOUT_COMMANDS = [
  "--version",
  "--help",
  "search cloudtrail",
  "simulate --action s3:GetObject",
  "simulate --action s3:GetObject --json",
  `explain ${records}`,
  `simulate --batch ${records}`,
  "validate",
  "export anki",
  "stats --json",
  "simulate insights",
  "quiz --help",
];
const STDERR_COMMANDS = ["quizz", "simulate --action nope:Nope", "explain /no/such/file.json"];

describe.concurrent("closed pipes", () => {
  it.each(STDOUT_COMMANDS)("stdout closed: %s ends quietly with exit 0", async (args) => {
    const r = await intoClosedPipe(args, 1);
    expect(r.err).not.toMatch(/EPIPE|at .+:\d+:\d+|Error/);
    expect(r.code).toBe(0);
  });

  it.each(STDERR_COMMANDS)("stderr closed: %s ends quietly with exit 0", async (args) => {
    const r = await intoClosedPipe(args, 2);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
  });
});
