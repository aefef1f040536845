// The Quiz and Exam screens as a learner uses them, keys in and frames out.
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

  it("shows the requirement and numbered options; a wrong pick shows every distractor's reason, then asks why it fails", async () => {
    const questions = ids("scenario:security-group-change-who");
    const q = questions[0]!;
    const { lastFrame, stdin, unmount } = open("quiz", { questions });
    await loaded(lastFrame);
    expect(lastFrame()).toContain("which principal opened port 22");
    expect(lastFrame()).toMatch(/1\. .+\n.*2\. /);
    await press(stdin, String(indexOf(q, "data-events")));
    const f = lastFrame()!;
    expect(f).toContain("✗ Not Data events. The answer is Management events");
    expect(f).toContain("Data events (your pick): AuthorizeSecurityGroupIngress is a control-plane call");
    expect(f).toContain("Network activity events: They record calls that traverse a VPC endpoint");
    expect(f).toContain("Enter: why does your pick fail?");
    await press(stdin, KEY.enter);
    expect(lastFrame()).toContain('Why does "Data events" fail this requirement?');
    const reasons = lastFrame()!.split("\n").filter((l) => /^\s+\d\. /.test(l));
    const right = reasons.findIndex((l) => l.includes("AuthorizeSecurityGroupIngress is a control-plane")) + 1;
    expect(right).toBeGreaterThan(0);
    await press(stdin, String(right));
    expect(lastFrame()).toContain("✓ Yes — that is its reason.");
    unmount();
  });

  it("a right answer says so; the end shows the score, the missed ones, and r retries only those", async () => {
    const questions = ids("action:s3:GetObject", "action:s3:CreateBucket").sort((a, b) => (a.id < b.id ? 1 : -1));
    expect(questions[0]!.id).toBe("action:s3:GetObject");
    const { lastFrame, stdin, unmount, progress } = open("quiz", { questions });
    await loaded(lastFrame);
    await press(stdin, String(indexOf(questions[0]!, "data-events")));
    expect(lastFrame()).toContain("✓ Correct: Data events");
    await press(stdin, KEY.enter, String(indexOf(questions[1]!, "data-events")), KEY.enter);
    expect(lastFrame()).toContain("Why does");
    await press(stdin, "1", KEY.enter);
    const end = lastFrame()!;
    expect(end).toContain("Score: 1/2 (50%)");
    expect(end).toContain("Missed (1):");
    expect(end).toContain("s3:CreateBucket");
    expect(progress.attempts()).toHaveLength(1);
    expect(progress.attempts()[0]!.score).toBe(1);
    await press(stdin, "r");
    expect(lastFrame()).toContain("question 1 of 1");
    expect(lastFrame()).toContain("s3:CreateBucket");
    unmount();
  });

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
