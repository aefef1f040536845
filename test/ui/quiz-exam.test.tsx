// The Exam screen as a learner uses it, keys in and frames out.
import { render } from "ink-testing-library";
import React from "react";
import { describe, expect, it } from "vitest";
import { buildQuiz, type Question } from "../../src/quiz/index.js";
import { MemoryProgress } from "../../src/store/port.js";
import { App } from "../../src/ui/App.js";
import { frameShows, KEY, press, shippedPack, type, loaded } from "./helpers.js";

const pack = shippedPack();
const open = (screen: "quiz" | "exam", params: Record<string, unknown>, size = { width: 100, height: 30 }) => {
  const progress = new MemoryProgress();
  return { progress, ...render(<App pack={pack} progress={progress} color={false} size={size} screen={screen} params={params} />) };
};
const ids = (...q: string[]) => buildQuiz(pack, { onlyIds: q, seed: 11, count: q.length });
const indexOf = (q: Question, id: string) => q.choices.findIndex((c) => c.id === id) + 1;

// The Quiz screen's tests live in test/quiz/screen.test.tsx (over the quiz fixture pack).

describe("Exam screen", () => {
  const questions = buildQuiz(pack, { seed: 5, count: 4, kinds: ["scenario"] });
  const right = (q: Question) => String(q.choices.findIndex((c) => c.correct) + 1);

  it("shows a countdown, lets answers change, flags, reviews and submits with pass/fail and domain bars", async () => {
    const { lastFrame, stdin, unmount, progress } = open("exam", { questions });
    await loaded(lastFrame);
    expect(lastFrame()).toMatch(/question 1 of 4 · ⏱ 06:00 left · answered 0\/4/);
    await press(stdin, right(questions[0]!) === "1" ? "2" : "1", right(questions[0]!), "f");
    expect(lastFrame()).toContain("[flagged]");
    expect(lastFrame()).toContain("answered 1/4 · 1 flagged");
    await press(stdin, KEY.right, right(questions[1]!), "n", right(questions[2]!), "r");
    const review = lastFrame()!;
    expect(review).toContain("Review before submitting: 1 unanswered, 1 flagged");
    expect(review).toMatch(/4\. · unanswered/);
    await press(stdin, "s");
    const result = lastFrame()!;
    expect(result).toContain("✓ PASS  3/4 (75%) — passing mark 75%");
    expect(result).toContain("1 unanswered");
    expect(result).toContain("By domain:");
    expect(result).toMatch(/█/);
    expect(result).toContain("Missed (1):");
    expect(progress.attempts()[0]).toMatchObject({ kind: "exam", score: 3, total: 4 });
    await press(stdin, "m");
    expect(lastFrame()).toContain("question 1 of 1");
    unmount();
  });

  it("submits by itself when time runs out", async () => {
    const { lastFrame, unmount } = open("exam", { questions, minutes: 0.002, tickMs: 20 });
    await loaded(lastFrame);
    await frameShows(lastFrame, "Time ran out");
    expect(lastFrame()).toContain("✗ FAIL  0/4");
    unmount();
  });
});
