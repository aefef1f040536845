// The App shell as a learner meets it: the menu, opening and leaving screens, the keys overlay,
// the too-small notice, and study pages that fit the window.
import { render } from "ink-testing-library";
import type React from "react";
import { describe, expect, it } from "vitest";
import { MemoryProgress } from "../../src/store/port.js";
import { App } from "../../src/ui/App.js";
import { frameMatches, hit, KEY, shippedPack } from "./helpers.js";

const app = (size = { width: 100, height: 30 }, extra: Partial<React.ComponentProps<typeof App>> = {}) =>
  render(<App pack={shippedPack()} progress={new MemoryProgress()} color={false} size={size} {...extra} />);

describe("home screen", () => {
  it("shows the pack's title and every entry, numbered", () => {
    const { lastFrame, unmount } = app();
    const f = lastFrame()!;
    expect(f).toContain("AWS CloudTrail");
    for (const [i, label] of ["Study", "Quiz", "Exam", "Drill", "Simulate", "Search", "Stats", "Help"].entries()) expect(f).toContain(`${i + 1}. ${label}`);
    unmount();
  });

  it("moves with j/k and arrows and opens the selected entry with Enter; Esc comes back", async () => {
    const a = app();
    await hit(a, "j", /› 2\. Quiz/);
    await hit(a, KEY.down, /› 3\. Exam/);
    await hit(a, "k", /› 2\. Quiz/);
    await hit(a, KEY.up, /› 1\. Study/);
    const study = await hit(a, KEY.enter, "Management events");
    expect(study).toContain("Event types");
    await hit(a, KEY.esc, /› 1\. Study/);
    a.unmount();
  });

  it("applies keys sent together in order: Down Down Down then Enter opens the fourth entry", async () => {
    const a = app();
    for (const k of [KEY.down, KEY.down, KEY.down, KEY.enter]) a.stdin.write(k);
    await frameMatches(a.lastFrame, /Drill|Opening your progress/);
    a.unmount();
  });

  it("shows how many drill cards are due once the store knows", async () => {
    const progress = Object.assign(new MemoryProgress(), { dueCount: () => 7 });
    const { lastFrame, unmount } = app(undefined, { progress });
    await frameMatches(lastFrame, "7 cards due");
    unmount();
  });

  it("? lists the current screen's keys and the global ones; ? again closes it", async () => {
    const a = app();
    const f = await hit(a, "?", "Keys — Home");
    expect(f).toMatch(/q\s+quit/);
    await hit(a, "?", (x) => !x.includes("Keys — Home"));
    a.unmount();
  });

  it("keeps the screen under ? and under the too-small notice: a Study page and its scroll survive both", async () => {
    const size = { width: 80, height: 15 };
    const a = render(<App pack={shippedPack()} progress={new MemoryProgress()} color={false} size={size} screen="study" />);
    await hit(a, "2", "Service 1 of");
    await hit(a, "n", "Service 2 of");
    const before = await hit(a, "j", /lines 2–/);
    await hit(a, "?", "Keys — Study");
    await hit(a, KEY.esc, "Service 2 of");
    expect(a.lastFrame()).toEqual(before);
    a.rerender(<App pack={shippedPack()} progress={new MemoryProgress()} color={false} size={{ width: 40, height: 10 }} screen="study" />);
    await frameMatches(a.lastFrame, "Terminal too small");
    a.rerender(<App pack={shippedPack()} progress={new MemoryProgress()} color={false} size={size} screen="study" />);
    expect(await frameMatches(a.lastFrame, "Service 2 of")).toEqual(before);
    a.unmount();
  });

  it("asks for a bigger window below 60×15 instead of drawing a broken frame", () => {
    const { lastFrame, unmount } = app({ width: 50, height: 12 });
    expect(lastFrame()).toContain("Terminal too small");
    expect(lastFrame()).toContain("60×15");
    expect(lastFrame()).not.toContain("1. Study");
    unmount();
  });
});

describe("study browser", () => {
  it("never draws more lines than the window has", async () => {
    for (const size of [
      { width: 60, height: 15 },
      { width: 100, height: 30 },
      { width: 140, height: 20 },
    ]) {
      const a = app(size, { screen: "study" });
      const { lastFrame, unmount } = a;
      for (const page of ["2", "3", "4", "1"]) {
        await hit(a, page);
        const lines = lastFrame()!.split("\n");
        expect(lines.length, `${size.width}×${size.height} page ${page}`).toBeLessThanOrEqual(size.height);
        for (const l of lines) expect(l.length).toBeLessThanOrEqual(size.width);
      }
      unmount();
    }
  });

  it("puts the four event types side by side on a wide terminal", async () => {
    const { lastFrame, unmount } = app({ width: 140, height: 40 }, { screen: "study" });
    const header = lastFrame()!
      .split("\n")
      .find((l) => l.includes("Management events"))!;
    expect(header).toContain("Data events");
    expect(header).toContain("Network activity events");
    expect(header).toContain("Insights events");
    unmount();
  });

  it("shows a service's does and does-not, and n moves to the next service", async () => {
    const a = app({ width: 100, height: 40 }, { screen: "study" });
    const [one, two] = shippedPack().services;
    const first = await hit(a, "2", "Does not");
    // The card's own name heads it, then its does and does-not lists.
    const heading = (frame: string) =>
      frame
        .split("\n")
        .map((l) => l.trim())
        .find((l) => l === one!.name || l === two!.name);
    expect(heading(first)).toBe(one!.name);
    expect(first).toMatch(/Does\n/);
    expect(first).toMatch(/✓ \S/);
    expect(first).toMatch(/✗ \S/);
    const second = await hit(a, "n", "Service 2 of");
    expect(heading(second)).toBe(two!.name);
    a.unmount();
  });

  it("lists the card's must-memorize items", async () => {
    const a = app({ width: 100, height: 30 }, { screen: "study" });
    await hit(a, "4", "90-day Event History is free and automatic");
    a.unmount();
  });

  it("scrolls long pages with j and k", async () => {
    const a = app({ width: 80, height: 15 }, { screen: "study" });
    const top = await frameMatches(a.lastFrame, (f) => f.includes("lines 1–"));
    const body = (frame: string) => frame.split("\n").filter((l) => l.trim() && !/lines \d|Study|Event types/.test(l));
    await hit(a, "j", "lines 2–");
    await hit(a, "j", "lines 3–");
    const down = await hit(a, "j", "lines 4–");
    // Three lines scrolled off the top: the fourth body line of the first frame is now the first.
    expect(body(down)[0]).toBe(body(top)[3]);
    await hit(a, "k", "lines 3–");
    a.unmount();
  });
});
