// The quiz and exam contract: questions built from a Pack, answers, feedback and summaries.
// Plain data, so screens, the plain CLI and the store all speak it.

export type QuestionKind = "scenario" | "action" | "trap";
export const QUESTION_KINDS: readonly QuestionKind[] = ["scenario", "action", "trap"];

export interface Choice {
  /** Option id (service or event type), or "true"/"false" for a trap. */
  id: string;
  label: string;
  correct: boolean;
  /** Why this choice fails the requirement (distractors), from the content. */
  why?: string;
  /** True when the reason comes from the option's catalog entry, not written for this question. */
  generic?: boolean;
}

export interface Question {
  /** `scenario:<id>`, `action:<PREFIX:EventName>` or `trap:<factId>:<n>`. */
  id: string;
  kind: QuestionKind;
  domain?: string;
  topic?: string;
  prompt: string;
  /** Words to highlight in the prompt. */
  keywords: string[];
  /** Shuffled: two for true/false, otherwise up to four. */
  choices: Choice[];
  answerLabel: string;
  explanation: string;
  source?: string;
  /** Option ids accepted as a typed answer (the answer first). */
  accept: string[];
}

export interface QuizOptions {
  topic?: string;
  count?: number;
  seed?: number | string;
  kinds?: readonly QuestionKind[];
  /** Only these question ids (e.g. the scenarios of one file, or the missed ones). */
  onlyIds?: readonly string[];
}

export interface DistractorFeedback {
  label: string;
  why: string;
  chosen: boolean;
  generic?: boolean;
}

export interface Feedback {
  correct: boolean;
  /** The label of what the learner chose or typed; undefined when unanswered. */
  chosen?: string;
  expected: string;
  /** Every wrong choice and why it fails, the learner's own pick first. */
  distractors: DistractorFeedback[];
  explanation: string;
  source?: string;
}

export interface TypedMatch {
  accepted: boolean;
  matchedId?: string;
  matchedName?: string;
  message: string;
}

export interface AnswerRecordQ {
  choiceIndex?: number;
  typed?: string;
  correct: boolean;
  elapsedMs: number;
}

export interface QuizState {
  questions: Question[];
  index: number;
  answers: Array<AnswerRecordQ | undefined>;
  startedAt: number;
  /** When the current question was shown (ms since epoch). */
  shownAt: number;
}

export interface DomainScore {
  domain: string;
  name: string;
  correct: number;
  total: number;
}

export interface QuizSummary {
  score: number;
  total: number;
  missed: Question[];
  byDomain: DomainScore[];
}
