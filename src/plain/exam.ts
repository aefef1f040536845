// The timed exam as numbered prompts, one answer per line: for scripts, screen readers and CI. It
// only maps lines to the exam reducer's actions and prints; the reducer decides (src/exam/flow.ts).
import type { Pack } from "../content/pack.js";
import { examReducer, newExamFlow, pendingEffects, type ExamAction, type ExamFlow } from "../exam/flow.js";
import { needed, reviewList, type ExamResult, type ExamState } from "../exam/session.js";
import { examResultView } from "../present/exam.js";
import { questionLines } from "../present/quiz.js";
import type { Question } from "../quiz/types.js";
import type { AttemptRecord } from "../quiz/index.js";
import { type PlainIo, readLine, say } from "./quiz.js";
import { PLAIN_WIDTH } from "./text.js";

/** "2", "1 3" or "1,3" → choice indexes; undefined when the line is not that. */
export function parsePicks(line: string, count: number, want: number): number[] | undefined {
  const parts = line
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean);
  if (!parts.length || parts.length !== want) return undefined;
  const ks = parts.map(Number);
  if (!ks.every((k) => Number.isInteger(k) && k >= 1 && k <= count) || new Set(ks).size !== ks.length) return undefined;
  return ks.map((k) => k - 1);
}

export interface PlainExamOptions {
  minutes?: number;
  /** Save the finished attempt (the reducer's record effect). */
  record?: (attempt: AttemptRecord) => void;
}

/**
 * A timed exam, one answer per line (blank skips; q asks "submit now / keep going / abandon"); the
 * clock is checked with every line. Returns no result when the learner abandons it.
 */
export async function runPlainExam(
  pack: Pack,
  questions: Question[],
  io: PlainIo,
  opts: PlainExamOptions,
): Promise<{ result?: ExamResult; state: ExamState; abandoned: boolean }> {
  let flow: ExamFlow = newExamFlow(questions, { now: io.now(), ...(opts.minutes !== undefined ? { minutes: opts.minutes } : {}) });
  let done = 0;
  let abandoned = false;
  const dispatch = (a: ExamAction) => {
    flow = examReducer(pack, flow, a);
    for (const e of pendingEffects(flow, done)) {
      done = e.id;
      if (e.type === "record") opts.record?.(e.attempt);
      else abandoned = true;
    }
  };
  // A function, not a read of `flow`: dispatch reassigns it, which narrowing cannot see.
  const view = () => flow.view;
  const minutes = Math.round((flow.exam.deadline - flow.exam.startedAt) / 6000) / 10;
  say(io, [`Exam: ${questions.length} questions, ${minutes} minutes. Type a number (or the numbers, for "Choose two"); a blank line skips; q leaves.`]);
  let eof = false;
  ask: for (let i = 0; i < questions.length && !eof; i++) {
    dispatch({ type: "goto", index: i, now: io.now() });
    if (view() === "result") break;
    const q = questions[i]!;
    const want = needed(q);
    say(io, ["", ...questionLines(q, i + 1, questions.length, PLAIN_WIDTH)]);
    for (;;) {
      io.out.write(`answer (${want > 1 ? `${want} numbers from 1-${q.choices.length}` : `1-${q.choices.length}`}, blank to skip)> `);
      const line = await readLine(io);
      dispatch({ type: "tick", now: io.now() });
      if (view() === "result") break ask;
      if (line === null) {
        eof = true;
        break;
      }
      const t = line.trim();
      if (t === "") break;
      if (t === "q") {
        dispatch({ type: "abandonRequest" });
        io.out.write("Leave the exam? s submit now · k keep going · a abandon (nothing is saved)> ");
        const c = (await readLine(io))?.trim();
        const choice = c === "s" ? "submit" : c === "a" ? "abandon" : "keep";
        dispatch({ type: "confirm", choice, now: io.now() });
        if (abandoned || view() === "result") break ask;
        continue;
      }
      const picks = parsePicks(t, q.choices.length, want);
      if (!picks) {
        io.out.write(
          want > 1 ? `  please type ${want} different numbers from 1 to ${q.choices.length}\n` : `  please type a number from 1 to ${q.choices.length}\n`,
        );
        continue;
      }
      dispatch({ type: "clear", now: io.now() });
      for (const k of picks) dispatch({ type: "pick", index: k, now: io.now() });
      break;
    }
  }
  if (abandoned) {
    say(io, ["", "Exam abandoned: nothing was saved."]);
    return { state: flow.exam, abandoned };
  }
  if (view() !== "result") {
    const skipped = reviewList(flow.exam).filter((r) => !r.answered);
    if (skipped.length) say(io, ["", `Unanswered: ${skipped.map((r) => r.index + 1).join(", ")}`]);
    dispatch({ type: "submit", now: io.now() });
  }
  say(io, ["", ...examResultView(flow, PLAIN_WIDTH)]);
  return { ...(flow.result ? { result: flow.result } : {}), state: flow.exam, abandoned };
}
