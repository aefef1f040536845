// The quiz reducer both drivers use: the why step comes before any reason, "Choose two" toggles
// and submits, typed input it cannot read is asked again, and Esc/q asks before abandoning.
import { describe, expect, it } from "vitest";
import { buildQuiz, type Question } from "../../src/quiz/index.js";
import { currentQuestion, isTyping, quizReducer, startFlow, type QuizAction, type QuizFlow } from "../../src/quiz/flow.js";
import { fixturePack } from "./fixture.js";

const pack = fixturePack();
const ids = (...q: string[]) => q.map((id) => buildQuiz(pack, { onlyIds: [id], seed: 1 })[0]!);
const at = (q: Question, id: string) => q.choices.findIndex((c) => c.id === id);
const run = (flow: QuizFlow, ...actions: QuizAction[]) => actions.reduce((f, a) => quizReducer(pack, f, a), flow);

describe("quiz flow", () => {
  it("a wrong pick asks why it fails before any reason is shown, then shows the feedback", () => {
    const [q] = ids("scenario:security-group-change-who");
    let f = run(startFlow([q!], { typed: false, now: 0, seed: 5 }), { type: "pick", index: at(q!, "data-events"), now: 10 });
    expect(f.phase).toBe("why");
    expect(f.why!.reasons).toHaveLength(4);
    const right = f.why!.reasons.findIndex((r) => r.correct);
    f = run(f, { type: "why", index: right });
    expect(f.phase).toBe("feedback");
    expect(f.whyPick).toBe(right);
    expect(f.feedback!.correct).toBe(false);
    f = run(f, { type: "continue", now: 20 });
    expect(f.phase).toBe("summary");
    expect(f.summary!.score).toBe(0);
  });

  it("a right pick, or a wrong one without three foils, goes straight to the feedback", () => {
    const [q] = ids("scenario:security-group-change-who");
    expect(run(startFlow([q!], { typed: false, now: 0 }), { type: "pick", index: at(q!, "management-events"), now: 1 }).phase).toBe("feedback");
    expect(run(startFlow([q!], { typed: false, now: 0 }), { type: "pick", index: at(q!, "network-activity-events"), now: 1 }).phase).toBe("feedback");
  });

  it("the why step can be skipped with continue", () => {
    const [q] = ids("scenario:security-group-change-who");
    const f = run(startFlow([q!], { typed: false, now: 0 }), { type: "pick", index: at(q!, "data-events"), now: 1 }, { type: "continue", now: 2 });
    expect(f.phase).toBe("feedback");
    expect(f.why).toBeUndefined();
  });

  it("'Choose two' toggles picks and submits exactly two, all or nothing", () => {
    const [q] = ids("scenario:trail-destinations");
    const s3 = at(q!, "s3");
    const cw = at(q!, "cloudwatch");
    let f = startFlow([q!], { typed: false, now: 0 });
    f = run(f, { type: "pick", index: s3, now: 1 });
    expect(f.phase).toBe("question");
    expect(f.selected).toEqual([s3]);
    expect(run(f, { type: "submit", now: 2 }).phase).toBe("question"); // one of two: not yet
    f = run(f, { type: "toggle", index: at(q!, "athena") }, { type: "toggle", index: at(q!, "athena") }, { type: "toggle", index: cw });
    expect(f.selected).toEqual([s3, cw].sort((a, b) => a - b));
    f = run(f, { type: "submit", now: 3 });
    expect(f.phase).toBe("feedback");
    expect(f.feedback!.correct).toBe(true);
    expect(f.quiz.answers[0]!.choiceIndexes).toEqual([s3, cw].sort((a, b) => a - b));
    const wrong = run(
      startFlow([q!], { typed: false, now: 0 }),
      { type: "toggle", index: s3 },
      { type: "toggle", index: at(q!, "athena") },
      { type: "submit", now: 1 },
    );
    expect(wrong.feedback!.correct).toBe(false);
  });

  it("typed mode asks again, ungraded, for input it cannot read", () => {
    const [q] = ids("scenario:security-group-change-who");
    let f = startFlow([q!], { typed: true, now: 0 });
    expect(isTyping(f)).toBe(true);
    f = run(f, { type: "type", text: "no", now: 1 });
    expect(f.phase).toBe("question");
    expect(f.quiz.answers[0]).toBeUndefined();
    expect(f.typedMessage).toMatch(/does not read as/);
    f = run(f, { type: "type", text: "managment events", now: 2 });
    expect(f.phase).toBe("feedback");
    expect(f.feedback!.correct).toBe(true);
  });

  it("typed mode shows choices for a question whose answer is not a name", () => {
    const [q] = ids("scenario:org-trail-member-account");
    const f = startFlow([q!], { typed: true, now: 0 });
    expect(isTyping(f)).toBe(false);
    expect(run(f, { type: "pick", index: 0, now: 1 }).phase).not.toBe("question");
  });

  it("asks before abandoning; cancel keeps going where it was, confirm abandons", () => {
    const qs = ids("scenario:security-group-change-who", "action:s3:GetObject");
    let f = run(startFlow(qs, { typed: false, now: 0 }), { type: "pick", index: qs[0]!.choices.findIndex((c) => c.correct), now: 1 });
    f = run(f, { type: "abandon-request" });
    expect(f.confirmAbandon).toBe(true);
    expect(run(f, { type: "continue", now: 2 })).toBe(f); // nothing else moves while asking
    const kept = run(f, { type: "abandon-cancel" });
    expect([kept.phase, kept.confirmAbandon]).toEqual(["feedback", false]);
    expect(run(f, { type: "abandon-confirm" }).phase).toBe("abandoned");
  });

  it("retries only the missed questions from the summary", () => {
    const qs = ids("action:s3:GetObject", "action:s3:CreateBucket");
    let f = startFlow(qs, { typed: false, now: 0 });
    f = run(f, { type: "pick", index: qs[0]!.choices.findIndex((c) => c.correct), now: 1 }, { type: "continue", now: 2 });
    f = run(f, { type: "pick", index: qs[1]!.choices.findIndex((c) => !c.correct), now: 3 });
    if (f.phase === "why") f = run(f, { type: "continue", now: 4 });
    f = run(f, { type: "continue", now: 5 });
    expect(f.phase).toBe("summary");
    f = run(f, { type: "retry", now: 6 });
    expect(f.quiz.questions.map((q) => q.id)).toEqual([qs[1]!.id]);
    expect(currentQuestion(f)!.id).toBe(qs[1]!.id);
  });
});
