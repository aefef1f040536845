// The Exam screen as a learner uses it, keys in and frames out; every step awaits the frame it
// expects. The clock is a fake one the test moves, so times on screen are exact.
import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { buildQuiz, type Question } from "../../src/quiz/index.js";
import { MemoryProgress } from "../../src/store/port.js";
import { App } from "../../src/ui/App.js";
import { eventually, frameMatches, hit, KEY, loaded, shippedPack } from "./helpers.js";

const pack = shippedPack();
const questions = buildQuiz(pack, { seed: 5, count: 4, kinds: ["scenario"] });
const right = (q: Question) => String(q.choices.findIndex((c) => c.correct) + 1);
const wrong = (q: Question) => String(q.choices.findIndex((c) => !c.correct) + 1);

function open(params: Record<string, unknown>, size = { width: 100, height: 30 }) {
  const progress = new MemoryProgress();
  const clock = { t: 1_000_000 };
  const all = { questions, now: () => clock.t, tickMs: 20, ...params };
  const app = render(<App pack={pack} progress={progress} color={false} size={size} screen="exam" params={all} />);
  const resize = (s: { width: number; height: number }) =>
    app.rerender(<App pack={pack} progress={progress} color={false} size={s} screen="exam" params={all} />);
  return { ...app, progress, clock, resize };
}

