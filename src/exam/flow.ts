// The exam as one pure reducer over typed actions, for the Ink screen and plain mode alike:
// question ⇄ review → result, with a pause (the learner's, or the window's while it is too small),
// "Esc/q: submit now / keep going / abandon", the clock's ticks, and after submitting a review of
// every question, filterable to missed or flagged. What must happen outside (saving the attempt,
// leaving the screen) is queued as effects when the phase changes; drivers run each effect once.
import type { Pack } from "../content/pack.js";
import type { AttemptRecord } from "../quiz/index.js";
import {
  choose,
  clearPick,
  examAttempt,
  examResult,
  goTo,
  isExpired,
  needed,
  pauseExam,
  resumeExam,
  retakeMissed,
  startExam,
  submitExam,
  toggleFlag,
  type ExamResult,
  type ExamState,
  type ReviewEntry,
} from "./session.js";

export type ExamView = "question" | "review" | "confirm" | "result";
export type ResultFilter = "all" | "missed" | "flagged";
export const RESULT_FILTERS: readonly ResultFilter[] = ["all", "missed", "flagged"];
export type PauseReason = "learner" | "window";

/** The three answers to "leave the exam?", in the order shown. */
export const CONFIRM_CHOICES = ["submit", "keep", "abandon"] as const;
export type ConfirmChoice = (typeof CONFIRM_CHOICES)[number];

export type ExamEffect = { id: number; type: "record"; attempt: AttemptRecord } | { id: number; type: "leave" };

export interface ExamFlow {
  exam: ExamState;
  view: ExamView;
  /** The view "keep going" returns to. */
  before: "question" | "review";
  /** Highlighted choice on the question view (↑ ↓, Enter/Space picks it). */
  cursor: number;
  /** Highlighted row of the review list. */
  reviewAt: number;
  /** Highlighted answer of the confirm question. */
  confirmAt: number;
  /** Why the clock is stopped; it runs when neither is set. */
  paused: { learner: boolean; window: boolean };
  result?: ExamResult;
  filter: ResultFilter;
  /** The latest time an action brought (ticks included): what the countdown shows. */
  now: number;
  /** Effects queued so far, ids increasing; a driver runs those it has not run yet. */
  effects: ExamEffect[];
}

export type ExamAction =
  | { type: "pick"; index: number; now: number }
  | { type: "toggle"; index: number; now: number }
  | { type: "pickCursor"; now: number }
  | { type: "clear"; now: number }
  | { type: "cursor"; by: number }
  | { type: "move"; by: number; now: number }
  | { type: "goto"; index: number; now: number }
  | { type: "flag" }
  | { type: "review" }
  | { type: "reviewMove"; by: number }
  | { type: "reviewOpen"; now: number }
  | { type: "back" }
  | { type: "tick"; now: number }
  | { type: "pause"; reason: PauseReason; now: number }
  | { type: "resume"; reason: PauseReason; now: number }
  | { type: "submit"; now: number }
  | { type: "abandonRequest" }
  | { type: "confirmMove"; by: number }
  | { type: "confirm"; choice?: ConfirmChoice; now: number }
  | { type: "abandonCancel" }
  | { type: "abandonConfirm" }
  | { type: "filter"; filter?: ResultFilter }
  | { type: "retake"; now: number }
  /** Leave the result (Enter): a leave effect. */
  | { type: "close" };

export function startExamFlow(exam: ExamState): ExamFlow {
  return {
    exam,
    view: "question",
    before: "question",
    cursor: 0,
    reviewAt: 0,
    confirmAt: 1,
    paused: { learner: false, window: false },
    filter: "all",
    now: exam.startedAt,
    effects: [],
  };
}

export function newExamFlow(questions: ExamState["questions"], opts: { minutes?: number; now: number }): ExamFlow {
  return startExamFlow(startExam(questions, opts));
}

const wrap = (i: number, by: number, n: number) => (n <= 0 ? 0 : (((i + by) % n) + n) % n);
const nextId = (f: ExamFlow) => (f.effects.length ? f.effects[f.effects.length - 1]!.id + 1 : 1);
const emit = (f: ExamFlow, e: { type: "record"; attempt: AttemptRecord } | { type: "leave" }): ExamFlow => ({
  ...f,
  effects: [...f.effects, { ...e, id: nextId(f) } as ExamEffect],
});

function withExam(f: ExamFlow, exam: ExamState): ExamFlow {
  return exam === f.exam ? f : { ...f, exam };
}

function finish(pack: Pack, f: ExamFlow, now: number): ExamFlow {
  if (f.exam.submitted) return f;
  const exam = submitExam(f.exam, now);
  const result = examResult(pack, exam);
  return emit(
    { ...f, exam, result, view: "result", filter: "all", paused: { learner: false, window: f.paused.window } },
    { type: "record", attempt: examAttempt(exam, result) },
  );
}

function setPause(f: ExamFlow, reason: PauseReason, on: boolean, now: number): ExamFlow {
  if (f.exam.submitted || f.paused[reason] === on) return f;
  const paused = { ...f.paused, [reason]: on };
  const stopped = paused.learner || paused.window;
  const exam = stopped ? pauseExam(f.exam, now) : resumeExam(f.exam, now);
  return { ...f, paused, exam };
}

