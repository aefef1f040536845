// Keys, signals and pastes in a real pseudo-terminal (tmux): function keys with modifiers Ink has no
// name for do not crash the TUI; Ctrl-Z and `kill -TSTP` suspend it with the terminal restored, and
// `fg` (SIGCONT) brings it back in raw mode, redrawn; a 100 KB paste arrives as text in one go and
// Ctrl+C is not queued behind it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { haveTmux, startTerminal, type Terminal } from "../e2e/tmux.js";

let term: Terminal | undefined;
afterEach(() => term?.kill());
const dir = mkdtempSync(join(tmpdir(), "ctt-term-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The pty's own modes, read from outside while the CLI is stopped. */
function ptyModes(t: Terminal): string {
  const tty = t.pane("#{pane_tty}");
  return spawnSync("stty", ["-a", "-F", tty], { encoding: "utf8" }).stdout;
}
// Signals are handled when the event loop next runs: on a busy machine that can take a few seconds.
async function until(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(30);
  }
}

// Sequences Ink 6.8 has no name for (its use-input.js then calls .startsWith on undefined): Ctrl+F1–F4
// as xterm sends them, other modified function keys, SS3 with a modifier, a device-attributes reply,
// a mouse report and focus events. Sent byte for byte.
const ODD_KEYS = [
  "\u001b[1;5P",
  "\u001b[1;5Q",
  "\u001b[1;5R",
  "\u001b[1;5S",
  "\u001b[1;2P",
  "\u001b[1;3Q",
  "\u001b[1;6R",
  "\u001bO5P",
  "\u001b[5P",
  "\u001b[15;5~",
  "\u001b[24;5~",
  "\u001b[?1;2c",
  "\u001b[<0;10;5M",
  "\u001b[I",
  "\u001b[O",
  "\u001b[1;5G",
  "\u001b[5Z",
];
const hex = (s: string) => [...Buffer.from(s, "latin1")].map((b) => b.toString(16).padStart(2, "0"));

describe.skipIf(!haveTmux())("keys, signals and pastes (tmux)", () => {
  it(`${ODD_KEYS.length} nameless sequences (Ctrl+F1–F4 …) on the home screen and a quiz: no crash, q still quits (exit 0)`, async () => {
    term = startTerminal([]);
    await term.waitFor("1. Study");
    for (const k of ODD_KEYS) term.tmux("send-keys", "-t", "t", "-H", ...hex(k));
    await sleep(200);
    term.send("2");
    await term.waitFor("how many questions?");
    for (const k of ODD_KEYS) term.tmux("send-keys", "-t", "t", "-H", ...hex(k));
    await sleep(300);
    expect(term.exitCode()).toBeUndefined();
    expect(term.screen()).toContain("how many questions?");
    term.send("q");
    expect(await term.waitForExit()).toBe(0);
    expect(term.pane("#{alternate_on}")).toBe("0");
  });

  for (const how of ["Ctrl-Z", "kill -TSTP"] as const) {
    it(`${how} suspends with the terminal restored; fg (SIGCONT) redraws in raw mode`, async () => {
      term = startTerminal([]);
      await term.waitFor("1. Study");
      const raw = ptyModes(term);
      expect(raw).toMatch(/-icanon/);
      if (how === "Ctrl-Z") term.send("C-z");
      else term.signal("SIGTSTP");
      await until(() => term!.pane("#{alternate_on}") === "0", "the alternate screen to be left");
      expect(term.pane("#{cursor_flag}")).toBe("1");
      const cooked = ptyModes(term);
      expect(cooked).toMatch(/ icanon/);
      expect(cooked).toMatch(/ echo /);
      term.signal("SIGCONT");
      await until(() => term!.pane("#{alternate_on}") === "1", "the alternate screen again");
      await term.waitFor("1. Study");
      expect(term.screen()).toContain("8. Help");
      await until(() => /-icanon/.test(ptyModes(term!)), "raw mode again");
      // Raw mode: a single key, no Enter, is read.
      term.send("q");
      expect(await term.waitForExit()).toBe(0);
    }, 60_000);
  }

  for (const bracketed of [true, false]) {
    it(`a 100 KB paste into Search arrives as text in one go (${bracketed ? "bracketed" : "plain"} paste); Ctrl+C right after ends it at once`, async () => {
      const file = join(dir, `paste-${bracketed}.txt`);
      writeFileSync(file, "cloudtrail " + "x".repeat(100 * 1024));
      term = startTerminal(["search"]);
      await term.waitFor("Search:");
      term.tmux("load-buffer", "-b", "p", file);
      term.tmux("paste-buffer", "-b", "p", "-t", "t", ...(bracketed ? ["-p"] : []));
      await term.waitFor(/Search: cloudtrail\s*x{20}[\s\S]*hits/, 5000);
      const t0 = Date.now();
      term.send("C-c");
      await term.waitForExit(3000);
      expect(Date.now() - t0).toBeLessThan(3000);
    });
  }
});