describe("Exam screen", () => {
  it("from the menu, asks how many questions, how much time and which domains, with the defaults stated", async () => {
    const app = open({ questions: undefined });
    await loaded(app.lastFrame);
    const first = await frameMatches(app.lastFrame, "Exam — how many questions?");
    expect(first).toContain("Defaults: 20 questions, 1.5 minutes per question, every domain.");
    expect(first).toMatch(/› 2\. 20 questions \(default\)/);
    const pace = await hit(app, "1", "Exam — how much time?");
    expect(pace).toContain("1. 15 minutes — 1.5 per question (default)");
    await hit(app, "2", "Exam — which domains?");
    const domains = pack.meta.domains;
    // Leave only the first domain in: toggle the others off.
    for (let i = 2; i <= domains.length; i++) await hit(app, String(i));
    const f = await hit(app, String(domains.length + 1), /question 1 of \d+ · ⏱ \d\d:00 left/);
    const n = Number(/question 1 of (\d+)/.exec(f)![1]);
    expect(n).toBeLessThanOrEqual(10);
    expect(f).toContain(`⏱ ${String(n * 2).padStart(2, "0")}:00 left`);
    app.unmount();
  });

  it("counts down, lets answers change, flags, reviews, submits and reviews every question", async () => {
    const app = open({});
    await loaded(app.lastFrame);
    expect(app.lastFrame()).toMatch(/question 1 of 4 · ⏱ 06:00 left · answered 0\/4/);
    await hit(app, wrong(questions[0]!), `Your answer: ${wrong(questions[0]!)}.`);
    await hit(app, right(questions[0]!), `Your answer: ${right(questions[0]!)}.`);
    await hit(app, "f", "answered 1/4 · 1 flagged");
    expect(app.lastFrame()).toContain("[flagged]");
    await hit(app, KEY.right, "question 2 of 4");
    await hit(app, right(questions[1]!), "answered 2/4");
    await hit(app, "n", "question 3 of 4");
    await hit(app, right(questions[2]!), "answered 3/4");
    const review = await hit(app, "r", "Review before submitting: 1 unanswered, 1 flagged");
    expect(review).toMatch(/4\. · unanswered/);
    const result = await hit(app, "s", "PASS");
    expect(result).toContain("✓ PASS  3/4 (75%) — passing mark 75%");
    expect(result).toContain("1 unanswered · 1 flagged");
    expect(result).toContain("By domain:");
    expect(result).toContain("Review: every question (4)");
    await eventually(() => app.progress.attempts().length === 1, "the attempt is saved");
    expect(app.progress.attempts()[0]).toMatchObject({ kind: "exam", score: 3, total: 4 });
    const missed = await hit(app, "f", "Review: missed only (1)");
    expect(missed).toContain("✗ 4/4 unanswered");
    await hit(app, "f", "Review: flagged only (1)");
    await hit(app, "m", "question 1 of 1");
    // The retake keeps the pace: 1.5 minutes for its one question.
    expect(app.lastFrame()).toContain("⏱ 01:30 left");
    app.unmount();
  });

  it("the review of a question shows the pick, the answer and each option's reason", async () => {
    const app = open({ questions: questions.slice(0, 1) });
    await loaded(app.lastFrame);
    const q = questions[0]!;
    await hit(app, wrong(q), "answered 1/1");
    await hit(app, "r", "Review before submitting");
    const f = await hit(app, "s", "Review: every question (1)");
    const picked = q.choices[Number(wrong(q)) - 1]!;
    expect(f).toContain(`${picked.label} (your pick) — ${picked.why!.slice(0, 20)}`);
    expect(f).toMatch(/✓ \d\. .+ \(answer\)/);
    app.unmount();
  });

  it("submits by itself when time runs out", async () => {
    const app = open({ minutes: 0.5 });
    await loaded(app.lastFrame);
    app.clock.t += 31_000;
    const f = await frameMatches(app.lastFrame, "Time ran out");
    expect(f).toContain("✗ FAIL  0/4");
    app.unmount();
  });

  it("Esc and q ask before leaving: keep going keeps the answers, abandon leaves and saves nothing", async () => {
    const app = open({});
    await loaded(app.lastFrame);
    await hit(app, right(questions[0]!), "answered 1/4");
    await hit(app, KEY.esc, "Leave the exam? 3 of 4 unanswered.");
    expect(app.lastFrame()).toContain("Submit now and see the result");
    await hit(app, "2", "answered 1/4");
    expect(app.lastFrame()).toContain("question 1 of 4");
    await hit(app, "q", "Leave the exam?");
    await hit(app, "3", "Exam"); // back to the menu
    await frameMatches(app.lastFrame, (f) => f.includes("Drill") && !f.includes("Leave the exam"));
    expect(app.progress.attempts()).toHaveLength(0);
    app.unmount();
  });

  it("opening and closing ? keeps the exam, its answers and its clock", async () => {
    const app = open({});
    await loaded(app.lastFrame);
    await hit(app, right(questions[0]!), "answered 1/4");
    await hit(app, "n", "question 2 of 4");
    app.clock.t += 10_000;
    await frameMatches(app.lastFrame, "05:50 left");
    await hit(app, "?", "Keys — Exam");
    // A key pressed while the list covers the exam does not answer it.
    app.stdin.write("1");
    app.clock.t += 5_000;
    await hit(app, "?", "05:45 left");
    const f = app.lastFrame()!;
    expect(f).toContain("question 2 of 4");
    expect(f).toContain("answered 1/4");
    app.unmount();
  });

  it("a window too small hides the exam and stops its clock; enlarged again, it is all there", async () => {
    const app = open({});
    await loaded(app.lastFrame);
    await hit(app, right(questions[0]!), "answered 1/4");
    app.clock.t += 20_000;
    await frameMatches(app.lastFrame, "05:40 left");
    app.resize({ width: 50, height: 10 });
    await frameMatches(app.lastFrame, "Terminal too small");
    app.clock.t += 120_000;
    await new Promise((r) => setTimeout(r, 60)); // a few ticks of the 20 ms clock while hidden
    app.resize({ width: 100, height: 30 });
    const f = await frameMatches(app.lastFrame, "question 1 of 4");
    expect(f).toContain("05:40 left");
    expect(f).toContain("answered 1/4");
    app.clock.t += 1_000;
    await frameMatches(app.lastFrame, "05:39 left");
    app.unmount();
  });

  it("Space pauses: the question is hidden and the clock stopped until Space again", async () => {
    const app = open({});
    await loaded(app.lastFrame);
    await hit(app, " ", "Paused: the clock is stopped");
    expect(app.lastFrame()).not.toContain(questions[0]!.prompt.slice(0, 30));
    app.clock.t += 60_000;
    await hit(app, " ", "06:00 left");
    app.unmount();
  });

  it("keys sent in a burst are applied in order", async () => {
    const app = open({});
    await loaded(app.lastFrame);
    for (const k of [right(questions[0]!), "n", right(questions[1]!), "f", "n", "n"]) app.stdin.write(k);
    const f = await frameMatches(app.lastFrame, "question 4 of 4");
    expect(f).toContain("answered 2/4 · 1 flagged");
    app.unmount();
  });
});
