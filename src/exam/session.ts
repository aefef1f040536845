// A timed exam as plain state: answer (one pick, or N for "Choose two/three"), move, flag, pause,
// review, submit (by the learner or the clock), and a result with pass/fail, a per-domain breakdown
// and a review of every question. Pure: every function takes `now`.
import type { Pack } from "../content/index.js";
import { type AttemptRecord, type DomainScore, domainScores, type Question } from "../quiz/index.js";

export const DEFAULT_EXAM_COUNT = 20;
export const MINUTES_PER_QUESTION = 1.5;

export interface ExamState {
  questions: Question[];
  index: number;
  /** Choice indexes picked per question (empty while unanswered), in the order picked. */
  picks: number[][];
  flagged: boolean[];
  /** Time spent on each question so far (ms), counted while it is the one shown and the clock runs. */
  spentMs: number[];
  /** When the current question was last shown with the clock running. */
  shownAt: number;
  startedAt: number;
  /** The deadline, moved on by every pause. */
  deadline: number;
  /** The exam's pace, kept by "retake missed". */
  msPerQuestion: number;
  /** Set while the clock is stopped. */
  pausedAt?: number;
  pausedMs: number;
  submitted?: { at: number; timedOut: boolean };
}

export interface ReviewEntry {
  index: number;
  question: Question;
  picks: number[];
  correct: boolean;
  flagged: boolean;
  spentMs: number;
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
  flaggedCount: number;
  timedOut: boolean;
  /** Time on the clock (pauses left out). */
  durationMs: number;
  msPerQuestion: number;
  /** Every question in exam order: what was picked, whether it was right, flagged, time spent. */
  review: ReviewEntry[];
}

/** How many options a question wants ("Choose two" → 2); 1 for a single-answer question. */
export function needed(q: Question): number {
  const declared = (q as { choose?: number }).choose;
  return declared ?? Math.max(1, q.choices.filter((c) => c.correct).length);
}

export function startExam(questions: Question[], opts: { minutes?: number; msPerQuestion?: number; now: number }): ExamState {
  const ms =
    opts.minutes !== undefined ? Math.round(opts.minutes * 60_000) : Math.round(questions.length * (opts.msPerQuestion ?? MINUTES_PER_QUESTION * 60_000));
  return {
    questions,
    index: 0,
    picks: questions.map(() => []),
    flagged: questions.map(() => false),
    spentMs: questions.map(() => 0),
    shownAt: opts.now,
    startedAt: opts.now,
    deadline: opts.now + ms,
    msPerQuestion: questions.length ? ms / questions.length : 0,
    pausedMs: 0,
  };
}

export function remainingMs(state: ExamState, now: number): number {
  const at = state.submitted?.at ?? state.pausedAt ?? now;
  return Math.max(0, state.deadline - at);
}

export function isExpired(state: ExamState, now: number): boolean {
  return state.pausedAt === undefined && now >= state.deadline;
}

export function isPaused(state: ExamState): boolean {
  return state.pausedAt !== undefined;
}

/** Add the time since the current question was shown to its tally (clock running only). */
function settle(state: ExamState, now: number): ExamState {
  if (state.pausedAt !== undefined || state.submitted) return state;
  const until = Math.min(now, state.deadline);
  const spentMs = state.spentMs.slice();
  spentMs[state.index] = (spentMs[state.index] ?? 0) + Math.max(0, until - state.shownAt);
  return { ...state, spentMs, shownAt: now };
}

function open(state: ExamState, now: number): boolean {
  return !state.submitted && state.pausedAt === undefined && !isExpired(state, now);
}

/**
 * Pick a choice of the current question. A single-answer question takes the pick in place of the
 * last one; a "Choose N" question toggles it, and ignores an (N+1)th pick until one is unpicked.
 * Ignored once submitted, paused or out of time.
 */
export function choose(state: ExamState, choiceIndex: number, now: number): ExamState {
  if (!open(state, now)) return state;
  const q = state.questions[state.index];
  if (!q || choiceIndex < 0 || choiceIndex >= q.choices.length) return state;
  const mine = state.picks[state.index] ?? [];
  const n = needed(q);
  let next: number[];
  if (n === 1) next = [choiceIndex];
  else if (mine.includes(choiceIndex)) next = mine.filter((i) => i !== choiceIndex);
  else if (mine.length >= n) return state;
  else next = [...mine, choiceIndex];
  const picks = state.picks.slice();
  picks[state.index] = next;
  return { ...state, picks };
}

/** Clear the current question's answer. */
export function clearPick(state: ExamState, now: number): ExamState {
  if (!open(state, now)) return state;
  const picks = state.picks.slice();
  picks[state.index] = [];
  return { ...state, picks };
}

