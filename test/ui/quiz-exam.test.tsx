// The Quiz screen as a learner uses it, keys in and frames out (the Exam screen: exam.test.tsx).
import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { buildQuiz, type Question } from "../../src/quiz/index.js";
import { MemoryProgress } from "../../src/store/port.js";
import { App } from "../../src/ui/App.js";
import { KEY, press, shippedPack, type, loaded } from "./helpers.js";

const pack = shippedPack();
const open = (screen: "quiz" | "exam", params: Record<string, unknown>, size = { width: 100, height: 30 }) => {
  const progress = new MemoryProgress();
  return { progress, ...render(<App pack={pack} progress={progress} color={false} size={size} screen={screen} params={params} />) };
};
const ids = (...q: string[]) => buildQuiz(pack, { onlyIds: q, seed: 11, count: q.length });
const indexOf = (q: Question, id: string) => q.choices.findIndex((c) => c.id === id) + 1;

describe("Quiz screen", () => {
  it("opened from the menu, asks how many questions and which topic, then quizzes that", async () => {
    const { lastFrame, stdin, unmount } = open("quiz", {});
    await loaded(lastFrame);
    expect(lastFrame()).toContain("Quiz — how many questions?");
    expect(lastFrame()).toMatch(/1\. 5 questions/);
    await press(stdin, "1");
    expect(lastFrame()).toContain("Quiz — which topic?");
    const topic = pack.meta.topics.findIndex((t) => t.id === "network-activity") + 2;
    await press(stdin, String(topic));
    expect(lastFrame()).toContain("question 1 of 5");
    unmount();
  });

  // A wrong pick's why step, the reasons under the stem and the summary are tested in
  // test/quiz/screen.test.tsx and test/quiz/flow.test.ts.

  it("takes typed answers, forgiving misspellings; q is text while typing", async () => {
    const questions = ids("action:s3:GetObject");
    const { lastFrame, stdin, unmount } = open("quiz", { questions, typed: true });
    await loaded(lastFrame);
    await type(stdin, "qdata evnts");
    expect(lastFrame()).toContain("Your answer: qdata evnts");
    await press(stdin, KEY.backspace);
    await press(stdin, ...Array(10).fill(KEY.backspace));
    await type(stdin, "data evnts");
    await press(stdin, KEY.enter);
    expect(lastFrame()).toContain("✓ Correct: Data events");
    unmount();
  });

  it("never draws taller than a small window: long feedback scrolls", async () => {
    const questions = ids("scenario:security-group-change-who");
    const { lastFrame, stdin, unmount } = open("quiz", { questions }, { width: 60, height: 15 });
    await loaded(lastFrame);
    await press(stdin, String(indexOf(questions[0]!, "data-events")));
    expect(lastFrame()!.split("\n").length).toBeLessThanOrEqual(15);
    expect(lastFrame()).toMatch(/lines 1–\d+ of \d+/);
    await press(stdin, KEY.down, KEY.down);
    expect(lastFrame()).toMatch(/lines 3–/);
    unmount();
  });
});
