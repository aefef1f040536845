// The Simulate screen in a real terminal: search an action, see where it lands, leave with q.
import { afterEach, describe, expect, it } from "vitest";
import { haveTmux, startTerminal, type Terminal } from "./tmux.js";

let term: Terminal | undefined;
afterEach(() => term?.kill());

describe.skipIf(!haveTmux())("simulate in a terminal (tmux)", () => {
  it("finds s3:GetObject, shows why Event History misses it, and quits (exit 0)", async () => {
    term = startTerminal(["simulate", "--preset", "bucket-data-events"], { width: 110, height: 35 });
    await term.waitFor("Find an action");
    term.send("getobject");
    await term.waitFor("› s3:GetObject");
    term.send("Enter");
    const screen = await term.waitFor("Event History keeps management events only");
    expect(screen).toContain("Data events for one S3 bucket");
    expect(screen).toMatch(/trail:audit\s+.*✓ recorded/);
    term.send("q");
    await new Promise((r) => setTimeout(r, 100));
    term.send("Escape");
    expect(await term.waitForExit()).toBe(0);
  });
});
