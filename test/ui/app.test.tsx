// The App shell as a learner meets it: the menu, opening and leaving screens, the keys overlay,
// the too-small notice, and study pages that fit the window.
import { render } from "ink-testing-library";
import React from "react";
import { describe, expect, it } from "vitest";
import { MemoryProgress } from "../../src/store/port.js";
import { App } from "../../src/ui/App.js";
import { frameShows, KEY, press, shippedPack } from "./helpers.js";

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
    const { lastFrame, stdin, unmount } = app();
    await press(stdin, "j", KEY.down, "k");
    expect(lastFrame()).toMatch(/› 2\. Quiz/);
    await press(stdin, KEY.up, KEY.enter);
    expect(lastFrame()).toContain("Event types");
    expect(lastFrame()).toContain("Management events");
    await press(stdin, KEY.esc);
    expect(lastFrame()).toMatch(/› 1\. Study/);
    unmount();
  });

  it("shows how many drill cards are due once the store knows", () => {
    const progress = Object.assign(new MemoryProgress(), { dueCount: () => 7 });
    const { lastFrame, unmount } = app(undefined, { progress });
    expect(lastFrame()).toContain("7 cards due");
    unmount();
  });

  it("? lists the current screen's keys and the global ones; ? again closes it", async () => {
    const { lastFrame, stdin, unmount } = app();
    await press(stdin, "?");
    expect(lastFrame()).toContain("Keys — Home");
    expect(lastFrame()).toMatch(/q\s+quit/);
    await press(stdin, "?");
    expect(lastFrame()).not.toContain("Keys — Home");
    unmount();
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
      const { lastFrame, stdin, unmount } = app(size, { screen: "study" });
      for (const page of ["1", "2", "3", "4"]) {
        await press(stdin, page);
        const lines = lastFrame()!.split("\n");
        expect(lines.length, `${size.width}×${size.height} page ${page}`).toBeLessThanOrEqual(size.height);
        for (const l of lines) expect(l.length).toBeLessThanOrEqual(size.width);
      }
      unmount();
    }
  });

  it("puts the four event types side by side on a wide terminal", async () => {
    const { lastFrame, unmount } = app({ width: 140, height: 40 }, { screen: "study" });
    const header = lastFrame()!.split("\n").find((l) => l.includes("Management events"))!;
    expect(header).toContain("Data events");
    expect(header).toContain("Network activity events");
    expect(header).toContain("Insights events");
    unmount();
  });

  it("shows a service's does and does-not, and n moves to the next service", async () => {
    const { lastFrame, stdin, unmount } = app({ width: 100, height: 40 }, { screen: "study" });
    const [one, two] = shippedPack().services;
    await press(stdin, "2");
    const first = await frameShows(lastFrame, "Service 1 of");
    // The card's own name heads it, then its does and does-not lists.
    const heading = (frame: string) => frame.split("\n").map((l) => l.trim()).find((l) => l === one!.name || l === two!.name);
    expect(heading(first)).toBe(one!.name);
    expect(first).toMatch(/Does\n/);
    expect(first).toContain("Does not");
    expect(first).toMatch(/✓ \S/);
    expect(first).toMatch(/✗ \S/);
    await press(stdin, "n");
    const second = await frameShows(lastFrame, "Service 2 of");
    expect(heading(second)).toBe(two!.name);
    unmount();
  });

  it("lists the card's must-memorize items", async () => {
    const { lastFrame, stdin, unmount } = app({ width: 100, height: 30 }, { screen: "study" });
    await press(stdin, "4");
    expect(lastFrame()).toContain("90-day Event History is free and automatic");
    unmount();
  });

  it("scrolls long pages with j and k", async () => {
    const { lastFrame, stdin, unmount } = app({ width: 80, height: 15 }, { screen: "study" });
    const top = await frameShows(lastFrame, "lines 1–");
    const body = (frame: string) => frame.split("\n").filter((l) => l.trim() && !/lines \d|Study|Event types/.test(l));
    await press(stdin, "j", "j", "j");
    const down = await frameShows(lastFrame, "lines 4–");
    // Three lines scrolled off the top: the fourth body line of the first frame is now the first.
    expect(body(down)[0]).toBe(body(top)[3]);
    await press(stdin, "k");
    await frameShows(lastFrame, "lines 3–");
    await press(stdin, "k", "k", "k");
    expect(await frameShows(lastFrame, "lines 1–")).toBe(top);
    unmount();
  });
});
