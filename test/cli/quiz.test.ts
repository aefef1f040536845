// quiz and exam without a terminal: numbered prompts read line by line, one JSON document under --json.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildQuiz } from "../../src/quiz/index.js";
import { shippedPack } from "../ui/helpers.js";
import { runMain } from "./run-main.js";
import { tempDir } from "../tmp.js";

describe("quiz --plain", () => {
  it("is deterministic for --seed and the same answers, with prompts on stderr and one JSON document on stdout", async () => {
    const args = ["quiz", "--plain", "--seed", "1", "--count", "3", "--json"];
    const a = await runMain(args, { input: "1\n2\n1\n" });
    const b = await runMain(args, { input: "1\n2\n1\n" });
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    const doc = JSON.parse(a.out);
    expect(Object.keys(doc)).toEqual(["score", "total", "correct", "byDomain", "missed", "answers", "pack"]);
    expect(new Set(Object.values(doc.pack))).toEqual(new Set(["cloudtrail"]));
    expect(doc.total).toBe(3);
    expect(doc.score).toBe(doc.correct.length);
    expect(doc.correct.length + doc.missed.length).toBe(3);
    expect(a.err).toContain("Question 1/3");
    expect(a.err).toContain("Why the others fail:");
  });

  it("scores the right answers right: answering with the correct numbers gives full marks", async () => {
    // The same seed builds the same quiz in the engine: answer each question with its correct number.
    const qs = buildQuiz(shippedPack(), { seed: "9", count: 4, kinds: ["scenario"] });
    const answers = qs.map((q) => q.choices.findIndex((c) => c.correct) + 1);
    const r = await runMain(["quiz", "--seed", "9", "--count", "4", "--kind", "scenario", "--json"], { input: answers.join("\n") + "\n" });
    expect(JSON.parse(r.out).score).toBe(4);
    const wrong = await runMain(["quiz", "--seed", "9", "--count", "4", "--kind", "scenario", "--json"], {
      input: answers.map((n) => (n === 1 ? 2 : 1)).join("\n") + "\n",
    });
    expect(JSON.parse(wrong.out).score).toBe(0);
  });

  it("shows the learner's pick first with '(your pick)' and its reason", async () => {
    const [q] = buildQuiz(shippedPack(), { onlyIds: ["action:s3:GetObject"], seed: "3", count: 1 });
    const pick = q!.choices.findIndex((c) => c.id === "management-events") + 1;
    const r = await runMain(["quiz", "--seed", "3", "--ids", "action:s3:GetObject"], { input: `${pick}\n` });
    expect(r.out).toContain("✗ Not Management events. The answer is Data events");
    expect(r.out).toMatch(/✗ Management events \(your pick\): s3:GetObject works on or in a resource/);
    expect(r.out).toContain("Score: 0/1");
  });

  it("re-asks on an answer out of range and stops cleanly at end of input", async () => {
    const r = await runMain(["quiz", "--seed", "1", "--count", "2", "--kind", "scenario"], { input: "9\nx\n1\n" });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/please type (a number from 1 to \d|\d different numbers from 1 to \d)/);
    expect(r.out).toMatch(/Score: [01]\/2/);
  });

  it("accepts typed answers with misspellings", async () => {
    const r = await runMain(["quiz", "--ids", "action:s3:GetObject", "--typed", "--json"], { input: "data evnts\n" });
    expect(JSON.parse(r.out).score).toBe(1);
  });

  it("--only FILE quizzes the items of one content file", async () => {
    const dir = tempDir("ctt-only-");
    const file = join(dir, "mine.yaml");
    writeFileSync(
      file,
      `scenarios:
  - id: my-own-question
    domain: logging-monitoring
    requirement: Who deleted the bucket yesterday?
    keywords: [who]
    answer: management-events
    distractors:
      - { option: data-events, why: Bucket deletion is control plane }
      - { option: insights-events, why: Not a rate anomaly }
    explanation: DeleteBucket is a management event.
    source: "seed: 2.1"
    answerKind: event-type
`,
    );
    const r = await runMain(["quiz", "--content", dir, "--only", file, "--json"], { input: "1\n" });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.total).toBe(1);
    expect([...doc.correct, ...doc.missed]).toEqual(["scenario:my-own-question"]);
    expect(doc.answers).toEqual([{ id: "scenario:my-own-question", correct: doc.correct.length === 1, answer: "Management events", source: "seed: 2.1" }]);
  });

  it("refuses an unknown topic with the list (exit 2)", async () => {
    const r = await runMain(["quiz", "--topic", "nope"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown topic 'nope'");
    expect(r.err).toContain("network-activity");
  });
});

describe("exam --plain", () => {
  it("grades against the passing mark and reports domains, missed and unanswered", async () => {
    const r = await runMain(["exam", "--seed", "2", "--count", "4", "--kind", "action", "--json"], { input: "1\n\n2\n" });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.total).toBe(4);
    expect(doc.unanswered).toBe(2);
    expect(doc.passMark).toBe(0.75);
    expect(doc.passed).toBe(doc.score / 4 >= 0.75);
    expect(doc.missed.length).toBe(4 - doc.score);
    expect(r.err).toMatch(/(PASS|FAIL) {2}\d\/4/);
    expect(r.err).toContain("By domain:");
  });
});
