// The Quiz screen as a learner uses it, keys in and frames out, over the quiz fixture pack.
import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { buildQuiz, type Question } from "../../src/quiz/index.js";
import { MemoryProgress } from "../../src/store/port.js";
import { App } from "../../src/ui/App.js";
import { frameShows, KEY, loaded, press, type } from "../ui/helpers.js";
import { fixturePack } from "./fixture.js";

const pack = fixturePack();
const open = (params: Record<string, unknown>, size = { width: 100, height: 40 }) => {
  const progress = new MemoryProgress();
  return { progress, ...render(<App pack={pack} progress={progress} color={false} size={size} screen="quiz" params={params} />) };
};
const ids = (...q: string[]) => buildQuiz(pack, { onlyIds: q, seed: 11, count: q.length });
const indexOf = (q: Question, id: string) => q.choices.findIndex((c) => c.id === id) + 1;

describe("Quiz screen", () => {
  it("asks why a wrong pick fails before showing any reason, then shows every reason under the stem", async () => {
    const questions = ids("scenario:security-group-change-who");
    const q = questions[0]!;
    const { lastFrame, stdin, unmount } = open({ questions });
    await loaded(lastFrame);
    expect(lastFrame()).toContain("opened to 0.0.0.0/0");
    expect(lastFrame()).toContain("Which event type already holds which principal made the change?");
    await press(stdin, String(indexOf(q, "data-events")));
    const why = await frameShows(lastFrame, 'Why does "Data events" fail this requirement?');
    expect(why).toContain("✗ Not Data events.");
    expect(why).toContain("Which event type already holds which principal made the change?");
    expect(why).not.toContain("Why the others fail");
    expect(why).not.toContain("The answer is");
    const reasons = why.split("\n").filter((l) => /^\s+\d\. /.test(l));
    expect(reasons).toHaveLength(4);
    const right = reasons.findIndex((l) => l.includes("AuthorizeSecurityGroupIngress is a control-plane")) + 1;
    expect(right).toBeGreaterThan(0);
    await press(stdin, String(right));
    const f = await frameShows(lastFrame, "✓ Yes — that is its reason.");
    expect(f).toContain("✗ Not Data events. The answer is Management events");
    expect(f).toContain("Why the others fail:");
    expect(f.indexOf("Which event type already holds")).toBeLessThan(f.indexOf("Why the others fail:"));
    expect(f).toContain("Enter: next question →");
    unmount();
  });

  it("shows the source on the feedback screen", async () => {
    const questions = ids("scenario:only-put-and-delete-object");
    const { lastFrame, stdin, unmount } = open({ questions }, { width: 100, height: 60 });
    await loaded(lastFrame);
    await press(stdin, String(questions[0]!.choices.findIndex((c) => c.correct) + 1));
    const f = await frameShows(lastFrame, "✓ Correct: Advanced event selectors with an eventName filter");
    expect(f).toContain("Source: Filtering data events by using advanced event selectors");
    unmount();
  });

  it("'Choose two': digits toggle, Enter submits both", async () => {
    const questions = ids("scenario:trail-destinations");
    const q = questions[0]!;
    const { lastFrame, stdin, unmount, progress } = open({ questions });
    await loaded(lastFrame);
    expect(lastFrame()).toContain("(Choose two.)");
    await press(stdin, String(indexOf(q, "s3")));
    await frameShows(lastFrame, "Choose 2: 1 picked");
    await press(stdin, KEY.enter);
    expect(await frameShows(lastFrame, "Choose 2: 1 picked")).toContain("[x]"); // one is not enough
    await press(stdin, String(indexOf(q, "cloudwatch")), KEY.enter);
    await frameShows(lastFrame, "✓ Correct: Amazon S3; Amazon CloudWatch (and CloudWatch Logs)");
    await press(stdin, KEY.enter);
    await frameShows(lastFrame, "Score: 1/1 (100%)");
    for (let i = 0; i < 100 && !progress.attempts().length; i++) await new Promise((r) => setTimeout(r, 10)); // recorded in an effect after the frame
    expect(progress.attempts()[0]!.answers[0]!.chosen).toBe(
      [...q.choices.keys()]
        .filter((i) => q.choices[i]!.correct)
        .map((i) => q.choices[i]!.id)
        .join(","),
    );
    unmount();
  });

  it("Esc and q mid-quiz ask before abandoning", async () => {
    const questions = ids("action:s3:GetObject", "action:s3:CreateBucket");
    const { lastFrame, stdin, unmount, progress } = open({ questions });
    await loaded(lastFrame);
    await press(stdin, KEY.esc);
    await frameShows(lastFrame, "Abandon this quiz?");
    await press(stdin, "n");
    await frameShows(lastFrame, "Which event type records");
    expect(lastFrame()).not.toContain("Abandon this quiz?");
    expect(lastFrame()).toContain("question 1 of 2");
    await press(stdin, "q");
    await frameShows(lastFrame, "Abandon this quiz?");
    await press(stdin, "y");
    await frameShows(lastFrame, "1. Study"); // back where it was opened from
    expect(progress.attempts()).toHaveLength(0);
    unmount();
  });

  it("typed answers: asks again for what it cannot read, forgives misspellings", async () => {
    const questions = ids("action:s3:GetObject");
    const { lastFrame, stdin, unmount } = open({ questions, typed: true });
    await loaded(lastFrame);
    await type(stdin, "no");
    await press(stdin, KEY.enter);
    await frameShows(lastFrame, '"no" does not read as a service or event type');
    expect(lastFrame()).toContain("question 1 of 1");
    await type(stdin, "data evnts");
    await press(stdin, KEY.enter);
    await frameShows(lastFrame, "✓ Correct: Data events");
    unmount();
  });
});
