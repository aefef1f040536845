// A timed exam in a real terminal (tmux): opening and closing `?` mid-exam, shrinking the window
// below the minimum and back, and Esc's "leave?" question all keep the exam, its answers and its
// clock (which stops while the window is too small).
import { afterEach, describe, expect, it } from "vitest";
import { haveTmux, startTerminal, type Terminal } from "./tmux.js";

let term: Terminal | undefined;
afterEach(() => term?.kill());

const left = (screen: string) => {
  const m = /⏱ (\d\d):(\d\d) left/.exec(screen);
  if (!m) throw new Error(`no clock on screen:\n${screen}`);
  return Number(m[1]) * 60 + Number(m[2]);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!haveTmux())("exam in a terminal (tmux)", () => {
  it("survives ?, a too-small window and Esc with its answers and clock intact", async () => {
    // Single-answer items (the action kind), so one digit answers each question.
    term = startTerminal(["exam", "--seed", "3", "--count", "4", "--minutes", "10", "--kind", "action"]);
    await term.waitFor("question 1 of 4");
    term.send("1");
    await term.waitFor("answered 1/4");
    term.send("n");
    await term.waitFor("question 2 of 4");
    term.send("2");
    await term.waitFor("answered 2/4");

    term.send("?");
    await term.waitFor("Keys — Exam");
    term.send("?");
    let screen = await term.waitFor("question 2 of 4");
    expect(screen).toContain("answered 2/4");
    expect(screen).toContain("Your answer: 2.");

    const before = left(screen);
    term.resize(50, 12);
    await term.waitFor("Terminal too small");
    await sleep(3500);
    term.resize(100, 30);
    screen = await term.waitFor("question 2 of 4");
    // Paused while too small: at most the second or two around the resizes has gone, not 3.5 s.
    expect(before - left(screen)).toBeLessThanOrEqual(2);
    expect(screen).toContain("answered 2/4");

    term.send("Escape");
    await term.waitFor("Leave the exam? 2 of 4 unanswered.");
    term.send("2");
    screen = await term.waitFor("Your answer: 2.");
    expect(screen).toContain("question 2 of 4");
    expect(screen).toContain("answered 2/4");

    term.send("q");
    await term.waitFor("Leave the exam?");
    term.send("1");
    screen = await term.waitFor(/PASS|FAIL/);
    expect(screen).toContain("2 unanswered");
    term.send("q");
    expect(await term.waitForExit()).toBe(0);
  }, 40_000);
});
