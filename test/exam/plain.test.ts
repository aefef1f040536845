// Plain-mode exam as a driver of the same reducer: numbers per line, blank skips, q asks
// "submit now / keep going / abandon"; the attempt is saved once, and never for an abandoned exam.
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { NO_PAINT } from "../../src/content/format.js";
import { parsePicks, runPlainExam } from "../../src/plain/exam.js";
import { buildQuiz } from "../../src/quiz/index.js";
import type { AttemptRecord } from "../../src/quiz/index.js";
import { shippedPack } from "../ui/helpers.js";

const pack = shippedPack();
const questions = buildQuiz(pack, { seed: 2, count: 3, kinds: ["scenario"] });

async function run(lines: string[]) {
  const queue = [...lines];
  const out = new PassThrough();
  let text = "";
  out.on("data", (d) => (text += String(d)));
  const saved: AttemptRecord[] = [];
  const r = await runPlainExam(
    pack,
    questions,
    { lines: { next: async () => queue.shift() ?? null, close: () => {} }, out, paint: NO_PAINT, now: Date.now, askWhy: false },
    { record: (a) => saved.push(a) },
  );
  return { ...r, text, saved };
}

describe("plain exam", () => {
  it("q then k keeps going; the exam ends with a review of every question, saved once", async () => {
    const right = String(questions[0]!.choices.findIndex((c) => c.correct) + 1);
    const r = await run(["q", "k", right, "", "9", "1"]);
    expect(r.text).toContain("Leave the exam? s submit now · k keep going · a abandon");
    expect(r.text).toContain("please type a number from 1 to");
    expect(r.result).toMatchObject({ total: 3, unanswered: 1 });
    expect(r.result!.score).toBeGreaterThanOrEqual(1);
    expect(r.text).toContain("Review: every question (3)");
    expect(r.saved).toHaveLength(1);
  });

  it("q then a abandons: nothing is saved and there is no result", async () => {
    const r = await run(["1", "q", "a"]);
    expect(r.abandoned).toBe(true);
    expect(r.result).toBeUndefined();
    expect(r.saved).toHaveLength(0);
    expect(r.text).toContain("Exam abandoned: nothing was saved.");
  });

  it("q then s submits at once", async () => {
    const r = await run(["q", "s"]);
    expect(r.result).toMatchObject({ unanswered: 3 });
    expect(r.saved).toHaveLength(1);
  });

  it("reads one number, or N different numbers for a Choose-N question", () => {
    expect(parsePicks("2", 4, 1)).toEqual([1]);
    expect(parsePicks("1 3", 4, 2)).toEqual([0, 2]);
    expect(parsePicks("1,3", 4, 2)).toEqual([0, 2]);
    expect(parsePicks("1 1", 4, 2)).toBeUndefined();
    expect(parsePicks("5", 4, 1)).toBeUndefined();
    expect(parsePicks("1", 4, 2)).toBeUndefined();
  });
});