export function goTo(state: ExamState, index: number, now: number): ExamState {
  if (state.submitted) return state;
  const to = Math.max(0, Math.min(state.questions.length - 1, index));
  if (to === state.index) return state;
  return { ...settle(state, now), index: to };
}

export function toggleFlag(state: ExamState): ExamState {
  if (state.submitted) return state;
  const flagged = state.flagged.slice();
  flagged[state.index] = !flagged[state.index];
  return { ...state, flagged };
}

/** Stop the clock (a pause never runs past the deadline: an expired exam is submitted instead). */
export function pauseExam(state: ExamState, now: number): ExamState {
  if (state.submitted || state.pausedAt !== undefined || isExpired(state, now)) return state;
  return { ...settle(state, now), pausedAt: now };
}

/** Start the clock again: the deadline moves on by the length of the pause. */
export function resumeExam(state: ExamState, now: number): ExamState {
  if (state.pausedAt === undefined) return state;
  const paused = Math.max(0, now - state.pausedAt);
  const { pausedAt: _, ...rest } = state;
  return { ...rest, deadline: state.deadline + paused, pausedMs: state.pausedMs + paused, shownAt: now };
}

export function isAnswered(state: ExamState, i: number): boolean {
  const q = state.questions[i];
  return q !== undefined && (state.picks[i]?.length ?? 0) >= needed(q);
}

export function isRight(state: ExamState, i: number): boolean {
  const q = state.questions[i];
  const mine = state.picks[i] ?? [];
  if (!q || mine.length === 0) return false;
  const right = q.choices.flatMap((c, k) => (c.correct ? [k] : []));
  return right.length === mine.length && right.every((k) => mine.includes(k));
}

export interface ReviewRow {
  index: number;
  answered: boolean;
  /** Picks made so far and picks wanted (a "Choose two" with one pick is not answered yet). */
  picked: number;
  needed: number;
  flagged: boolean;
  prompt: string;
}

/** Every question with its status, for the review screen before submitting. */
export function reviewList(state: ExamState): ReviewRow[] {
  return state.questions.map((q, index) => ({
    index,
    answered: isAnswered(state, index),
    picked: state.picks[index]?.length ?? 0,
    needed: needed(q),
    flagged: state.flagged[index] === true,
    prompt: q.prompt,
  }));
}

export function submitExam(state: ExamState, now: number): ExamState {
  if (state.submitted) return state;
  const resumed = resumeExam(state, now);
  const timedOut = now >= resumed.deadline;
  const at = timedOut ? resumed.deadline : now;
  return { ...settle(resumed, at), submitted: { at, timedOut } };
}

export function examResult(pack: Pack, state: ExamState): ExamResult {
  const ok = (i: number) => isRight(state, i);
  const total = state.questions.length;
  const score = state.questions.filter((_, i) => ok(i)).length;
  const percent = total === 0 ? 0 : Math.round((score / total) * 1000) / 10;
  const passMark = pack.meta.passingScore;
  const end = state.submitted?.at ?? state.deadline;
  return {
    score,
    total,
    percent,
    passMark,
    passed: total > 0 && score / total >= passMark,
    byDomain: domainScores(pack, state.questions, ok),
    missed: state.questions.filter((_, i) => !ok(i)),
    unanswered: state.questions.filter((_, i) => (state.picks[i]?.length ?? 0) === 0).length,
    flaggedCount: state.flagged.filter(Boolean).length,
    timedOut: state.submitted?.timedOut ?? false,
    durationMs: end - state.startedAt - state.pausedMs,
    msPerQuestion: state.msPerQuestion,
    review: state.questions.map((question, index) => ({
      index,
      question,
      picks: state.picks[index] ?? [],
      correct: ok(index),
      flagged: state.flagged[index] === true,
      spentMs: state.spentMs[index] ?? 0,
    })),
  };
}

/** A new exam of the missed questions only, at the same pace (time per question) as the exam it came from. */
export function retakeMissed(result: ExamResult, now: number): ExamState {
  return startExam(result.missed, { now, msPerQuestion: result.msPerQuestion });
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
      const mine = state.picks[i] ?? [];
      // The option that tells the most: the first wrong pick, else the first pick.
      const shown = mine.find((k) => !q.choices[k]!.correct) ?? mine[0];
      return {
        itemId: q.id,
        correct: isRight(state, i),
        elapsedMs: Math.round(state.spentMs[i] ?? 0),
        ...(shown !== undefined ? { chosen: q.choices[shown]!.id } : {}),
        ...(q.domain ? { domain: q.domain } : {}),
      };
    }),
  };
}
