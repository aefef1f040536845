// The exam reducer, driven directly: answers (single and "Choose two"), moving, flags, the review
// list, the clock (ticks, pauses by the learner and by a too-small window, auto-submit), Esc/q's
// "submit now / keep going / abandon", effects queued once per phase change, the full review after
// submitting and "retake missed" at the exam's pace.
import { describe, expect, it } from "vitest";
import { examReducer, newExamFlow, pendingEffects, reviewEntries, type ExamAction, type ExamFlow } from "../../src/exam/flow.js";
import { examResult, isRight, remainingMs, startExam, submitExam } from "../../src/exam/session.js";
import { buildQuiz, type Question } from "../../src/quiz/index.js";
import { shippedPack } from "../ui/helpers.js";

const pack = shippedPack();
const questions = buildQuiz(pack, { seed: 5, count: 4, kinds: ["scenario"] });
const rightIndex = (q: Question) => q.choices.findIndex((c) => c.correct);
const wrongIndex = (q: Question) => q.choices.findIndex((c) => !c.correct);
const run = (f: ExamFlow, ...actions: ExamAction[]) => actions.reduce((s, a) => examReducer(pack, s, a), f);
const T0 = 1_000_000;
const start = (qs = questions, minutes?: number) => newExamFlow(qs, { now: T0, ...(minutes !== undefined ? { minutes } : {}) });

/** A "Choose two" question made from a real one: its answer and one distractor both correct. */
function chooseTwo(q: Question): Question {
  const w = wrongIndex(q);
  return { ...q, id: `${q.id}:two`, choose: 2, choices: q.choices.map((c, i) => (i === w ? { ...c, correct: true } : c)) };
}

