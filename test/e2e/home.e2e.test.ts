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
});

if (!haveTmux()) console.warn("tmux is not installed: the end-to-end terminal tests are skipped (apt-get install tmux)");
