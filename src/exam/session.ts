// A timed exam as plain state: answer, move, flag, review, submit (by the learner or the clock),
// and a result with pass/fail and a per-domain breakdown. Pure: every function takes `now`.
import type { Pack } from "../content/index.js";
import { type AttemptRecord, type DomainScore, domainScores, grade, type Question } from "../quiz/index.js";

export const DEFAULT_EXAM_COUNT = 20;
export const MINUTES_PER_QUESTION = 1.5;

export interface ExamState {
  questions: Question[];
  index: number;
  /** Choice index per question; undefined while unanswered. */
  choices: Array<number | undefined>;
  flagged: boolean[];
  startedAt: number;
  deadline: number;
  submitted?: { at: number; timedOut: boolean };
}

export interface ExamResult {
  score: number;
  total: number;
  percent: number;
  passMark: number;
  passed: boolean;
  byDomain: DomainScore[];
  missed: Question[];
  unanswered: number;
  timedOut: boolean;
  durationMs: number;
}

export function startExam(questions: Question[], opts: { minutes?: number; now: number }): ExamState {
  const minutes = opts.minutes ?? questions.length * MINUTES_PER_QUESTION;
  return {
    questions,
    index: 0,
    choices: questions.map(() => undefined),
    flagged: questions.map(() => false),
    startedAt: opts.now,
    deadline: opts.now + Math.round(minutes * 60_000),
  };
}

export function remainingMs(state: ExamState, now: number): number {
  return Math.max(0, state.deadline - now);
}

export function isExpired(state: ExamState, now: number): boolean {
  return now >= state.deadline;
}

/** Record (or change) the answer to the current question; ignored once submitted or out of time. */
export function choose(state: ExamState, choiceIndex: number, now: number): ExamState {
  if (state.submitted || isExpired(state, now)) return state;
  const q = state.questions[state.index];
  if (!q || choiceIndex < 0 || choiceIndex >= q.choices.length) return state;
  const choices = state.choices.slice();
  choices[state.index] = choiceIndex;
  return { ...state, choices };
}

export function goTo(state: ExamState, index: number): ExamState {
  return { ...state, index: Math.max(0, Math.min(state.questions.length - 1, index)) };
}

export function toggleFlag(state: ExamState): ExamState {
  const flagged = state.flagged.slice();
  flagged[state.index] = !flagged[state.index];
  return { ...state, flagged };
}

export interface ReviewRow {
  index: number;
  answered: boolean;
  flagged: boolean;
  prompt: string;
}

/** Every question with its status, for the review screen before submitting. */
export function reviewList(state: ExamState): ReviewRow[] {
  return state.questions.map((q, index) => ({ index, answered: state.choices[index] !== undefined, flagged: state.flagged[index] === true, prompt: q.prompt }));
}

export function submitExam(state: ExamState, now: number): ExamState {
  if (state.submitted) return state;
  const timedOut = isExpired(state, now);
  return { ...state, submitted: { at: timedOut ? state.deadline : now, timedOut } };
}

export function examResult(pack: Pack, state: ExamState): ExamResult {
  const ok = (i: number) => {
    const c = state.choices[i];
    return c !== undefined && grade(state.questions[i]!, c);
  };
  const total = state.questions.length;
  const score = state.questions.filter((_, i) => ok(i)).length;
  const percent = total === 0 ? 0 : Math.round((score / total) * 1000) / 10;
  const passMark = pack.meta.passingScore;
  return {
    score,
    total,
    percent,
    passMark,
    passed: total > 0 && score / total >= passMark,
    byDomain: domainScores(pack, state.questions, ok),
    missed: state.questions.filter((_, i) => !ok(i)),
    unanswered: state.choices.filter((c) => c === undefined).length,
    timedOut: state.submitted?.timedOut ?? false,
    durationMs: (state.submitted?.at ?? state.deadline) - state.startedAt,
  };
}

/** A new exam of the missed questions only, with the same time per question. */
export function retakeMissed(result: ExamResult, now: number): ExamState {
  return startExam(result.missed, { now, minutes: result.missed.length * MINUTES_PER_QUESTION });
}

/** The submitted exam as the progress store keeps it. */
export function examAttempt(state: ExamState, result: ExamResult): AttemptRecord {
  return {
    kind: "exam",
    startedAt: new Date(state.startedAt),
    finishedAt: new Date(state.submitted?.at ?? state.deadline),
    score: result.score,
    total: result.total,
    answers: state.questions.map((q, i) => {
      const c = state.choices[i];
      return { itemId: q.id, correct: c !== undefined && grade(q, c), elapsedMs: 0, ...(c !== undefined ? { chosen: q.choices[c]!.id } : {}), ...(q.domain ? { domain: q.domain } : {}) };
    }),
  };
}
