// The quiz as numbered prompts that read one answer per line: for scripts, screen readers and
// CI (the exam is in exam.ts). The engine decides; this only prints and reads.
import type { Writable } from "node:stream";
import type { Pack } from "../content/pack.js";
import { createRng } from "../quiz/rng.js";
import { answerQuiz, answerQuizTyped, nextQuestion, startQuiz, summarizeQuiz } from "../quiz/session.js";
import type { Question, QuizState, QuizSummary } from "../quiz/types.js";
import { whyQuestion } from "../quiz/why.js";
import type { Paint } from "../shell/paint.js";
import type { LineReader } from "./lines.js";
import { feedbackLines, questionLines, whyLines } from "../present/quiz.js";
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

async function readLine(io: PlainIo): Promise<string | null> {
  const line = await io.lines.next();
  if (io.echo) io.out.write(line === null ? "\n" : line + "\n");
  return line;
}

const say = (io: PlainIo, lines: Array<Line | string>) => io.out.write(renderLines(lines.map((l) => (typeof l === "string" ? { text: l } : l)), io.paint) + "\n");
const W = PLAIN_WIDTH;

/** Read a choice number 1..n; blank or EOF → undefined. Re-asks on anything else. */
async function readChoice(io: PlainIo, n: number, allowBlank: boolean): Promise<number | undefined | null> {
  for (;;) {
    io.out.write(`answer (1-${n}${allowBlank ? ", blank to skip" : ""})> `);
    const line = await readLine(io);
    if (line === null) return null;
    const t = line.trim();
    if (t === "" && allowBlank) return undefined;
    const k = Number(t);
    if (Number.isInteger(k) && k >= 1 && k <= n) return k - 1;
    io.out.write(`  please type a number from 1 to ${n}\n`);
  }
}

export async function runPlainQuiz(pack: Pack, questions: Question[], io: PlainIo, opts: { typed: boolean; seed?: number | string }): Promise<{ summary: QuizSummary; state: QuizState }> {
  const rng = createRng(opts.seed ?? 0);
  let state = startQuiz(questions, io.now());
  for (let i = 0; i < questions.length; i++) {
    const q = questions[i]!;
    say(io, ["", ...questionLines(q, i + 1, questions.length, W, opts.typed)]);
    if (opts.typed) {
      io.out.write("answer> ");
      const line = await readLine(io);
      if (line === null) break;
      const r = answerQuizTyped(pack, state, line, io.now());
      state = r.state;
      say(io, feedbackLines(r.feedback, W, r.match.message));
    } else {
      const choice = await readChoice(io, q.choices.length, false);
      if (choice === null || choice === undefined) break;
      const r = answerQuiz(state, choice, io.now());
      state = r.state;
      say(io, feedbackLines(r.feedback, W));
      const why = io.askWhy && !r.feedback.correct ? whyQuestion(q, choice, questions, rng) : undefined;
      if (why) {
        say(io, ["", ...whyLines(why, W)]);
        const pick = await readChoice(io, why.reasons.length, true);
        if (pick === null) break;
        if (pick !== undefined) say(io, [why.reasons[pick]!.correct ? `${MARK.right} Yes — that is its reason.` : `${MARK.wrong} No. Its reason: ${why.reasons.find((x) => x.correct)!.text}`]);
      }
    }
    state = nextQuestion(state, io.now());
  }
  const summary = summarizeQuiz(pack, state);
  say(io, ["", { text: `Score: ${summary.score}/${summary.total}`, bold: true }]);
  if (summary.missed.length) {
    say(io, ["Missed:", ...summary.missed.map((q) => `  ${MARK.wrong} ${q.id} — ${q.answerLabel}`)]);
    say(io, [`Retry the missed ones: cloudtrail-tutor quiz --ids ${summary.missed.map((q) => q.id).join(",")}`]);
  }
  return { summary, state };
}
