// Building quizzes from the shipped pack: deterministic for a seed, four options with the answer
// among them, distractors with their reasons, generated questions that agree with the catalog.
import { describe, expect, it } from "vitest";
import {
  answerQuiz,
  buildQuiz,
  feedback,
  isQuizDone,
  nextQuestion,
  retryMissed,
  startQuiz,
  summarizeQuiz,
  type Question,
} from "../../src/quiz/index.js";
import { shippedPack } from "../ui/helpers.js";

const pack = shippedPack();
const only = (id: string, seed = 1) => buildQuiz(pack, { onlyIds: [id], seed })[0]!;

describe("buildQuiz", () => {
  it("gives the same questions in the same order for the same seed, and another order for another", () => {
    const a = buildQuiz(pack, { seed: 7, count: 10 });
    const b = buildQuiz(pack, { seed: 7, count: 10 });
    const c = buildQuiz(pack, { seed: 8, count: 10 });
    expect(a.map((q) => [q.id, q.choices.map((x) => x.id)])).toEqual(b.map((q) => [q.id, q.choices.map((x) => x.id)]));
    expect(a.map((q) => q.id)).not.toEqual(c.map((q) => q.id));
  });

  it("asks exactly --count questions, mixing scenarios, generated actions and traps", () => {
    const qs = buildQuiz(pack, { seed: 2, count: 20 });
    expect(qs).toHaveLength(20);
    expect(new Set(qs.map((q) => q.id)).size).toBe(20);
    const kinds = new Set(qs.map((q) => q.kind));
    expect(kinds).toEqual(new Set(["scenario", "action", "trap"]));
    expect(qs.filter((q) => q.kind === "scenario").length).toBeGreaterThanOrEqual(10);
  });

  it("every scenario question has four options, one correct, each wrong one with its reason", () => {
    for (const q of buildQuiz(pack, { kinds: ["scenario"], count: 1000, seed: 3 })) {
      expect(q.choices, q.id).toHaveLength(4);
      expect(q.choices.filter((c) => c.correct), q.id).toHaveLength(1);
      for (const c of q.choices.filter((c) => !c.correct)) expect(c.why, `${q.id} ${c.id}`).toBeTruthy();
      expect(new Set(q.choices.map((c) => c.id + c.label)).size, q.id).toBe(4);
    }
  });

  it("keeps the authored reason for each distractor and tops up with options of the same kind", () => {
    const s = pack.scenarios.find((x) => x.distractors.length === 2)!;
    const q = only(`scenario:${s.id}`);
    for (const d of s.distractors) expect(q.choices.find((c) => c.id === d.option)?.why).toBe(d.why);
    const extra = q.choices.find((c) => !c.correct && c.generic)!;
    expect(extra).toBeDefined();
    expect(pack.options.get(extra.id)!.kind).toBe(pack.options.get(s.answer)!.kind);
    expect(extra.id).not.toBe(s.answer);
    expect(s.accept).not.toContain(extra.id);
  });

  it("shuffles the options: the answer is not always first", () => {
    const positions = new Set(buildQuiz(pack, { kinds: ["scenario"], count: 30, seed: 4 }).map((q) => q.choices.findIndex((c) => c.correct)));
    expect(positions.size).toBeGreaterThan(2);
  });

  it("generates 'which event type records this call?' from the action catalog", () => {
    const get = only("action:s3:GetObject");
    expect(get.choices.find((c) => c.correct)!.id).toBe("data-events");
    expect(get.choices.map((c) => c.id).sort()).toEqual(["data-events", "insights-events", "management-events", "network-activity-events"]);
    expect(get.choices.find((c) => c.id === "management-events")!.why).toMatch(/data-plane/);
    const create = only("action:s3:CreateBucket");
    expect(create.choices.find((c) => c.correct)!.id).toBe("management-events");
    expect(only("action:kms:Decrypt").choices.find((c) => c.correct)!.id).toBe("management-events");
    expect(only("action:lambda:Invoke").choices.find((c) => c.correct)!.id).toBe("data-events");
  });

  it("turns each fact claim into a true/false item with the reason", () => {
    const fact = pack.facts.find((f) => f.claims.some((c) => !c.isTrue && c.why))!;
    const n = fact.claims.findIndex((c) => !c.isTrue && c.why);
    const q = only(`trap:${fact.id}:${n}`);
    expect(q.choices.map((c) => c.label)).toEqual(expect.arrayContaining(["True", "False"]));
    expect(q.answerLabel).toBe("False");
    expect(q.choices.find((c) => c.id === "true")!.why).toBe(fact.claims[n]!.why);
  });

  it("filters by --kind and by --topic (a topic or a domain id)", () => {
    expect(buildQuiz(pack, { kinds: ["trap"], count: 5, seed: 1 }).every((q) => q.kind === "trap")).toBe(true);
    const qs = buildQuiz(pack, { topic: "network-activity", count: 100, seed: 1 });
    expect(qs.length).toBeGreaterThanOrEqual(3);
    expect(qs.every((q) => q.topic === "network-activity")).toBe(true);
    expect(buildQuiz(pack, { topic: "threat-detection", count: 100, seed: 1 }).every((q) => q.domain === "threat-detection")).toBe(true);
  });
});

describe("a quiz session", () => {
  const qs = buildQuiz(pack, { kinds: ["scenario"], count: 3, seed: 5 });
  const wrong = (q: Question) => q.choices.findIndex((c) => !c.correct);
  const right = (q: Question) => q.choices.findIndex((c) => c.correct);

  it("explains a wrong pick: its own reason first, then every other distractor", () => {
    const q = qs[0]!;
    const f = feedback(q, wrong(q));
    expect(f.correct).toBe(false);
    expect(f.expected).toBe(q.answerLabel);
    expect(f.distractors[0]!.chosen).toBe(true);
    expect(f.distractors).toHaveLength(3);
  });

  it("scores, lists the missed ones and retries only those", () => {
    let s = startQuiz(qs, 0);
    s = answerQuiz(s, right(qs[0]!), 1000).state;
    s = nextQuestion(s, 1000);
    s = answerQuiz(s, wrong(qs[1]!), 3000).state;
    expect(s.answers[1]!.elapsedMs).toBe(2000);
    s = nextQuestion(s, 3000);
    s = answerQuiz(s, right(qs[2]!), 4000).state;
    s = nextQuestion(s, 4000);
    expect(isQuizDone(s)).toBe(true);
    const sum = summarizeQuiz(pack, s);
    expect(sum.score).toBe(2);
    expect(sum.total).toBe(3);
    expect(sum.missed.map((q) => q.id)).toEqual([qs[1]!.id]);
    expect(sum.byDomain.reduce((n, d) => n + d.total, 0)).toBe(3);
    expect(retryMissed(sum, 5000).questions.map((q) => q.id)).toEqual([qs[1]!.id]);
  });
});
