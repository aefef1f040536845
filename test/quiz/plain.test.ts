// Plain mode as a screen-reader user or a script meets it: numbered prompts, no keywords before the
// answer, "1,3" for "Choose two", the why step before any reason (the same step the Quiz screen
// asks for the same seed), the source after, and q asking before abandoning.
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { NO_PAINT } from "../../src/content/format.js";
import { runPlainQuiz } from "../../src/plain/quiz.js";
import { quizReducer, startFlow } from "../../src/quiz/flow.js";
import { buildQuiz, type Question } from "../../src/quiz/index.js";
import { fixturePack } from "./fixture.js";

const pack = fixturePack();
const ids = (...q: string[]) => q.map((id) => buildQuiz(pack, { onlyIds: [id], seed: 1 })[0]!);
const at = (q: Question, id: string) => q.choices.findIndex((c) => c.id === id) + 1;

async function plain(questions: Question[], input: string[], opts: { typed?: boolean; seed?: number; askWhy?: boolean } = {}) {
  const lines = [...input];
  const out = new PassThrough();
  let text = "";
  out.on("data", (d) => (text += d));
  const r = await runPlainQuiz(
    pack,
    questions,
    { lines: { next: async () => lines.shift() ?? null, close: () => {} }, out, paint: NO_PAINT, now: () => 0, askWhy: opts.askWhy ?? true },
    { typed: opts.typed ?? false, seed: opts.seed ?? 7 },
  );
  return { ...r, text };
}

describe("plain quiz", () => {
  it("never prints the keywords before the learner answers", async () => {
    const [q] = ids("scenario:security-group-change-who");
    const { text } = await plain([q!], [String(at(q!, "management-events"))]);
    const beforeAnswer = text.slice(0, text.indexOf("answer ("));
    expect(beforeAnswer).toContain("Which event type already holds which principal made the change?");
    expect(beforeAnswer).toContain("opened to 0.0.0.0/0"); // the situation
    expect(beforeAnswer).not.toMatch(/keywords/i);
    expect(beforeAnswer).not.toContain("who changed");
  });

  it("asks why the pick fails before any reason, the same step the reducer (and so the screen) asks", async () => {
    const [q] = ids("scenario:security-group-change-who");
    const pick = at(q!, "data-events");
    const screen = quizReducer(pack, startFlow([q!], { typed: false, now: 0, seed: 7 }), { type: "pick", index: pick - 1, now: 0 });
    const right = screen.why!.reasons.findIndex((r) => r.correct) + 1;
    const { text, summary } = await plain([q!], [String(pick), String(right)]);
    const whyAt = text.indexOf('Why does "Data events" fail this requirement?');
    expect(whyAt).toBeGreaterThan(0);
    expect(text.indexOf("AuthorizeSecurityGroupIngress is a control-plane call")).toBeGreaterThan(whyAt); // first seen in the why step
    expect(text.indexOf("Why the others fail:")).toBeGreaterThan(whyAt);
    for (const r of screen.why!.reasons) expect(text).toContain(`${screen.why!.reasons.indexOf(r) + 1}. ${r.text}`);
    expect(text).toContain("✓ Yes — that is its reason.");
    expect(text).toContain("Source: seed: 2.1 Management Events; Viewing events with CloudTrail Event history (https://docs.aws.amazon.com/");
    expect(summary.score).toBe(0);
  });

  it("reads '1,3' for a 'Choose two' question and re-asks a single number", async () => {
    const [q] = ids("scenario:trail-destinations");
    const picks = `${at(q!, "s3")},${at(q!, "cloudwatch")}`;
    const { text, summary } = await plain([q!], ["2", picks]);
    expect(text).toContain("Choose 2: type their numbers separated by commas, e.g. 1,3");
    expect(text).toContain("please type 2 different numbers from 1 to 5");
    expect(text).toContain("✓ Correct: Amazon S3; Amazon CloudWatch (and CloudWatch Logs)");
    expect(summary.score).toBe(1);
  });

  it("typed: re-asks what it cannot read, then grades", async () => {
    const [q] = ids("scenario:security-group-change-who");
    const { text, summary } = await plain([q!], ["no", "management events"], { typed: true });
    expect(text).toContain('"no" does not read as a service or event type');
    expect(text).toContain("✓ Correct: Management events");
    expect(summary.score).toBe(1);
  });

  it("q asks before abandoning; n keeps going, y stops with what was answered", async () => {
    const qs = ids("action:s3:GetObject", "action:s3:CreateBucket");
    const kept = await plain(qs, ["q", "n", String(qs[0]!.choices.findIndex((c) => c.correct) + 1), "q", "y"], { askWhy: false });
    expect(kept.text.match(/Abandon this quiz\? \(y\/N\)/g)).toHaveLength(2);
    expect(kept.summary).toMatchObject({ score: 1, total: 2 });
  });
});
