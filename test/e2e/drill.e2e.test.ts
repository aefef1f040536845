// A drill in a real terminal (tmux): answer, accept the proposed rating (it says why), undo it with
// u, rate again, and a `?` opened over the card keeps it.
import { afterEach, describe, expect, it } from "vitest";
import { haveTmux, startTerminal, type Terminal } from "./tmux.js";

let term: Terminal | undefined;
afterEach(() => term?.kill());

describe.skipIf(!haveTmux())("drill in a terminal (tmux)", () => {
  it("rates, undoes with u, and keeps the card under ?", async () => {
    term = startTerminal(["drill", "--limit", "2", "--seed", "1"]);
    await term.waitFor("Drill · card 1 of 2");
    term.send("1");
    let screen = await term.waitFor(/Proposed (Good|Hard|Again): answered/);
    term.send("?");
    await term.waitFor("Keys — Drill");
    term.send("?");
    screen = await term.waitFor("Space accepts");
    term.send("Space");
    // Rated Again (a wrong answer), the card is queued to come back: "card 2 of 3".
    await term.waitFor(/card 2 of [23]/);
    term.send("u");
    screen = await term.waitFor(/card 1 of 2[\s\S]*Space accepts/);
    expect(screen).toContain("0 done");
    term.send("3");
    await term.waitFor("card 2 of 2");
    term.send("q");
    expect(await term.waitForExit()).toBe(0);
  }, 40_000);
});
