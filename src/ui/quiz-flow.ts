// What the Quiz screen shows and how keys move it on, as a pure reducer over the quiz engine:
// question → feedback → (after a wrong pick) "why does your pick fail?" → next … → summary.
import type { Pack } from "../content/index.js";
import { answerQuiz, answerQuizTyped, createRng, type Feedback, isQuizDone, nextQuestion, type Question, type QuizState, type QuizSummary, retryMissed, type Rng, startQuiz, summarizeQuiz, whyQuestion, type WhyQuestion } from "../quiz/index.js";

export type QuizPhase = "question" | "feedback" | "why" | "summary";

export interface QuizFlow {
  quiz: QuizState;
  phase: QuizPhase;
  typed: boolean;
  feedback?: Feedback;
  typedMessage?: string;
  why?: WhyQuestion;
  /** The reason the learner picked in the why step, once picked. */
  whyPick?: number;
  summary?: QuizSummary;
  /** Questions the why step draws reasons from. */
  pool: readonly Question[];
  seed: number;
}

export type QuizAction =
  | { type: "pick"; index: number; now: number }
  | { type: "typed"; text: string; now: number }
  | { type: "continue"; now: number }
  | { type: "why"; index: number }
  | { type: "retry"; now: number };

export function startFlow(questions: Question[], opts: { typed: boolean; now: number; seed?: number; pool?: readonly Question[] }): QuizFlow {
  return { quiz: startQuiz(questions, opts.now), phase: "question", typed: opts.typed, pool: opts.pool ?? questions, seed: opts.seed ?? opts.now };
}

function rngFor(flow: QuizFlow): Rng {
  return createRng(flow.seed + flow.quiz.index * 7919);
}

export function quizReducer(pack: Pack, flow: QuizFlow, action: QuizAction): QuizFlow {
  switch (action.type) {
    case "pick": {
      if (flow.phase !== "question" || flow.typed) return flow;
      const q = flow.quiz.questions[flow.quiz.index];
      if (!q || action.index < 0 || action.index >= q.choices.length) return flow;
      const r = answerQuiz(flow.quiz, action.index, action.now);
      const why = r.feedback.correct ? undefined : whyQuestion(q, action.index, flow.pool, rngFor(flow));
      return { ...flow, quiz: r.state, phase: "feedback", feedback: r.feedback, ...(why ? { why } : { why: undefined }), whyPick: undefined };
    }
    case "typed": {
      if (flow.phase !== "question" || !flow.typed || !action.text.trim()) return flow;
      const r = answerQuizTyped(pack, flow.quiz, action.text, action.now);
      return { ...flow, quiz: r.state, phase: "feedback", feedback: r.feedback, typedMessage: r.match.message, why: undefined, whyPick: undefined };
    }
    case "continue": {
      if (flow.phase === "feedback" && flow.why) return { ...flow, phase: "why" };
      if (flow.phase === "why" && flow.whyPick === undefined) return flow;
      if (flow.phase === "feedback" || flow.phase === "why") {
        const quiz = nextQuestion(flow.quiz, action.now);
        const base = { ...flow, quiz, feedback: undefined, typedMessage: undefined, why: undefined, whyPick: undefined };
        return isQuizDone(quiz) ? { ...base, phase: "summary", summary: summarizeQuiz(pack, quiz) } : { ...base, phase: "question" };
      }
      return flow;
    }
    case "why":
      if (flow.phase !== "why" || !flow.why || flow.whyPick !== undefined) return flow;
      if (action.index < 0 || action.index >= flow.why.reasons.length) return flow;
      return { ...flow, whyPick: action.index };
    case "retry":
      if (flow.phase !== "summary" || !flow.summary?.missed.length) return flow;
      return { ...flow, quiz: retryMissed(flow.summary, action.now), phase: "question", summary: undefined };
  }
}
