// The quiz as numbered prompts that read one answer per line: for scripts, screen readers and
// CI (the exam is in exam.ts). The engine decides; this only prints and reads.
import type { Writable } from "node:stream";
import type { Pack } from "../content/pack.js";
import { currentQuestion, isTyping, quizReducer, startFlow, type QuizAction } from "../quiz/flow.js";
import { summarizeQuiz } from "../quiz/session.js";
import type { Question, QuizState, QuizSummary } from "../quiz/types.js";
import type { Paint } from "../shell/paint.js";
import type { LineReader } from "./lines.js";
import { feedbackLines, fromPackLines, questionLines, whyStepLines } from "../present/quiz.js";
import type { Line } from "../present/lines.js";
import { MARK } from "../present/tone.js";
import { PLAIN_WIDTH, renderLines } from "./text.js";

export interface PlainIo {
  lines: LineReader;
  /** Where prompts and feedback go: stdout, or stderr under --json. */
  out: Writable;
  paint: Paint;
  now: () => number;
  /** Ask the second-order "why" after a wrong pick (only when a person is typing). */
  askWhy: boolean;
  /** Echo each answer read (input from a pipe or file is not echoed by a terminal). */
  echo?: boolean;
}

/** One answer line (echoed when it did not come from a person at a terminal). */
export async function readLine(io: PlainIo): Promise<string | null> {
  const line = await io.lines.next();
  if (io.echo) io.out.write(line === null ? "\n" : line + "\n");
  return line;
}

/** Print lines (plain strings or styled lines) to the session's output. */
export const say = (io: PlainIo, lines: Array<Line | string>) =>
  io.out.write(
    renderLines(
      lines.map((l) => (typeof l === "string" ? { text: l } : l)),
      io.paint,
    ) + "\n",
  );
const W = PLAIN_WIDTH;

async function readChoices(io: PlainIo, n: number, max: number): Promise<number[] | null | "quit"> {
  for (;;) {
    io.out.write(`answer (${n} of 1-${max}, e.g. 1,3)> `);
    const line = await readLine(io);
    if (line === null) return null;
    const t = line.trim();
    if (t.toLowerCase() === "q") return "quit";
    const parts = t
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    const picks = [...new Set(parts)];
    if (parts.length === n && picks.length === n && picks.every((k) => Number.isInteger(k) && k >= 1 && k <= max)) return picks.map((k) => k - 1);
    io.out.write(`  please type ${n} different numbers from 1 to ${max}, separated by commas\n`);
  }
}

/** Read a choice number for the quiz; EOF → null, "q" → "quit". */
async function readQuizChoice(io: PlainIo, n: number, allowBlank: boolean): Promise<number | undefined | null | "quit"> {
  for (;;) {
    io.out.write(`answer (1-${n}${allowBlank ? ", blank to skip" : ""})> `);
    const line = await readLine(io);
    if (line === null) return null;
    const t = line.trim();
    if (t.toLowerCase() === "q") return "quit";
    if (t === "" && allowBlank) return undefined;
    const k = Number(t);
    if (Number.isInteger(k) && k >= 1 && k <= n) return k - 1;
    io.out.write(`  please type a number from 1 to ${n}\n`);
  }
}

/** "q" mid-quiz asks first; EOF counts as yes. */
async function confirmAbandon(io: PlainIo): Promise<boolean> {
  io.out.write("Abandon this quiz? (y/N)> ");
  const line = await readLine(io);
  return line === null || /^y(es)?$/i.test(line.trim());
}

/**
 * A quiz as numbered prompts, driven by the same reducer as the Quiz screen (so the same seed
 * gives the same questions and the same why steps). EOF ends it; what was answered is scored.
 */
/** `retry`: the command that asks these questions again (the learner's own flags), before `--ids`. */
export async function runPlainQuiz(
  pack: Pack,
  questions: Question[],
  io: PlainIo,
  opts: { typed: boolean; seed?: number | string; retry?: string },
): Promise<{ summary: QuizSummary; state: QuizState }> {
  let flow = startFlow(questions, { typed: opts.typed, now: io.now(), seed: opts.seed ?? 0 });
  const act = (a: QuizAction) => (flow = quizReducer(pack, flow, a));
  let shown = -1;
  let ended = false;
  while (!ended && flow.phase !== "summary" && flow.phase !== "abandoned") {
    const q = currentQuestion(flow)!;
    const i = flow.quiz.index;
    if (flow.phase === "question") {
      if (shown !== i) say(io, ["", ...questionLines(q, i + 1, questions.length, W, isTyping(flow))]);
      shown = i;
      let got: number | number[] | string | undefined | null | "quit";
      if (isTyping(flow)) {
        io.out.write("answer> ");
        const line = await readLine(io);
        got = line === null ? null : line.trim().toLowerCase() === "q" ? "quit" : line;
      } else got = q.choose > 1 ? await readChoices(io, q.choose, q.choices.length) : await readQuizChoice(io, q.choices.length, false);
      if (got === null) ended = true;
      else if (got === "quit") {
        if (await confirmAbandon(io)) ended = true;
      } else if (typeof got === "string") {
        act({ type: "type", text: got, now: io.now() });
        if (flow.phase === "question" && flow.typedMessage) say(io, [`  ${flow.typedMessage}`]);
      } else if (Array.isArray(got)) {
        for (const k of got) act({ type: "toggle", index: k });
        act({ type: "submit", now: io.now() });
      } else if (got !== undefined) act({ type: "pick", index: got, now: io.now() });
      continue;
    }
    if (flow.phase === "why") {
      if (!io.askWhy) {
        act({ type: "continue", now: io.now() });
        continue;
      }
      say(io, ["", ...whyStepLines(flow.feedback!, flow.why!, W)]);
      const pick = await readQuizChoice(io, flow.why!.reasons.length, true);
      if (pick === null) ended = true;
      else if (pick === "quit") {
        if (await confirmAbandon(io)) ended = true;
      } else if (pick === undefined) act({ type: "continue", now: io.now() });
      else {
        const why = flow.why!;
        act({ type: "why", index: pick });
        say(io, [
          why.reasons[pick]!.correct ? `${MARK.right} Yes — that is its reason.` : `${MARK.wrong} No. Its reason: ${why.reasons.find((x) => x.correct)!.text}`,
        ]);
      }
      continue;
    }
    // feedback: the stem is just above in plain mode, so only what follows it
    say(io, [...feedbackLines({ ...flow.feedback!, prompt: "" }, W, flow.typedMessage), ...fromPackLines(q, pack.parts.length)]);
    act({ type: "continue", now: io.now() });
  }
  const state = flow.quiz;
  const summary = flow.summary ?? summarizeQuiz(pack, state);
  say(io, ["", { text: `Score: ${summary.score}/${summary.total}`, bold: true }]);
  if (summary.missed.length) {
    say(io, ["Missed:", ...summary.missed.map((m) => `  ${MARK.wrong} ${m.id} — ${m.answerLabel}`)]);
    say(io, [`Retry the missed ones: ${opts.retry ?? "cloudtrail-tutor quiz"} --ids ${summary.missed.map((m) => m.id).join(",")}`]);
  }
  return { summary, state };
}
