// Odd terminals and signals, in a real pseudo-terminal: a window too small, a resize mid-quiz,
// TERM=dumb, stdout redirected, and SIGTERM/SIGINT to the TUI, which must leave the terminal as it
// found it (alternate screen off, cursor visible, the same stty modes).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { haveTmux, startTerminal, type Terminal } from "./tmux.js";
import { tempDir } from "../tmp.js";

let term: Terminal | undefined;
afterEach(() => term?.kill());
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!haveTmux())("odd terminals (tmux)", () => {
  it("a 40×10 window gets a 'too small' notice, not a broken frame; q still quits (exit 0)", async () => {
    term = startTerminal([], { width: 40, height: 10 });
    await term.waitFor("Terminal too small");
    expect(term.screen()).toContain("40×10");
    term.send("q");
    expect(await term.waitForExit()).toBe(0);
  });

  it("survives a resize in the middle of a quiz and keeps the question", async () => {
    term = startTerminal(["quiz", "--seed", "5", "--count", "2", "--kind", "action"], { width: 100, height: 30 });
    const before = await term.waitFor(/question 1 of 2/);
    const prompt = /Which event type records (\S+)/.exec(before)![1]!;
    term.resize(50, 12);
    await term.waitFor("Terminal too small");
    term.resize(100, 30);
    await term.waitFor(/question 1 of 2/);
    expect(term.screen()).toContain(prompt);
    term.send("1");
    if (/Why does "/.test(await term.waitFor(/Why the others fail:|Why does "/))) term.send("Enter");
    await term.waitFor("Why the others fail:");
    term.send("q");
    await term.waitFor("Abandon this quiz?");
    term.send("y");
    await term.waitFor("2. Quiz");
    term.send("q");
    expect(await term.waitForExit()).toBe(0);
  });

  it("keys typed together (one chunk) are each handled: answer, flag, move, answer, review", async () => {
    term = startTerminal(["exam", "--count", "3", "--seed", "4"]);
    await term.waitFor(/question 1 of 3/);
    term.send("2f");
    term.send("Right", "1r");
    const review = await term.waitFor("Review before submitting");
    expect(review).toContain("1 unanswered, 1 flagged");
    // q during an exam asks first; abandoning it returns to the menu, where q quits.
    term.send("q");
    await term.waitFor("Leave the exam?");
    term.send("3");
    await term.waitFor("1. Study");
    term.send("q");
    expect(await term.waitForExit()).toBe(0);
  });

  it("TERM=dumb gets plain numbered prompts read line by line", async () => {
    term = startTerminal(["quiz", "--seed", "2", "--count", "1", "--kind", "trap"], { env: { TERM: "dumb" } });
    await term.waitFor("answer (1-2)>");
    term.send("1", "Enter");
    await term.waitFor(/Score: [01]\/1/);
    expect(await term.waitForExit()).toBe(0);
  });

  it("stdout redirected to a file: plain mode, answers typed at the terminal, results in the file", async () => {
    const out = join(tempDir("ctt-redirect-"), "out.txt");
    term = startTerminal(["quiz", "--seed", "2", "--count", "1", "--kind", "trap", ">", out]);
    await sleep(800);
    term.send("2", "Enter");
    // True/false items have no why step: one answer ends the quiz.
    expect(await term.waitForExit()).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toMatch(/Score: [01]\/1/);
    expect(text).not.toMatch(/\u001b\[\?1049h/);
  });

  for (const sig of ["SIGTERM", "SIGINT"] as const) {
    it(`${sig} to the TUI mid-drill restores the terminal: no alternate screen, cursor visible, same stty modes`, async () => {
      term = startTerminal(["drill", "--limit", "3"]);
      await term.waitFor(/Drill · card 1 of 3/);
      expect(term.pane("#{alternate_on}")).toBe("1");
      term.signal(sig);
      const code = await term.waitForExit();
      expect(code).toBe(sig === "SIGTERM" ? 143 : 130);
      expect(term.pane("#{alternate_on}")).toBe("0");
      expect(term.pane("#{cursor_flag}")).toBe("1");
      let after: string | undefined;
      for (let i = 0; i < 50 && !(after = term.stty().after); i++) await sleep(20);
      expect(after).toBe(term.stty().before);
    });
  }
});