/** True while the clock is stopped. */
export function isFlowPaused(f: ExamFlow): boolean {
  return f.paused.learner || f.paused.window;
}

export function examReducer(pack: Pack, f: ExamFlow, a: ExamAction): ExamFlow {
  if ("now" in a && a.now !== f.now) f = { ...f, now: a.now };
  // Out of time: whatever the action, the exam is submitted as it stands first.
  if ("now" in a && !f.exam.submitted && isExpired(f.exam, a.now)) f = finish(pack, f, a.now);
  const q = f.exam.questions[f.exam.index];
  const answering = f.view === "question" && !f.paused.learner && !f.exam.submitted;
  switch (a.type) {
    case "pick":
    case "toggle":
      return answering ? withExam(f, choose(f.exam, a.index, a.now)) : f;
    case "pickCursor":
      return answering ? withExam(f, choose(f.exam, f.cursor, a.now)) : f;
    case "clear":
      return answering ? withExam(f, clearPick(f.exam, a.now)) : f;
    case "cursor":
      return answering && q ? { ...f, cursor: wrap(f.cursor, a.by, q.choices.length) } : f;
    case "move":
    case "goto": {
      if (!answering) return f;
      const to = a.type === "move" ? f.exam.index + a.by : a.index;
      const exam = goTo(f.exam, to, a.now);
      return exam === f.exam ? f : { ...f, exam, cursor: 0 };
    }
    case "flag":
      return answering ? withExam(f, toggleFlag(f.exam)) : f;
    case "review":
      return f.view === "question" && !f.paused.learner && !f.exam.submitted ? { ...f, view: "review", reviewAt: f.exam.index } : f;
    case "reviewMove":
      return f.view === "review" ? { ...f, reviewAt: wrap(f.reviewAt, a.by, f.exam.questions.length) } : f;
    case "reviewOpen": {
      if (f.view !== "review") return f;
      const exam = goTo(f.exam, f.reviewAt, a.now);
      return { ...f, exam, view: "question", cursor: exam === f.exam ? f.cursor : 0 };
    }
    case "back":
      return f.view === "review" ? { ...f, view: "question" } : f.view === "confirm" ? { ...f, view: f.before } : f;
    case "tick":
      return f;
    case "pause":
      return setPause(f, a.reason, true, a.now);
    case "resume":
      return setPause(f, a.reason, false, a.now);
    case "submit":
      return f.view === "result" ? f : finish(pack, f, a.now);
    case "abandonRequest":
      if (f.exam.submitted || f.view === "confirm" || f.view === "result") return f;
      return { ...f, view: "confirm", before: f.view, confirmAt: 1 };
    case "confirmMove":
      return f.view === "confirm" ? { ...f, confirmAt: wrap(f.confirmAt, a.by, CONFIRM_CHOICES.length) } : f;
    case "confirm": {
      if (f.view !== "confirm") return f;
      const choice = a.choice ?? CONFIRM_CHOICES[f.confirmAt]!;
      if (choice === "submit") return finish(pack, f, a.now);
      if (choice === "keep") return { ...f, view: f.before };
      return emit(f, { type: "leave" });
    }
    case "abandonCancel":
      return f.view === "confirm" ? { ...f, view: f.before } : f;
    case "abandonConfirm":
      return f.view === "confirm" ? emit(f, { type: "leave" }) : f;
    case "filter": {
      if (f.view !== "result") return f;
      const filter = a.filter ?? RESULT_FILTERS[wrap(RESULT_FILTERS.indexOf(f.filter), 1, RESULT_FILTERS.length)]!;
      return { ...f, filter };
    }
    case "close":
      return f.view === "result" ? emit(f, { type: "leave" }) : f;
    case "retake": {
      if (f.view !== "result" || !f.result?.missed.length) return f;
      const next = { ...startExamFlow(retakeMissed(f.result, a.now)), now: a.now };
      // The window is as small (or not) as it was: a retake in a too-small window starts paused.
      return { ...(f.paused.window ? setPause(next, "window", true, a.now) : next), effects: f.effects };
    }
  }
}

/** Effects queued after `doneId`, for a driver that has run those up to it. */
export function pendingEffects(f: ExamFlow, doneId: number): ExamEffect[] {
  return f.effects.filter((e) => e.id > doneId);
}

/** The result's question review, filtered. */
export function reviewEntries(f: ExamFlow): ReviewEntry[] {
  const all = f.result?.review ?? [];
  if (f.filter === "missed") return all.filter((e) => !e.correct);
  if (f.filter === "flagged") return all.filter((e) => e.flagged);
  return all;
}

/** "Choose two" etc. for the current question, or undefined for a single answer. */
export function chooseHint(f: ExamFlow): string | undefined {
  const q = f.exam.questions[f.exam.index];
  if (!q) return undefined;
  const n = needed(q);
  return n > 1 ? `Choose ${["", "one", "two", "three", "four"][n] ?? n} (${f.exam.picks[f.exam.index]?.length ?? 0} picked)` : undefined;
}
