// A quiz in progress as plain state and the functions that move it on. Screens and the plain CLI
// hold a QuizState and call these; nothing here knows about keys or streams. Pure (time is passed in).
import type { Pack } from "../content/pack.js";
import { feedback, feedbackForTyped, matchTyped } from "./grade.js";
import type { AttemptRecord } from "../store/port.js";
import type { DomainScore, Feedback, Question, QuizState, QuizSummary, TypedMatch } from "./types.js";

export function startQuiz(questions: Question[], now: number): QuizState {
  return { questions, index: 0, answers: questions.map(() => undefined), startedAt: now, shownAt: now };
}

/** Answer the current question with one pick, or every pick of a "Choose two/three" (all or nothing). */
export function answerQuiz(state: QuizState, picks: number | readonly number[], now: number): { state: QuizState; feedback: Feedback } {
  const q = state.questions[state.index]!;
  const choiceIndexes = typeof picks === "number" ? [picks] : [...picks];
  const fb = feedback(q, choiceIndexes);
  const answers = state.answers.slice();
  answers[state.index] = { choiceIndexes, correct: fb.correct, elapsedMs: now - state.shownAt };
  return { state: { ...state, answers }, feedback: fb };
}

/**
 * Answer the current question by typing. Input that reads as no name (or two) is not graded:
 * the state is unchanged and `match.unreadable` says to ask again.
 */
export function answerQuizTyped(pack: Pack, state: QuizState, typed: string, now: number): { state: QuizState; feedback?: Feedback; match: TypedMatch } {
  const q = state.questions[state.index]!;
  const match = matchTyped(pack, q, typed);
  if (match.unreadable) return { state, match };
  const fb = feedbackForTyped(q, match);
  const answers = state.answers.slice();
  answers[state.index] = { typed, correct: match.accepted, elapsedMs: now - state.shownAt };
  return { state: { ...state, answers }, feedback: fb, match };
}

export function nextQuestion(state: QuizState, now: number): QuizState {
  return { ...state, index: Math.min(state.index + 1, state.questions.length), shownAt: now };
}

export function isQuizDone(state: QuizState): boolean {
  return state.index >= state.questions.length;
}

export function domainScores(pack: Pack, questions: readonly Question[], correct: (i: number) => boolean): DomainScore[] {
  const by = new Map<string, DomainScore>();
  for (const d of pack.meta.domains) by.set(d.id, { domain: d.id, name: d.name, correct: 0, total: 0 });
  questions.forEach((q, i) => {
    const key = q.domain ?? "other";
    let row = by.get(key);
    if (!row) by.set(key, (row = { domain: key, name: key === "other" ? "Other" : key, correct: 0, total: 0 }));
    row.total++;
    if (correct(i)) row.correct++;
  });
  return [...by.values()].filter((r) => r.total > 0);
}

export function summarizeQuiz(pack: Pack, state: QuizState): QuizSummary {
  const ok = (i: number) => state.answers[i]?.correct === true;
  return {
    score: state.questions.filter((_, i) => ok(i)).length,
    total: state.questions.length,
    missed: state.questions.filter((_, i) => !ok(i)),
    byDomain: domainScores(pack, state.questions, ok),
  };
}

/** A new quiz of the questions missed, in the same order. */
export function retryMissed(summary: QuizSummary, now: number): QuizState {
  return startQuiz(summary.missed, now);
}

/** The attempt as the progress store keeps it: every question, right or not, and what was picked. */
export function quizAttempt(state: QuizState, summary: QuizSummary, finishedAt: number): AttemptRecord {
  return {
    kind: "quiz",
    startedAt: new Date(state.startedAt),
    finishedAt: new Date(finishedAt),
    score: summary.score,
    total: summary.total,
    answers: state.questions.map((q, i) => {
      const a = state.answers[i];
      return {
        itemId: q.id,
        correct: a?.correct === true,
        elapsedMs: a?.elapsedMs ?? 0,
        ...(a?.choiceIndexes?.length ? { chosen: a.choiceIndexes.map((i) => q.choices[i]!.id).join(",") } : {}),
        ...(q.domain ? { domain: q.domain } : {}),
      };
    }),
  };
}
