// Building quizzes: the answers and authored distractors only (never generated filler), labels that
// read the same as the revealed answer, "Choose two", generated action and true/false items, and
// a build that stays linear in the size of the pack.
import { describe, expect, it } from "vitest";
import { buildPack, parseContentText } from "../../src/content/load.js";
import {
  answerQuiz,
  buildQuiz,
  feedback,
  grade,
  isQuizDone,
  nextQuestion,
  retryMissed,
  startQuiz,
  summarizeQuiz,
  type Question,
} from "../../src/quiz/index.js";
import { fixturePack } from "./fixture.js";

const pack = fixturePack();
const only = (id: string, seed = 1) => buildQuiz(pack, { onlyIds: [id], seed })[0]!;
const right = (q: Question) => q.choices.flatMap((c, i) => (c.correct ? [i] : []));
const wrong = (q: Question) => q.choices.findIndex((c) => !c.correct);

describe("buildQuiz", () => {
  it("gives the same questions in the same order for the same seed, and another order for another", () => {
    const a = buildQuiz(pack, { seed: 7, count: 10 });
    const b = buildQuiz(pack, { seed: 7, count: 10 });
    expect(a.map((q) => [q.id, q.choices.map((x) => x.id)])).toEqual(b.map((q) => [q.id, q.choices.map((x) => x.id)]));
    const orders = new Set(
      [8, 9, 10, 11].map((seed) =>
        buildQuiz(pack, { seed, count: 10 })
          .map((q) => q.id)
          .join(),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });

  it("shows a scenario's answer and its authored distractors only, each with its own reason", () => {
    for (const s of pack.scenarios) {
      const q = only(`scenario:${s.id}`);
      const authored = new Map(s.distractors.map((d) => [d.option, d.why]));
      const answers = [s.answer, ...(s.moreAnswers ?? []).map((m) => m.option)];
      expect(q.choices.map((c) => c.id).sort(), s.id).toEqual([...answers, ...s.distractors.map((d) => d.option)].sort());
      for (const c of q.choices.filter((c) => !c.correct)) expect(c.why, `${s.id} ${c.id}`).toBe(authored.get(c.id));
      expect(
        q.choices
          .filter((c) => c.correct)
          .map((c) => c.id)
          .sort(),
      ).toEqual(answers.sort());
    }
  });

  it("never tops a scenario up: two authored distractors make a three-option question", () => {
    const text = `scenarios:
  - id: two-only
    domain: logging-monitoring
    requirement: Who deleted the bucket yesterday?
    keywords: [who]
    answerKind: event-type
    answer: management-events
    distractors:
      - { option: data-events, why: Bucket deletion is a control-plane call }
      - { option: insights-events, why: One deletion is not a rate anomaly }
    explanation: DeleteBucket is a management event.
    source: "seed: 2.1"
`;
    const { pack: p } = buildPack([
      parseContentText("pack.yaml", "pack:\n  id: p\n  title: P\n  domains:\n    - { id: logging-monitoring, name: L }\n"),
      parseContentText(
        "et.yaml",
        "eventTypes:\n" +
          pack.eventTypes
            .map(
              (e) =>
                `  - { id: ${e.id}, name: "${e.name}", category: ${e.category}, what: w, defaultState: "on", defaultNote: n, examples: [e], cost: c, inEventHistory: true, source: "seed: x" }`,
            )
            .join("\n") +
          "\n",
      ),
      parseContentText("s.yaml", text),
    ]);
    const q = buildQuiz(p, { kinds: ["scenario"], seed: 1 })[0]!;
    expect(q.choices.map((c) => c.id).sort()).toEqual(["data-events", "insights-events", "management-events"]);
  });

  it("shows at most four options for choose-1 and five for choose-N", () => {
    for (const q of buildQuiz(pack, { count: 1000, seed: 3 })) {
      expect(q.choices.length, q.id).toBeLessThanOrEqual(q.choose > 1 ? 5 : 4);
      expect(q.choices.filter((c) => c.correct)).toHaveLength(q.choose);
      expect(new Set(q.choices.map((c) => c.id)).size, q.id).toBe(q.choices.length);
    }
  });

  it("option labels read the same as the revealed answer", () => {
    const statement = only("scenario:org-trail-member-account");
    expect(statement.choices.find((c) => c.correct)!.label).toBe("See the trail, but not change or delete it");
    expect(statement.answerLabel).toBe("See the trail, but not change or delete it");
    const wrongPick = statement.choices.findIndex((c) => c.id === "cannot-see");
    expect(feedback(statement, wrongPick)).toMatchObject({
      chosen: "Not see the trail at all, only its log files",
      expected: "See the trail, but not change or delete it",
    });
    // A catalog item where only one distractor has a label reads every option by its catalog name.
    const mixed = only("scenario:burst-of-access-key-creation");
    expect(mixed.choices.map((c) => c.label).sort()).toEqual([
      "AWS Config",
      "Amazon CloudWatch (and CloudWatch Logs)",
      "Amazon GuardDuty",
      "CloudTrail Insights",
    ]);
    expect(mixed.answerLabel).toBe("CloudTrail Insights");
  });

  it("asks 'Choose two' from moreAnswers and grades it all or nothing", () => {
    const q = only("scenario:trail-destinations");
    expect(q.choose).toBe(2);
    expect(q.prompt).toMatch(/\(Choose two\.\)$/);
    expect(q.choices).toHaveLength(5);
    const [a, b] = right(q);
    expect(grade(q, [a!, b!])).toBe(true);
    expect(grade(q, [b!, a!])).toBe(true);
    expect(grade(q, [a!])).toBe(false);
    expect(grade(q, [a!, wrong(q)])).toBe(false);
    expect(grade(q, [a!, b!, wrong(q)])).toBe(false);
    const f = feedback(q, [a!, wrong(q)]);
    expect(f.correct).toBe(false);
    expect(f.answers.find((x) => x.label.startsWith("Amazon CloudWatch"))?.why).toContain("CloudWatch Logs log group");
    expect(f.distractors[0]).toMatchObject({ chosen: true });
    expect(q.typeable).toBe(false);
  });

  it("keeps the stem and the source with the feedback", () => {
    const q = only("scenario:security-group-change-who");
    const f = feedback(q, wrong(q));
    expect(f.situation).toContain("opened to 0.0.0.0/0");
    expect(f.prompt).toBe("Which event type already holds which principal made the change?");
    expect(f.source).toContain("https://docs.aws.amazon.com/awscloudtrail/latest/userguide/view-cloudtrail-events.html");
  });

  it("generates 'which event type records this call?' from the catalog, agreeing with it", () => {
    const q = only("action:s3:GetObject");
    expect(q.choices.find((c) => c.correct)!.id).toBe("data-events");
    expect(q.choices).toHaveLength(4);
    expect(q.typeable).toBe(true);
    expect(only("action:ec2:AuthorizeSecurityGroupIngress").choices.find((c) => c.correct)!.id).toBe("management-events");
  });

  it("asks each fact claim as a true/false item with the right side marked", () => {
    const qs = buildQuiz(pack, { kinds: ["trap"], count: 100, seed: 1 });
    expect(qs).toHaveLength(4);
    const q = qs.find((x) => x.id === "trap:data-events-opt-in:0")!;
    expect(q.choices.map((c) => [c.id, c.correct])).toEqual([
      ["true", false],
      ["false", true],
    ]);
    expect(q.typeable).toBe(false);
  });

  it("a typed quiz asks only questions whose answer is one name", () => {
    const qs = buildQuiz(pack, { typed: true, count: 100, seed: 1 });
    expect(qs.length).toBeGreaterThan(0);
    expect(qs.every((q) => q.typeable && q.choose === 1 && q.kind !== "trap")).toBe(true);
    expect(qs.map((q) => q.id)).not.toContain("scenario:org-trail-member-account");
    expect(qs.map((q) => q.id)).not.toContain("scenario:need-trail-for-last-week");
    expect(qs.map((q) => q.id)).toContain("scenario:security-group-change-who");
  });

  it("scores a quiz, lists the missed ones and retries only those", () => {
    const qs = buildQuiz(pack, { kinds: ["scenario"], count: 3, seed: 5 });
    let s = startQuiz(qs, 0);
    s = nextQuestion(answerQuiz(s, right(qs[0]!), 1000).state, 1000);
    s = nextQuestion(answerQuiz(s, wrong(qs[1]!), 3000).state, 3000);
    s = nextQuestion(answerQuiz(s, right(qs[2]!), 4000).state, 4000);
    expect(isQuizDone(s)).toBe(true);
    const sum = summarizeQuiz(pack, s);
    expect([sum.score, sum.total]).toEqual([2, 3]);
    expect(sum.missed.map((q) => q.id)).toEqual([qs[1]!.id]);
    expect(retryMissed(sum, 5000).questions.map((q) => q.id)).toEqual([qs[1]!.id]);
    expect(s.answers[0]!.choiceIndexes).toEqual(right(qs[0]!));
  });

  it("builds in time linear in the pack: 4x the scenarios take well under 8x the time", () => {
    const packOf = (n: number) => {
      const scenarios = Array.from({ length: n }, (_, i) => ({ ...pack.scenarios[i % pack.scenarios.length]!, id: `s-${i}` }));
      const facts = Array.from({ length: n }, (_, i) => ({ ...pack.facts[i % pack.facts.length]!, id: `f-${i}` }));
      return { ...pack, scenarios, facts };
    };
    const time = (n: number) => {
      const p = packOf(n);
      const t = performance.now();
      buildQuiz(p, { count: n, seed: 1 });
      return performance.now() - t;
    };
    time(300);
    const small = Math.min(time(1000), time(1000));
    const big = Math.min(time(4000), time(4000));
    expect(big / small).toBeLessThan(8);
  });
});
