// The balanced deck: scenarios and facts lead with a configuration item now and then, action cards
// are a sample that waits for a drilled scenario teaching its event type, and the drill grades
// "Choose two" cards all or nothing and asks generated configuration items.
import { beforeAll, describe, expect, it } from "vitest";
import { errorsOf, loadContent, type Pack } from "../../src/content/load.js";
import {
  ACTION_SAMPLE,
  buildDeck,
  buildQueue,
  type CachedCard,
  deckMix,
  deckMixText,
  type DeckCard,
  drillItem,
  gradeChoice,
  newCard,
} from "../../src/srs/index.js";

let pack: Pack;
let deck: DeckCard[];
beforeAll(() => {
  const { pack: p, problems } = loadContent({ includeShipped: true });
  expect(errorsOf(problems)).toEqual([]);
  pack = p;
  deck = buildDeck(pack);
}, 60_000);

const NOW = Date.parse("2026-12-01T09:00:00Z");
const cacheOf = (ids: string[]) =>
  new Map<string, CachedCard>(
    ids.map((id) => [id, { cardId: id, answerHash: deck.find((c) => c.id === id)!.answerHash, card: { ...newCard(NOW), due: new Date(NOW + 86_400_000) } }]),
  );
const fresh = (cache: Map<string, CachedCard>) => buildQueue(deck, cache, { now: NOW, newPerDay: 10_000, newToday: 0 }).filter((q) => q.isNew);

describe("the deck", () => {
  it("holds every scenario and fact, the configuration items and a sample of the actions", () => {
    const mix = deckMix(pack, deck);
    expect(mix.scenarios).toBe(pack.scenarios.length);
    expect(mix.facts).toBe(pack.facts.length);
    expect(mix.config).toBe(24);
    expect(mix.actions).toBe(Math.min(ACTION_SAMPLE, pack.actions.length));
    expect(mix.actions).toBeLessThan(mix.actionsInCatalog);
    expect(new Set(deck.map((c) => c.id)).size).toBe(deck.length);
    expect(deckMixText(mix)).toMatch(/^deck: \d+ scenarios, \d+ facts, \d+ actions \(of \d+\), 24 configuration items$/);
    // Actions from many services, not one service's list.
    expect(new Set(deck.filter((c) => c.kind === "action").map((c) => c.id.split(":")[1])).size).toBeGreaterThan(15);
  });

  it("introduces scenarios and facts first, a configuration item among them, and no action card before its event type was met", () => {
    const first = fresh(new Map())
      .slice(0, 20)
      .map((q) => q.deck.kind);
    expect(first.filter((k) => k === "scenario").length).toBeGreaterThanOrEqual(10);
    expect(first).toContain("fact");
    expect(first).toContain("config");
    expect(first).not.toContain("action");
    // Nothing drilled: no action card is ready at all, however many new cards are allowed.
    expect(fresh(new Map()).some((q) => q.deck.kind === "action")).toBe(false);
    // A drilled scenario whose answer is data events: the data-event action cards open, the others wait.
    const teachesData = pack.scenarios.find((s) => s.answer === "data-events")!;
    const opened = fresh(cacheOf([`scenario:${teachesData.id}`])).filter((q) => q.deck.kind === "action");
    expect(opened.length).toBeGreaterThan(0);
    for (const q of opened) expect(pack.actions.find((a) => `action:${a.id}` === q.deck.id)!.category).toBe("Data");
  });

  it("drills a configuration card as its generated question, the same one each time", () => {
    const card = deck.find((c) => c.kind === "config")!;
    const a = drillItem(pack, { deck: card, isNew: true }, "s1")!;
    const b = drillItem(pack, { deck: card, isNew: true }, "s2")!;
    expect(a.question!.id).toBe(card.id);
    expect(a.question).toEqual(b.question);
    const right = a.question!.choices.findIndex((c) => c.correct);
    expect(gradeChoice(a, right).correct).toBe(true);
    expect(gradeChoice(a, (right + 1) % 4)).toMatchObject({ correct: false, chosen: a.question!.choices[(right + 1) % 4]!.id });
  });

  it("grades a Choose-two card all or nothing", () => {
    const card = deck.find((c) => c.kind === "scenario" && pack.scenarios.find((s) => `scenario:${s.id}` === c.id)!.moreAnswers?.length)!;
    const item = drillItem(pack, { deck: card, isNew: true }, "s")!;
    const q = item.question!;
    expect(q.choose).toBeGreaterThan(1);
    const right = q.choices.flatMap((c, i) => (c.correct ? [i] : []));
    const wrong = q.choices.findIndex((c) => !c.correct);
    expect(gradeChoice(item, right).correct).toBe(true);
    expect(gradeChoice(item, right[0]!).correct).toBe(false);
    expect(gradeChoice(item, [right[0]!, wrong])).toMatchObject({ correct: false, chosen: q.choices[wrong]!.id });
  });
});

describe("drill --plain", () => {
  it("reads '1,3' for a Choose-two card, grades it all or nothing, and asks again for a third number", async () => {
    const { Readable, PassThrough } = await import("node:stream");
    const { lineReader } = await import("../../src/plain/lines.js");
    const { paintFor } = await import("../../src/shell/paint.js");
    const { runPlainDrill } = await import("../../src/plain/drill.js");
    const { drillSettings } = await import("../../src/srs/index.js");
    const card = deck.find((c) => c.kind === "scenario" && pack.scenarios.find((s) => `scenario:${s.id}` === c.id)!.moreAnswers?.length === 1)!;
    const q = drillItem(pack, { deck: card, isNew: true }, "seed")!.question!;
    const right = q.choices.flatMap((c, i) => (c.correct ? [i + 1] : []));
    const wrong = q.choices.findIndex((c) => !c.correct) + 1;
    const answers: Array<{ cardId: string; rating: number; chosen?: string }> = [];
    const store = {
      answer: (a: { cardId: string; rating: number; chosen?: string; now: number }) => (answers.push(a), { before: newCard(a.now), after: newCard(a.now) }),
    };
    const run = async (input: string) => {
      const out = new PassThrough();
      let text = "";
      out.on("data", (b) => (text += b));
      const lines = lineReader(Readable.from([input]));
      const t = await runPlainDrill(
        pack,
        [{ deck: card, isNew: true }],
        store as never,
        drillSettings(() => undefined),
        { lines, out, paint: paintFor(false), now: () => NOW, askWhy: false },
        { typed: true, cram: false, askRating: false, seed: "seed", dueLeft: () => 0, misconceptions: new Set() },
      );
      lines.close();
      return { t, text };
    };
    const ok = await run(`${right.join(",")}\n`);
    expect(ok.text).toContain("answer (2 of 1-");
    expect(ok.t.correct).toBe(1);
    const bad = await run(`1,2,3\n${right[0]},${wrong}\n`);
    expect(bad.text).toContain("please type 2 different numbers");
    expect(bad.t.correct).toBe(0);
    expect(answers.at(-1)).toMatchObject({ cardId: card.id, rating: 1, chosen: q.choices[wrong - 1]!.id });
  });
});
