// Item analysis on generated class data whose truth is known: learners of spread ability answer
// items of spread difficulty (a logistic model), one item is planted miskeyed (its key marks the
// strong learners' answer wrong) and one distractor is never chosen. The report must find both.
import { describe, expect, it } from "vitest";
import { attemptsCsv, attemptsJson, parseAttempts, type AttemptRow } from "../../src/report/attempts.js";
import { itemReport } from "../../src/report/items.js";
import { createRng } from "../../src/quiz/index.js";

const ITEMS = 20;
const MISKEYED = "scenario:item-7";
const NEVER_PICKED = "never-chosen";

function classData(learners: number, seed = 1): AttemptRow[] {
  const r = createRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(r() || 1e-9)) * Math.cos(2 * Math.PI * r());
  const rows: AttemptRow[] = [];
  for (let l = 0; l < learners; l++) {
    const ability = normal();
    for (let i = 0; i < ITEMS; i++) {
      const item = `scenario:item-${i}`;
      const difficulty = (i - ITEMS / 2) / 5;
      const knows = r() < 1 / (1 + Math.exp(-(1.7 * (ability - difficulty))));
      // The miskeyed item's key is the option the weaker learners pick.
      const correct = item === MISKEYED ? !knows : knows;
      const wrongPick = r() < 0.6 ? "a" : "b";
      rows.push({
        learner: `l${l}`,
        pack: "p",
        packVersion: "1",
        item,
        mode: "quiz",
        domain: i < 10 ? "d1" : "d2",
        ...(correct ? { chosen: "key" } : { chosen: wrongPick }),
        correct,
        ms: 1000 + i,
        at: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
      });
    }
  }
  return rows;
}

describe("item report", () => {
  const rows = classData(300);
  const report = itemReport(rows, { distractorsOf: () => ["a", "b", NEVER_PICKED] });

  it("counts learners and answers, once per learner per item", () => {
    const again = rows.map((x) => ({ ...x, correct: !x.correct, at: "2026-12-01T00:00:00.000Z" }));
    const r = itemReport([...rows, ...again]);
    expect(r.learners).toBe(300);
    expect(r.answers).toBe(300 * ITEMS);
    expect(r.items.every((i) => i.learners === 300)).toBe(true);
    expect(r.method).toMatch(/point-biserial/);
  });

  it("flags the planted miskeyed item, and only it, with negative discrimination", () => {
    const flagged = report.items.filter((i) => i.flags.some((f) => f.startsWith("negative discrimination")));
    expect(flagged.map((i) => i.item)).toEqual([MISKEYED]);
    for (const i of report.items) if (i.item !== MISKEYED) expect(i.discrimination!, i.item).toBeGreaterThan(0.15);
  });

  it("gives facility falling with difficulty", () => {
    const f = (n: number) => report.items.find((i) => i.item === `scenario:item-${n}`)!.facility;
    expect(f(0)).toBeGreaterThan(0.8);
    expect(f(19)).toBeLessThan(0.3);
    expect(f(3)).toBeGreaterThan(f(15));
  });

  it("counts distractor picks and flags a distractor no one picked", () => {
    const item = report.items.find((i) => i.item === "scenario:item-12")!;
    const a = item.distractors.find((d) => d.option === "a")!;
    const b = item.distractors.find((d) => d.option === "b")!;
    expect(a.picks + b.picks).toBe(Math.round((1 - item.facility) * 300));
    expect(a.picks).toBeGreaterThan(b.picks);
    expect(item.distractors.find((d) => d.option === NEVER_PICKED)!.picks).toBe(0);
    expect(item.flags).toContain(`distractor '${NEVER_PICKED}' was never picked`);
  });

  it("reports per domain", () => {
    expect(report.domains.map((d) => d.domain)).toEqual(["d1", "d2"]);
    expect(report.domains[0]!.facility).toBeGreaterThan(report.domains[1]!.facility);
    expect(report.domains[0]!.items).toBe(10);
  });

  it("round-trips through CSV and JSON exactly, including commas, quotes and newlines", () => {
    const odd: AttemptRow[] = [
      {
        learner: 'a,"b"',
        pack: "p",
        packVersion: "1",
        item: "scenario:x",
        mode: "exam",
        chosen: "line\nbreak",
        correct: false,
        ms: 12,
        at: "2026-12-01T10:00:00.000Z",
      },
      ...rows.slice(0, 50),
    ];
    expect(parseAttempts(attemptsCsv(odd), "a.csv")).toEqual(odd);
    expect(parseAttempts(attemptsJson(odd), "a.json")).toEqual(odd);
  });

  it("refuses a bad row with where it is", () => {
    const csv = attemptsCsv(rows.slice(0, 2)).replace(",quiz,", ",quizz,");
    expect(() => parseAttempts(csv, "class.csv")).toThrow(/class\.csv: line 2: mode/);
    expect(() => parseAttempts("learner,x\n", "h.csv")).toThrow(/h\.csv:1: expected the header/);
    expect(() => parseAttempts('{"format":"other"}', "o.json")).toThrow(/not an 'export attempts' file/);
  });
});
