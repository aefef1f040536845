// The drill reducer, driven directly: the rating's reason, Again cards returning after their
// learning step, undo, the why step; and new-card pacing to an exam date.
import { describe, expect, it } from "vitest";
import { buildDeck } from "../../src/srs/cards.js";
import { drillReducer, startDrillFlow, undoable, type DrillFlow } from "../../src/srs/drill-flow.js";
import { ratingReason } from "../../src/srs/drill.js";
import { paceNewCards } from "../../src/srs/queue.js";
import { newCard, nextState, paramsFor, SLOW_MS } from "../../src/srs/scheduler.js";
import { drillSettings } from "../../src/srs/settings.js";
import { shippedPack } from "../ui/helpers.js";

const pack = shippedPack();
const deck = buildDeck(pack).filter((c) => c.id.startsWith("scenario:"));
const T0 = Date.UTC(2026, 11, 1, 9);
const settings = drillSettings(() => undefined);
const start = (n: number, misconceptions: string[] = []) =>
  startDrillFlow(
    pack,
    deck.slice(0, n).map((d) => ({ deck: d, isNew: true })),
    { now: T0, seed: "s", settings, misconceptions: new Set(misconceptions), cram: false },
  );
const wrong = (f: DrillFlow) => f.item!.question!.choices.findIndex((c) => !c.correct);
const right = (f: DrillFlow) => f.item!.question!.choices.findIndex((c) => c.correct);
const again = (now: number) => nextState(newCard(now), 1, now, paramsFor(settings, now));

describe("drill reducer", () => {
  it("proposes a rating and says why: wrong → Again, right but slow → Hard, right → Good", () => {
    let f = drillReducer(pack, start(1), { type: "pick", index: right(start(1)), now: T0 + 41_000 });
    expect(f.offer).toMatchObject({ proposed: 2, reason: "Hard: answered right after 41 s (slower than 25 s)" });
    f = drillReducer(pack, start(1), { type: "pick", index: right(start(1)), now: T0 + 4_000 });
    expect(f.offer!.reason).toBe("Good: answered right in 4 s");
    f = drillReducer(pack, start(1), { type: "pick", index: wrong(start(1)), now: T0 + 4_000 });
    expect(f.offer!.reason).toBe("Again: answered wrong");
    expect(ratingReason(3, true, SLOW_MS, true)).toMatch(/^Good: revealed after 25 s/);
  });

  it("a card rated Again comes back after its learning step, after the cards already queued", () => {
    let f = start(2);
    const firstId = f.item!.deck.id;
    f = drillReducer(pack, f, { type: "pick", index: wrong(f), now: T0 + 1000 });
    const after = again(T0 + 1000);
    f = drillReducer(pack, f, { type: "committed", rating: 1, now: T0 + 1000, after });
    expect(f.queue).toHaveLength(3);
    expect(f.relearning).toBe(1);
    expect(f.item!.deck.id).not.toBe(firstId);
    f = drillReducer(pack, f, { type: "pick", index: right(f), now: T0 + 2000 });
    f = drillReducer(pack, f, { type: "committed", rating: 3, now: T0 + 2000 });
    expect(f).toMatchObject({ phase: "wait", waitUntil: after.due.getTime() });
    expect(drillReducer(pack, f, { type: "tick", now: after.due.getTime() - 1 }).phase).toBe("wait");
    const back = drillReducer(pack, f, { type: "tick", now: after.due.getTime() });
    expect(back.phase).toBe("ask");
    expect(back.item!.deck.id).toBe(firstId);
    expect(drillReducer(pack, f, { type: "showNow", now: T0 + 3000 }).item!.deck.id).toBe(firstId);
    const done = drillReducer(pack, drillReducer(pack, back, { type: "pick", index: right(back), now: after.due.getTime() + 5 }), {
      type: "committed",
      rating: 3,
      now: after.due.getTime() + 5,
    });
    expect(done).toMatchObject({ phase: "done", relearning: 0 });
    expect(done.tally).toMatchObject({ answered: 3, again: 1 });
  });

  it("undo returns to the last card, answered, with the tally as it was", () => {
    let f = start(2);
    f = drillReducer(pack, f, { type: "pick", index: right(f), now: T0 + 1000 });
    const rated = f;
    f = drillReducer(pack, f, { type: "committed", rating: 3, now: T0 + 1000 });
    expect(undoable(f)?.deck.id).toBe(rated.item!.deck.id);
    const undone = drillReducer(pack, f, { type: "undo" });
    expect(undone).toEqual(rated);
    expect(undone.tally.answered).toBe(0);
    // Nothing to undo while a card is answered but not rated.
    const mid = drillReducer(pack, f, { type: "pick", index: right(f), now: T0 + 2000 });
    expect(undoable(mid)).toBeUndefined();
    expect(drillReducer(pack, mid, { type: "undo" })).toBe(mid);
  });

  it("asks why a pick fails on a card with a repeated misconception, then rates", () => {
    let f = start(1, [deck[0]!.id]);
    f = drillReducer(pack, f, { type: "pick", index: wrong(f), now: T0 + 1000 });
    expect(f.phase).toBe("why");
    f = drillReducer(pack, f, { type: "why", index: 0 });
    f = drillReducer(pack, f, { type: "toRate" });
    expect(f.phase).toBe("rate");
  });
});

describe("new-card pacing to an exam date", () => {
  const day = 86_400_000;
  it("spreads the unseen cards over the days left, within the daily limit", () => {
    expect(paceNewCards({ unseen: 100, newToday: 0, limit: 20, dayStart: 0, examDay: 10 * day })).toMatchObject({
      daysLeft: 10,
      needed: 10,
      today: 10,
      bottleneck: false,
      leftOver: 0,
    });
    expect(paceNewCards({ unseen: 95, newToday: 5, limit: 20, dayStart: 0, examDay: 10 * day })).toMatchObject({ needed: 10, today: 5 });
  });
  it("says when the daily limit is the bottleneck, and how many cards it leaves unseen", () => {
    expect(paceNewCards({ unseen: 300, newToday: 0, limit: 20, dayStart: 0, examDay: 10 * day })).toMatchObject({
      needed: 30,
      today: 20,
      bottleneck: true,
      leftOver: 100,
    });
  });
});
