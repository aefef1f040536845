// The scheduler is ts-fsrs: same outcomes as calling it directly; plus the exam-date cap, the rating
// proposal, and the queue order.
import { fsrs, generatorParameters, Rating, createEmptyCard, type Grade } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { ACTION_SAMPLE, buildDeck, deckMix } from "../../src/srs/cards.js";
import { buildQueue } from "../../src/srs/queue.js";
import { formatInterval, newCard, nextState, paramsFor, preview, proposeRating, SLOW_MS } from "../../src/srs/scheduler.js";
import { shippedPack } from "../ui/helpers.js";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);

describe("scheduler", () => {
  it("gives exactly ts-fsrs' outcome for each rating, over a sequence of reviews", () => {
    const f = fsrs(generatorParameters({ request_retention: 0.9, maximum_interval: 36500, enable_fuzz: false }));
    const p = paramsFor({ retention: 0.9 }, T0);
    let ours = newCard(T0);
    let theirs = createEmptyCard(new Date(T0));
    let t = T0;
    for (const g of [Rating.Good, Rating.Good, Rating.Again, Rating.Hard, Rating.Easy, Rating.Good] as Grade[]) {
      ours = nextState(ours, g, t, p);
      theirs = f.next(theirs, new Date(t), g).card;
      expect(ours).toEqual(theirs);
      t = ours.due.getTime() + 3_600_000;
    }
  });

  it("previews each rating's next due time as ts-fsrs' repeat does", () => {
    const f = fsrs(generatorParameters({ request_retention: 0.85, maximum_interval: 36500, enable_fuzz: false }));
    const card = nextState(newCard(T0), Rating.Good, T0, paramsFor({ retention: 0.85 }, T0));
    const at = T0 + 2 * DAY;
    const prev = preview(card, at, paramsFor({ retention: 0.85 }, at));
    const rec = f.repeat(card, new Date(at));
    for (const g of [1, 2, 3, 4] as Grade[]) expect(prev[g]).toBe(rec[g].card.due.getTime());
  });

  it("higher desired retention gives shorter intervals", () => {
    let c = newCard(T0);
    for (let i = 0; i < 3; i++) c = nextState(c, Rating.Good, c.due.getTime(), paramsFor({ retention: 0.9 }, T0));
    const lo = preview(c, c.due.getTime(), paramsFor({ retention: 0.8 }, T0))[Rating.Good];
    const hi = preview(c, c.due.getTime(), paramsFor({ retention: 0.95 }, T0))[Rating.Good];
    expect(hi).toBeLessThan(lo);
  });

  it("never schedules past the exam date", () => {
    const exam = T0 + 10 * DAY;
    let c = newCard(T0);
    let t = T0;
    for (let i = 0; i < 8; i++) {
      const p = paramsFor({ retention: 0.9, examDate: exam }, t);
      c = nextState(c, Rating.Easy, t, p);
      expect(c.due.getTime()).toBeLessThanOrEqual(exam);
      for (const due of Object.values(preview(c, t, p))) expect(due).toBeLessThanOrEqual(exam);
      t = Math.min(c.due.getTime(), exam - 1000);
    }
  });

  it("proposes Again when wrong, Hard when right but slow, Good otherwise", () => {
    expect(proposeRating(false, 1000)).toBe(Rating.Again);
    expect(proposeRating(true, SLOW_MS + 1)).toBe(Rating.Hard);
    expect(proposeRating(true, 3000)).toBe(Rating.Good);
  });

  it("formats intervals the way a learner reads them", () => {
    expect(formatInterval(60_000)).toBe("1m");
    expect(formatInterval(10 * 60_000)).toBe("10m");
    expect(formatInterval(3 * 3_600_000)).toBe("3h");
    expect(formatInterval(4 * DAY)).toBe("4d");
    expect(formatInterval(90 * DAY)).toBe("3mo");
  });
});

describe("cards and queue", () => {
  const pack = shippedPack();
  const deck = buildDeck(pack);

  it("makes a card of every scenario and fact, the configuration items and a sample of the actions, keyed by id", () => {
    const mix = deckMix(pack, deck);
    expect(deck.length).toBe(pack.scenarios.length + pack.facts.length + mix.config + Math.min(ACTION_SAMPLE, pack.actions.length));
    expect(new Set(deck.map((c) => c.id)).size).toBe(deck.length);
  });

  it("keeps a card's key when wording changes and changes it when the answer changes", () => {
    const s = pack.scenarios[0]!;
    const reworded = { ...pack, scenarios: [{ ...s, requirement: s.requirement + " (reworded)", explanation: "new words" }] };
    const reanswered = { ...pack, scenarios: [{ ...s, answer: s.answer === "guardduty" ? "config" : "guardduty" }] };
    const key = (p: typeof pack) => buildDeck(p).find((c) => c.id === `scenario:${s.id}`)!.answerHash;
    expect(key(reworded)).toBe(key(pack));
    expect(key(reanswered)).not.toBe(key(pack));
  });

  it("puts due cards first, most overdue first, then new cards up to the daily limit", () => {
    const p = paramsFor({ retention: 0.9 }, T0);
    const cache = new Map(
      [deck[5]!, deck[6]!, deck[7]!].map((c, i) => {
        const card = { ...nextState(newCard(T0), Rating.Good, T0, p), due: new Date(T0 + DAY - i * 3_600_000) };
        return [c.id, { cardId: c.id, answerHash: c.answerHash, card }] as const;
      }),
    );
    cache.set(deck[8]!.id, { cardId: deck[8]!.id, answerHash: deck[8]!.answerHash, card: { ...newCard(T0), due: new Date(T0 + 9 * DAY) } });
    const q = buildQueue(deck, cache, { now: T0 + 2 * DAY, newPerDay: 4, newToday: 1 });
    expect(q.slice(0, 3).map((x) => x.deck.id)).toEqual([deck[7]!.id, deck[6]!.id, deck[5]!.id]);
    expect(q.slice(3).every((x) => x.isNew)).toBe(true);
    expect(q).toHaveLength(6);
    expect(q.map((x) => x.deck.id)).not.toContain(deck[8]!.id);
    const cram = buildQueue(deck, cache, { now: T0, newPerDay: 0, newToday: 0, cram: true, limit: 5 });
    expect(cram.map((x) => x.deck.id).slice(0, 4)).toContain(deck[8]!.id);
  });

  it("treats a card whose answer changed as new", () => {
    const c = deck[0]!;
    const cache = new Map([[c.id, { cardId: c.id, answerHash: "different", card: { ...newCard(T0), due: new Date(T0 - DAY) } }]]);
    const q = buildQueue(deck, cache, { now: T0, newPerDay: 1, newToday: 0 });
    expect(q).toEqual([expect.objectContaining({ isNew: true, deck: c })]);
  });
});

describe("misconceptions", () => {
  it("a card with a repeated wrong pick comes back within three days, however easy the answer", () => {
    let c = newCard(T0);
    let t = T0;
    for (let i = 0; i < 6; i++) {
      const p = paramsFor({ retention: 0.9 }, t, { misconception: true });
      c = nextState(c, Rating.Easy, t, p);
      expect(c.due.getTime() - t).toBeLessThanOrEqual(3 * DAY + 1000);
      for (const due of Object.values(preview(c, t, p))) expect(due - t).toBeLessThanOrEqual(3 * DAY + 1000);
      t = c.due.getTime();
    }
    expect(nextState(c, Rating.Easy, t, paramsFor({ retention: 0.9 }, t)).due.getTime() - t).toBeGreaterThan(3 * DAY);
  });
});
