// An error that escapes the screens leaves the terminal as it was (alternate screen off, cursor
// shown, raw mode off) and is told in one line, whether it is thrown while rendering (Ink's error
// boundary) or outside React (a key handler, a timer: an uncaught exception).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { runInteractive } from "../../src/ui/run.js";
import { shippedPack } from "../ui/helpers.js";

const ROOT = join(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "ctt-crash-"));
afterAll(() => (process.env.KEEP ? undefined : rmSync(dir, { recursive: true, force: true })));
const LEAVE_ALT = "\u001b[?1049l";
const SHOW_CURSOR = "\u001b[?25h";

function fakeTty() {
  const raw: boolean[] = [];
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: (m: boolean) => raw.push(m), ref() {}, unref() {} });
  const stdout = Object.assign(new PassThrough(), { isTTY: true, columns: 100, rows: 30 });
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (d) => (out += d));
  stderr.on("data", (d) => (err += d));
  return { stdin, stdout, stderr, raw, out: () => out, err: () => err };
}

describe("an error in the TUI", () => {
  it("thrown while a screen renders: exit 1, terminal restored, one line", async () => {
    const t = fakeTty();
    const progress = {
      recordAttempt() {},
      attempts: () => [],
      dueCount: () => {
        throw new Error("the store fell over");
      },
    };
    const code = await runInteractive(
      {
        args: [],
        globals: { content: [], plain: false, color: false, screenReader: false, debug: false },
        stdin: t.stdin as never,
        stdout: t.stdout as never,
        stderr: t.stderr,
        env: {},
        cwd: ROOT,
      },
      shippedPack(),
      { screen: "home", progress },
    );
    expect(code).toBe(1);
    const tail = t.out().slice(t.out().lastIndexOf(LEAVE_ALT));
    expect(tail).toContain(SHOW_CURSOR);
    expect(t.raw.at(-1)).toBe(false);
    expect(t.err().trim().split("\n")).toEqual([expect.stringContaining("unexpected error: the store fell over")]);
  });

  it("thrown outside React (an uncaught exception): exit 1, terminal restored, one line", () => {
    const script = join(dir, "crash.mts");
    writeFileSync(
      script,
      `import { PassThrough } from "node:stream";
import { loadContent } from "${join(ROOT, "src/content/load.ts")}";
import { runInteractive } from "${join(ROOT, "src/ui/run.ts")}";
const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: (m: boolean) => process.stderr.write("raw:" + m + "\\n"), ref() {}, unref() {} });
const stdout = Object.assign(process.stdout, { isTTY: true, columns: 100, rows: 30 });
setTimeout(() => { throw new Error("a key handler broke"); }, 300);
void runInteractive({ args: [], globals: { content: [], plain: false, color: false, screenReader: false, debug: false }, stdin, stdout, stderr: process.stderr, env: {}, cwd: "${ROOT}" } as never, loadContent({}).pack, { screen: "home" });
`,
    );
    const r = spawnSync(process.execPath, ["--import", "tsx", script], { cwd: ROOT, encoding: "utf8", timeout: 15_000 });
    expect(r.status).toBe(1);
    expect(r.stdout.slice(r.stdout.lastIndexOf(LEAVE_ALT))).toContain(SHOW_CURSOR);
    // (Ink's own cursor restorer may add a bare show-cursor sequence on exit: not a line of text.)
    const lines = r.stderr
      .trim()
      .split("\n")
      .filter((l) => l.replace(/\u001b\[\?25h/g, "") !== "");
    expect(lines.at(-2)).toBe("raw:false");
    expect(lines.at(-1)).toMatch(/^cloudtrail-tutor: the screen stopped on an unexpected error: a key handler broke/);
    expect(lines.filter((l) => !l.startsWith("raw:"))).toHaveLength(1);
  });
});
