// The Drill and Stats screens against a real (in-memory) store.
import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { buildDeck, dueCount, fsrsStep } from "../../src/srs/index.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import type { ProgressPort } from "../../src/store/port.js";
import { App } from "../../src/ui/App.js";
import { frameMatches, hit, loaded, shippedPack } from "./helpers.js";

const pack = shippedPack();
const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);
const portFor = (store: SqliteStore): ProgressPort => ({ recordAttempt: (a) => store.recordAttempt(a), attempts: (n) => store.attempts(n), study: store });
const open = (screen: "drill" | "stats", store: SqliteStore, params: Record<string, unknown> = {}) =>
  render(<App pack={pack} progress={portFor(store)} color={false} size={{ width: 100, height: 32 }} screen={screen} params={{ now: () => T0, ...params }} />);

describe("Drill screen", () => {
  it("asks a card, shows feedback and the proposed rating with its reason and every interval, and commits on Space", async () => {
    const store = SqliteStore.open(":memory:");
    const a = open("drill", store, { limit: 2 });
    await loaded(a.lastFrame);
    expect(a.lastFrame()).toContain("Drill · card 1 of 2 · new");
    const f = await hit(a, "1", /Space accepts/);
    expect(f).toMatch(/Correct|The answer is/);
    expect(f).toMatch(/Proposed (Good: answered right in 0 s|Again: answered wrong) · next in \d+m · Space accepts/);
    expect(f).toMatch(/1 Again · \d+m {3}2 Hard · \d+m {3}3 Good · \d+m {3}4 Easy · \d+d/);
    await hit(a, " ", "card 2 of 2");
    expect(store.reviewCount()).toBe(1);
    a.unmount();
    store.close();
  });

  it("lets the learner override the rating with 1–4, and ends with a summary", async () => {
    const store = SqliteStore.open(":memory:");
    const a = open("drill", store, { limit: 1 });
    await loaded(a.lastFrame);
    await hit(a, "2", /Space accepts|Enter: rate/);
    if (a.lastFrame()!.includes("Enter: rate")) await hit(a, "\r", "Space accepts");
    await hit(a, "4", "Drill done: 1 card");
    expect(store.reviews()[0]!.rating).toBe(4);
    a.unmount();
    store.close();
  });

  it("u undoes the last rating: the review leaves the store and the card is back to rate again", async () => {
    const store = SqliteStore.open(":memory:");
    const a = open("drill", store, { limit: 2 });
    await loaded(a.lastFrame);
    await hit(a, "1", /Space accepts/);
    await hit(a, "3", "card 2 of 2");
    expect(store.reviewCount()).toBe(1);
    await frameMatches(a.lastFrame, "u undo the last rating");
    await hit(a, "u", /card 1 of 2.*\n[\s\S]*Space accepts/);
    expect(store.reviewCount()).toBe(0);
    expect(store.cardCache().size).toBe(0);
    await hit(a, "3", "card 2 of 2");
    expect(store.reviewCount()).toBe(1);
    a.unmount();
    store.close();
  });

  it("a card rated Again comes back in the same session once its learning step has passed", async () => {
    const store = SqliteStore.open(":memory:");
    const clock = { t: T0 };
    const a = open("drill", store, { limit: 1, now: () => clock.t, tickMs: 10 });
    await loaded(a.lastFrame);
    const first = a.lastFrame()!;
    await hit(a, "1", /Space accepts|Enter: rate/);
    if (a.lastFrame()!.includes("Enter: rate")) await hit(a, "\r", "Space accepts");
    await hit(a, "1", "rated Again comes back after its learning step");
    clock.t += 11 * 60_000;
    const back = await frameMatches(a.lastFrame, "· again");
    expect(back).toContain("card 2 of 2");
    expect(back.split("\n").slice(1, 4).join("\n")).toEqual(first.split("\n").slice(1, 4).join("\n"));
    a.unmount();
    store.close();
  });

  it("says when nothing is due", async () => {
    const store = SqliteStore.open(":memory:");
    store.setSetting("newPerDay", "0");
    const { lastFrame, unmount } = open("drill", store);
    await frameMatches(lastFrame, "Drill done: 0 cards");
    expect(lastFrame()).toContain("Nothing else is due now.");
    unmount();
    store.close();
  });
});

describe("Stats screen", () => {
  it("shows today's reviews, the forecast and readiness by domain", async () => {
    const store = SqliteStore.open(":memory:");
    const deck = buildDeck(pack);
    for (let i = 0; i < 5; i++)
      store.answer(
        {
          cardId: deck[i]!.id,
          answerHash: deck[i]!.answerHash,
          rating: 3,
          now: T0 - 1000,
          elapsedMs: 3000,
          params: { retention: 0.9, maxIntervalDays: 36500 },
        },
        fsrsStep,
      );
    const { lastFrame, unmount } = open("stats", store);
    const f = await frameMatches(lastFrame, "Reviews today");
    expect(f).toContain("Reviews today 5 · total 5");
    expect(f).toContain("Due in the next 14 days");
    expect(f).toContain("Readiness by exam domain");
    const byDomain = new Map<string, number>();
    for (const c of deck.slice(0, 5)) byDomain.set(c.domain!, (byDomain.get(c.domain!) ?? 0) + 1);
    for (const [id, n] of byDomain) {
      const name = pack.meta.domains.find((d) => d.id === id)!.name;
      const row = f.split("\n").find((l) => l.includes(name.split(" ").slice(0, 2).join(" ")));
      expect(row, name).toMatch(new RegExp(`100%  \\(${n} answer${n === 1 ? "" : "s"}`));
    }
    unmount();
    store.close();
  });
});

describe("Home and Stats", () => {
  it("agree on the cards due, each read once from the store after its first frame", async () => {
    const store = SqliteStore.open(":memory:");
    const deck = buildDeck(pack);
    const long = T0 - 400 * 86_400_000;
    for (let i = 0; i < 7; i++)
      store.answer(
        { cardId: deck[i]!.id, answerHash: deck[i]!.answerHash, rating: 1, now: long, elapsedMs: 3000, params: { retention: 0.9, maxIntervalDays: 36500 } },
        fsrsStep,
      );
    let reads = 0;
    const port: ProgressPort = { ...portFor(store), dueCount: (now) => (reads++, dueCount(deck, store.cardCache(), now.getTime())) };
    const home = render(<App pack={pack} progress={port} color={false} size={{ width: 100, height: 32 }} />);
    await frameMatches(home.lastFrame, "7 cards due for drill");
    await hit(home, "\u001B[B", /› 2\. Quiz/);
    await hit(home, "\u001B[A", /› 1\. Study/);
    expect(reads).toBe(1);
    home.unmount();
    const stats = open("stats", store);
    await frameMatches(stats.lastFrame, "due now 7");
    stats.unmount();
    store.close();
  });
});