describe("exam reducer", () => {
  it("answers, changes an answer, moves, flags and opens a question from the review list", () => {
    const q0 = questions[0]!;
    let f = run(start(), { type: "pick", index: wrongIndex(q0), now: T0 + 1 }, { type: "pick", index: rightIndex(q0), now: T0 + 2 }, { type: "flag" });
    expect(f.exam.picks[0]).toEqual([rightIndex(q0)]);
    expect(f.exam.flagged[0]).toBe(true);
    f = run(f, { type: "move", by: 1, now: T0 + 10_000 }, { type: "move", by: 5, now: T0 + 11_000 });
    expect(f.exam.index).toBe(3);
    expect(f.exam.spentMs[0]).toBe(10_000);
    expect(f.exam.spentMs[1]).toBe(1_000);
    f = run(f, { type: "review" }, { type: "reviewMove", by: 2 });
    expect(f.view).toBe("review");
    expect(f.reviewAt).toBe(1);
    f = run(f, { type: "reviewOpen", now: T0 + 12_000 });
    expect(f).toMatchObject({ view: "question" });
    expect(f.exam.index).toBe(1);
  });

  it("a Choose-two question toggles picks, takes no third, and is right only with both", () => {
    const two = chooseTwo(questions[0]!);
    const [a, b] = two.choices.flatMap((c, i) => (c.correct ? [i] : []));
    const other = two.choices.findIndex((c) => !c.correct);
    let f = run(start([two]), { type: "pick", index: a!, now: T0 }, { type: "pick", index: other, now: T0 });
    expect(f.exam.picks[0]).toEqual([a, other]);
    f = run(f, { type: "toggle", index: b!, now: T0 });
    expect(f.exam.picks[0]).toEqual([a, other]);
    expect(isRight(f.exam, 0)).toBe(false);
    f = run(f, { type: "toggle", index: other, now: T0 }, { type: "toggle", index: b!, now: T0 });
    expect(isRight(f.exam, 0)).toBe(true);
    f = run(f, { type: "submit", now: T0 + 5 });
    expect(f.result).toMatchObject({ score: 1, total: 1 });
  });

  it("Esc/q asks first: keep going returns to where it was, submit ends it, abandon leaves without saving", () => {
    const asked = run(start(), { type: "review" }, { type: "abandonRequest" });
    expect(asked.view).toBe("confirm");
    expect(run(asked, { type: "confirm", choice: "keep", now: T0 }).view).toBe("review");
    expect(run(asked, { type: "abandonCancel" }).view).toBe("review");
    const left = run(asked, { type: "confirm", choice: "abandon", now: T0 });
    expect(left.effects.map((e) => e.type)).toEqual(["leave"]);
    const submitted = run(asked, { type: "confirmMove", by: -1 }, { type: "confirm", now: T0 + 1 });
    expect(submitted.view).toBe("result");
    expect(submitted.effects.map((e) => e.type)).toEqual(["record"]);
  });

  it("queues the record effect once, with the attempt; a driver runs only effects it has not run", () => {
    const q0 = questions[0]!;
    const f = run(
      start(),
      { type: "pick", index: rightIndex(q0), now: T0 + 3000 },
      { type: "submit", now: T0 + 4000 },
      { type: "submit", now: T0 + 5000 },
      { type: "tick", now: T0 + 6000 },
    );
    const effects = pendingEffects(f, 0);
    expect(effects).toHaveLength(1);
    const e = effects[0]!;
    expect(e.type).toBe("record");
    if (e.type === "record") {
      expect(e.attempt).toMatchObject({ kind: "exam", score: 1, total: 4 });
      expect(e.attempt.answers[0]).toMatchObject({ itemId: q0.id, correct: true, elapsedMs: 4000, chosen: q0.choices[rightIndex(q0)]!.id });
    }
    expect(pendingEffects(f, e.id)).toEqual([]);
  });

  it("the clock stops while paused (by the learner or a too-small window) and moves the deadline on", () => {
    let f = start(questions, 10);
    expect(remainingMs(f.exam, T0)).toBe(600_000);
    f = run(f, { type: "pause", reason: "window", now: T0 + 60_000 }, { type: "tick", now: T0 + 400_000 });
    expect(remainingMs(f.exam, T0 + 400_000)).toBe(540_000);
    // Picks are refused while the question is hidden behind the learner's pause.
    f = run(
      f,
      { type: "pause", reason: "learner", now: T0 + 400_000 },
      { type: "resume", reason: "window", now: T0 + 500_000 },
      { type: "pick", index: 0, now: T0 + 500_000 },
    );
    expect(f.exam.picks[0]).toEqual([]);
    expect(remainingMs(f.exam, T0 + 900_000)).toBe(540_000);
    f = run(f, { type: "resume", reason: "learner", now: T0 + 900_000 });
    expect(remainingMs(f.exam, T0 + 960_000)).toBe(480_000);
    // Past the moved deadline, any action submits as it stands.
    f = run(f, { type: "tick", now: T0 + 900_000 + 540_001 });
    expect(f.view).toBe("result");
    expect(f.result).toMatchObject({ timedOut: true, durationMs: 600_000 });
  });

  it("after submitting, reviews every question with the picks, filterable to missed and flagged", () => {
    const q0 = questions[0]!;
    const q1 = questions[1]!;
    const f = run(
      start(),
      { type: "pick", index: rightIndex(q0), now: T0 },
      { type: "move", by: 1, now: T0 },
      { type: "pick", index: wrongIndex(q1), now: T0 },
      { type: "flag" },
      { type: "submit", now: T0 + 1 },
    );
    expect(reviewEntries(f).map((e) => e.index)).toEqual([0, 1, 2, 3]);
    expect(reviewEntries(f)[1]).toMatchObject({ picks: [wrongIndex(q1)], correct: false, flagged: true });
    const missed = run(f, { type: "filter" });
    expect(missed.filter).toBe("missed");
    expect(reviewEntries(missed).map((e) => e.index)).toEqual([1, 2, 3]);
    const flagged = run(missed, { type: "filter" });
    expect(reviewEntries(flagged).map((e) => e.index)).toEqual([1]);
  });

  it("retake missed keeps the exam's pace, not the default minutes per question", () => {
    const f = run(
      start(questions, 2),
      { type: "pick", index: rightIndex(questions[0]!), now: T0 },
      { type: "submit", now: T0 + 1 },
      { type: "retake", now: T0 + 10 },
    );
    expect(f.view).toBe("question");
    expect(f.exam.questions).toHaveLength(3);
    expect(remainingMs(f.exam, T0 + 10)).toBe(90_000);
    expect(f.effects).toHaveLength(1);
  });

  it("an exam submitted late counts only up to its deadline", () => {
    const s = submitExam(startExam(questions, { now: T0, minutes: 1 }), T0 + 120_000);
    expect(examResult(pack, s)).toMatchObject({ timedOut: true, durationMs: 60_000, unanswered: 4 });
  });
});
