// The Drill and Stats screens against a real (in-memory) store.
import { render } from "ink-testing-library";
import React from "react";
import { describe, expect, it } from "vitest";
import { buildDeck, fsrsStep } from "../../src/srs/index.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import type { ProgressPort } from "../../src/store/port.js";
import { App } from "../../src/ui/App.js";
import { frameShows, press, shippedPack, loaded } from "./helpers.js";

const pack = shippedPack();
const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);
const portFor = (store: SqliteStore): ProgressPort => ({ recordAttempt: (a) => store.recordAttempt(a), attempts: (n) => store.attempts(n), study: store });
const open = (screen: "drill" | "stats", store: SqliteStore, params: Record<string, unknown> = {}) =>
  render(<App pack={pack} progress={portFor(store)} color={false} size={{ width: 100, height: 32 }} screen={screen} params={{ now: () => T0, ...params }} />);

describe("Drill screen", () => {
  it("asks a card, shows feedback and the proposed rating with every interval, and commits on Space", async () => {
    const store = SqliteStore.open(":memory:");
    const { lastFrame, stdin, unmount } = open("drill", store, { limit: 2 });
    await loaded(lastFrame);
    expect(lastFrame()).toContain("Drill · card 1 of 2 · new");
    await press(stdin, "1");
    const f = lastFrame()!;
    expect(f).toMatch(/Correct|The answer is/);
    expect(f).toMatch(/Proposed: (Good|Again) · \d+m · Space accepts/);
    expect(f).toMatch(/1 Again · \d+m {3}2 Hard · \d+m {3}3 Good · \d+m {3}4 Easy · \d+d/);
    await press(stdin, " ");
    expect(store.reviewCount()).toBe(1);
    expect(lastFrame()).toContain("card 2 of 2");
    unmount();
    store.close();
  });

  it("lets the learner override the rating with 1–4, and ends with a summary", async () => {
    const store = SqliteStore.open(":memory:");
    const { lastFrame, stdin, unmount } = open("drill", store, { limit: 1 });
    await loaded(lastFrame);
    await press(stdin, "2");
    await frameShows(lastFrame, "Proposed:");
    await press(stdin, "4");
    await frameShows(lastFrame, "Drill done: 1 card");
    expect(store.reviews().map((r) => r.rating)).toEqual([4]);
    unmount();
    store.close();
  });

  it("says when nothing is due", async () => {
    const store = SqliteStore.open(":memory:");
    store.setSetting("newPerDay", "0");
    const { lastFrame, unmount } = open("drill", store);
    await loaded(lastFrame);
    expect(lastFrame()).toContain("Drill done: 0 cards");
    expect(lastFrame()).toContain("Nothing else is due now.");
    unmount();
    store.close();
  });
});

describe("Stats screen", () => {
  it("shows today's reviews, the forecast and readiness by domain", async () => {
    const store = SqliteStore.open(":memory:");
    const deck = buildDeck(pack);
    for (let i = 0; i < 5; i++) store.answer({ cardId: deck[i]!.id, answerHash: deck[i]!.answerHash, rating: 3, now: T0 - 1000, elapsedMs: 3000, params: { retention: 0.9, maxIntervalDays: 36500 } }, fsrsStep);
    const { lastFrame, unmount } = open("stats", store);
    await loaded(lastFrame);
    const f = await frameShows(lastFrame, "Reviews today 5 · total 5");
    // All five were answered Good minutes ago: they come back today, drawn as a full bar.
    expect(f).toMatch(/Due in the next 14 days\n\s*today\s+█+ 5\n/);
    // Each domain answered has its row with 100% accuracy and its number of reviews.
    expect(f).toContain("Readiness by exam domain");
    const byDomain = new Map<string, number>();
    for (const c of deck.slice(0, 5)) byDomain.set(c.domain!, (byDomain.get(c.domain!) ?? 0) + 1);
    for (const [id, n] of byDomain) {
      const name = pack.meta.domains.find((d) => d.id === id)!.name;
      const row = f.split("\n").find((l) => l.includes(name.slice(0, 20)));
      expect(row, name).toMatch(new RegExp(`100%  \\(${n} review${n === 1 ? "" : "s"}`));
    }
    unmount();
    store.close();
  });
});
