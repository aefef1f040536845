// A quiz as the learner moves through it, as one pure reducer over typed actions, driven by the Quiz
// screen and by plain mode alike:
//   question → (a wrong pick with a why step) why → feedback → next question … → summary.
// The why step comes before any reason is shown. "Choose two/three" questions toggle picks and
// submit them together. Esc or q mid-quiz asks before abandoning. Time is passed in.
import type { Pack } from "../content/pack.js";
import { answerQuiz, answerQuizTyped, isQuizDone, nextQuestion, retryMissed, startQuiz, summarizeQuiz } from "./session.js";
import type { Feedback, Question, QuizState, QuizSummary } from "./types.js";
import { hasWhyStep, whyStep, type WhyQuestion } from "./why.js";

export type QuizPhase = "question" | "why" | "feedback" | "summary" | "abandoned";

export interface QuizFlow {
  quiz: QuizState;
  phase: QuizPhase;
  /** Typed answers asked (for questions whose answer is a name; the others show their choices). */
  typed: boolean;
  /** The picks toggled so far on a "Choose two/three" question. */
  selected: number[];
  feedback?: Feedback;
  /** What the typed answer was read as; in the question phase, why the input was not graded. */
  typedMessage?: string;
  why?: WhyQuestion;
  /** The reason picked in the why step, once picked. */
  whyPick?: number;
  /** Asking "abandon this quiz?" over the current phase. */
  confirmAbandon: boolean;
  summary?: QuizSummary;
  seed: number | string;
}

export type QuizAction =
  /** Choose-1: answer with this choice. Choose-N: toggle it. */
  | { type: "pick"; index: number; now: number }
  | { type: "toggle"; index: number }
  /** Choose-N: answer with the toggled picks (exactly `choose` of them). */
  | { type: "submit"; now: number }
  | { type: "type"; text: string; now: number }
  /** Next: from feedback to the next question; in the why step, skip it. */
  | { type: "continue"; now: number }
  | { type: "why"; index: number }
  | { type: "retry"; now: number }
  | { type: "abandon-request" }
  | { type: "abandon-confirm" }
  | { type: "abandon-cancel" };

export function startFlow(questions: Question[], opts: { typed: boolean; now: number; seed?: number | string }): QuizFlow {
  return { quiz: startQuiz(questions, opts.now), phase: "question", typed: opts.typed, selected: [], confirmAbandon: false, seed: opts.seed ?? opts.now };
}

export function currentQuestion(flow: QuizFlow): Question | undefined {
  return flow.quiz.questions[flow.quiz.index];
}

/** Is the learner typing the current answer (rather than choosing it)? */
export function isTyping(flow: QuizFlow): boolean {
  const q = currentQuestion(flow);
  return flow.phase === "question" && flow.typed && q?.typeable === true;
}

const cleared = { feedback: undefined, typedMessage: undefined, why: undefined, whyPick: undefined, selected: [] as number[] };

function answered(flow: QuizFlow, q: Question, picks: number[], now: number): QuizFlow {
  const r = answerQuiz(flow.quiz, picks, now);
  const asked = r.feedback.correct
    ? undefined
    : picks
        .filter((i) => !q.choices[i]!.correct)
        .sort((a, b) => a - b)
        .find((i) => hasWhyStep(q, i));
  const why = asked === undefined ? undefined : whyStep(q, asked, flow.seed);
  return { ...flow, ...cleared, quiz: r.state, phase: why ? "why" : "feedback", feedback: r.feedback, ...(why ? { why } : {}) };
}

export function quizReducer(pack: Pack, flow: QuizFlow, action: QuizAction): QuizFlow {
  if (flow.confirmAbandon) {
    if (action.type === "abandon-confirm") return { ...flow, confirmAbandon: false, phase: "abandoned" };
    if (action.type === "abandon-cancel") return { ...flow, confirmAbandon: false };
    return flow;
  }
  const q = currentQuestion(flow);
  switch (action.type) {
    case "pick": {
      if (flow.phase !== "question" || !q || isTyping(flow) || action.index < 0 || action.index >= q.choices.length) return flow;
      if (q.choose > 1) return quizReducer(pack, flow, { type: "toggle", index: action.index });
      return answered(flow, q, [action.index], action.now);
    }
    case "toggle": {
      if (flow.phase !== "question" || !q || isTyping(flow) || action.index < 0 || action.index >= q.choices.length) return flow;
      const selected = flow.selected.includes(action.index)
        ? flow.selected.filter((i) => i !== action.index)
        : [...flow.selected, action.index].sort((a, b) => a - b);
      return { ...flow, selected };
    }
    case "submit": {
      if (flow.phase !== "question" || !q || isTyping(flow) || flow.selected.length !== q.choose) return flow;
      return answered(flow, q, flow.selected, action.now);
    }
    case "type": {
      if (!isTyping(flow) || !action.text.trim()) return flow;
      const r = answerQuizTyped(pack, flow.quiz, action.text, action.now);
      if (!r.feedback) return { ...flow, typedMessage: r.match.message };
      return { ...flow, ...cleared, quiz: r.state, phase: "feedback", feedback: r.feedback, typedMessage: r.match.message };
    }
    case "why":
      if (flow.phase !== "why" || !flow.why || action.index < 0 || action.index >= flow.why.reasons.length) return flow;
      return { ...flow, whyPick: action.index, phase: "feedback" };
    case "continue": {
      if (flow.phase === "why") return { ...flow, why: undefined, phase: "feedback" };
      if (flow.phase !== "feedback") return flow;
      const quiz = nextQuestion(flow.quiz, action.now);
      const base = { ...flow, ...cleared, quiz };
      return isQuizDone(quiz) ? { ...base, phase: "summary", summary: summarizeQuiz(pack, quiz) } : { ...base, phase: "question" };
    }
    case "retry":
      if (flow.phase !== "summary" || !flow.summary?.missed.length) return flow;
      return { ...flow, ...cleared, quiz: retryMissed(flow.summary, action.now), phase: "question", summary: undefined };
    case "abandon-request":
      if (flow.phase === "summary" || flow.phase === "abandoned") return { ...flow, phase: "abandoned" };
      return { ...flow, confirmAbandon: true };
    case "abandon-confirm":
    case "abandon-cancel":
      return flow;
  }
}

/** A why step the learner answered: the question and the reason picked (for the feedback). */
export function answeredWhy(flow: QuizFlow): { why: WhyQuestion; pick: number } | undefined {
  return flow.why && flow.whyPick !== undefined ? { why: flow.why, pick: flow.whyPick } : undefined;
}
