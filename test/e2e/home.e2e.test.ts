// The tutor in a real terminal: it starts, opens a screen, and q leaves cleanly with exit 0 and
// the terminal restored (the alternate screen is left, so the shell's screen is back).
import { afterEach, describe, expect, it } from "vitest";
import { haveTmux, startTerminal, type Terminal } from "./tmux.js";

let term: Terminal | undefined;
afterEach(() => term?.kill());

describe.skipIf(!haveTmux())("cloudtrail-tutor in a terminal (tmux)", () => {
  it("opens the home screen, the study browser, and quits with q (exit 0)", async () => {
    term = startTerminal([]);
    await term.waitFor("1. Study");
    term.send("Enter");
    await term.waitFor("Management events");
    term.send("q");
    expect(await term.waitForExit()).toBe(0);
    expect(term.screen()).not.toContain("1. Study");
  });

  it("opens Quiz from the menu, answers one question, shows why the distractors fail, and quits (exit 0)", async () => {
    term = startTerminal([]);
    await term.waitFor("2. Quiz");
    term.send("2");
    await term.waitFor("how many questions?");
    term.send("1");
    await term.waitFor("which topic?");
    term.send("1");
    await term.waitFor(/question 1 of 5/);
    term.send("1");
    // The menu's quiz is unseeded: a "Choose two/three" item takes more picks, then Enter.
    let shown = await term.waitFor(/Why the others fail:|Why does "|Choose \d: 1 picked/);
    const more = /Choose (\d): 1 picked/.exec(shown);
    if (more) {
      for (let k = 2; k <= Number(more[1]); k++) term.send(String(k));
      await term.waitFor(new RegExp(`Choose ${more[1]}: ${more[1]} picked`));
      term.send("Enter");
      shown = await term.waitFor(/Why the others fail:|Why does "/);
    }
    // A wrong pick is first asked why it fails (Enter skips that step); then every reason shows.
    if (/Why does "/.test(shown)) term.send("Enter");
    const screen = await term.waitFor("Why the others fail:");
    expect(screen).toMatch(/✗ .+: \S+/);
    expect(screen).toMatch(/Correct|The\s+answer\s+is/);
    term.send("q");
    await term.waitFor("Abandon this quiz?");
    term.send("y");
    await term.waitFor("2. Quiz");
    term.send("q");
    expect(await term.waitForExit()).toBe(0);
  });

  it("runs a quiz straight from the command line in plain mode when stdin is not a terminal", async () => {
    term = startTerminal(["quiz", "--seed", "1", "--count", "1", "--kind", "action", "--json"], { stdin: "1" });
    expect(await term.waitForExit()).toBe(0);
    expect(term.screen()).toMatch(/"score": [01],\s+"total": 1/);
  });
});

if (!haveTmux()) console.warn("tmux is not installed: the end-to-end terminal tests are skipped (apt-get install tmux)");
