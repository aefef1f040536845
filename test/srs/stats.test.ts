// Stats from everything a learner does: quiz and exam answers count towards domain readiness and
// misconceptions next to drill reviews; exam history has a trend; domain names are never cut.
import { describe, expect, it } from "vitest";
import { buildDeck } from "../../src/srs/cards.js";
import { computeStats } from "../../src/srs/stats.js";
import { statsLines, domainBarLines, nameColumn } from "../../src/present/stats.js";
import type { AttemptRecord } from "../../src/quiz/index.js";
import { shippedPack } from "../ui/helpers.js";

const pack = shippedPack();
const deck = buildDeck(pack);
const now = Date.UTC(2026, 11, 1, 12);
const scenario = pack.scenarios[0]!;
const domain = pack.meta.domains.find((d) => d.id === scenario.domain)!;
const wrongOption = scenario.distractors[0]!.option;

const attempt = (kind: "quiz" | "exam", score: number, total: number, daysAgo: number, answers: AttemptRecord["answers"] = []): AttemptRecord => ({
  kind,
  startedAt: new Date(now - daysAgo * 86_400_000 - 60_000),
  finishedAt: new Date(now - daysAgo * 86_400_000),
  score,
  total,
  answers,
});

describe("stats from quiz and exam answers", () => {
  const miss = { itemId: `scenario:${scenario.id}`, correct: false, chosen: wrongOption, elapsedMs: 1000, domain: domain.id };
  const hitA = { itemId: `scenario:${scenario.id}`, correct: true, elapsedMs: 1000, domain: domain.id };
  const attempts = [attempt("quiz", 1, 3, 3, [miss, miss, hitA]), attempt("exam", 10, 20, 2), attempt("exam", 16, 20, 1)];
  const stats = computeStats(pack, deck, new Map(), [], now, undefined, attempts);

  it("counts quiz and exam answers towards the domain's readiness, with no drill review at all", () => {
    const row = stats.byDomain.find((d) => d.domain === domain.id)!;
    expect(row).toMatchObject({ reviews: 0, answers: 3 });
    expect(row.accuracy).toBeCloseTo(1 / 3, 3);
  });

  it("a distractor picked twice in quizzes is a misconception, with its reason", () => {
    expect(stats.misconceptions).toContainEqual(
      expect.objectContaining({ cardId: `scenario:${scenario.id}`, chosen: wrongOption, count: 2, why: scenario.distractors[0]!.why }),
    );
  });

  it("lists exams oldest first with the trend from the first to the latest", () => {
    expect(stats.exams.map((e) => e.percent)).toEqual([50, 80]);
    expect(stats.examTrend).toBe(30);
    const text = statsLines(stats, 100, now)
      .map((l) => l.text)
      .join("\n");
    expect(text).toContain("Exam history (2)");
    expect(text).toContain("Trend: ↑ up 30 points");
  });
});

describe("domain names", () => {
  it("wrap at word boundaries instead of being cut", () => {
    expect(nameColumn("Logging and monitoring of events", 14).map((l) => l.trimEnd())).toEqual(["Logging and", "monitoring of", "events"]);
    const lines = domainBarLines([{ domain: "x", name: "Logging and monitoring of events", correct: 1, total: 2 }], 40);
    for (const l of lines) expect(l.text).not.toContain("…");
    expect(lines.map((l) => l.text.trim().split("  ")[0]).join(" ")).toBe("Logging and monitoring of events");
  });
});
