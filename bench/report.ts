// `report items` at class scale: 1,000 learners × 200 items (200,000 answers) exported as CSV,
// parsed back and analysed, against `JSON.parse` of the same answers as the baseline.
import { attemptsCsv, attemptsJson, parseAttempts, type AttemptRow } from "../src/report/attempts.js";
import { itemReport } from "../src/report/items.js";
import type { Row } from "./run.js";

export function classRows(learners: number, items: number): AttemptRow[] {
  const rows: AttemptRow[] = [];
  let s = 1;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let l = 0; l < learners; l++) {
    const ability = rnd() * 4 - 2;
    for (let i = 0; i < items; i++) {
      const correct = rnd() < 1 / (1 + Math.exp(-(ability - (i / items) * 4 + 2)));
      rows.push({
        learner: `l${l}`,
        pack: "bench",
        packVersion: "1",
        item: `scenario:item-${i}`,
        mode: "quiz",
        domain: `d${i % 4}`,
        chosen: correct ? "key" : ["a", "b", "c"][i % 3]!,
        correct,
        ms: 1000,
        at: new Date(Date.UTC(2026, 0, 1) + l * 1000 + i).toISOString(),
      });
    }
  }
  return rows;
}

export function reportBench(rows: Row[], quick: boolean, median: (xs: number[]) => number): void {
  const learners = quick ? 50 : 1000;
  const data = classRows(learners, 200);
  const csv = attemptsCsv(data);
  const json = attemptsJson(data);
  const base: number[] = [];
  const full: number[] = [];
  for (let r = 0; r < (quick ? 1 : 5); r++) {
    let t = performance.now();
    JSON.parse(json);
    base.push(performance.now() - t);
    t = performance.now();
    itemReport(parseAttempts(csv, "class.csv"));
    full.push(performance.now() - t);
  }
  const ms = median(full);
  const b = median(base);
  rows.push({
    name: `report items, ${learners.toLocaleString("en-US")} learners × 200 items (parse CSV + analyse)`,
    unit: "ms",
    value: Math.round(ms),
    baselineName: "JSON.parse of the same answers",
    baseline: Math.round(b),
    ratio: Math.round((ms / b) * 10) / 10,
    budget: "≤ 2,000 ms",
    ok: ms <= 2000,
  });
}
