// The quiz and exam contract: questions built from a Pack, answers, feedback and summaries.
// Plain data, so screens, the plain CLI and the store all speak it.

/**
 * `scenario`: an authored scenario; `action`: "which event type records this call?" from the
 * simulator's catalog; `trap`: a fact's true/false claim; `config`: configuration-reading items
 * generated from the simulator (src/quiz/config-items.ts).
 */
export type QuestionKind = "scenario" | "action" | "trap" | "config";
/** The kinds buildQuiz builds (and --kind accepts). */
export const QUESTION_KINDS: readonly QuestionKind[] = ["scenario", "action", "trap", "config"];

export interface Choice {
  /** Option id: a catalog id, a scenario's local option id, or "true"/"false" for a trap. */
  id: string;
  /** How the option reads; the revealed answer reads the same. */
  label: string;
  correct: boolean;
  /** A distractor: why it fails the requirement. A correct choice: why it is right (when authored). */
  why?: string;
  /**
   * False reasons for why this distractor fails (its misconceptions, then false claims the pack
   * links to this option with `about`), the foils of the "why does your pick fail?" step.
   */
  foils?: string[];
}

export interface Question {
  /** `scenario:<id>`, `action:<PREFIX:EventName>`, `trap:<factId>:<n>` or `config:<n>`. */
  id: string;
  kind: QuestionKind;
  domain?: string;
  topic?: string;
  /** Context shown before the requirement (exam style), when authored. */
  situation?: string;
  /** The requirement: the question itself. */
  prompt: string;
  /** Words to highlight in the prompt (the TUI); never printed before an answer in plain mode. */
  keywords: string[];
  /** Shuffled: two for true/false, up to four for choose-1, up to five for choose-N. */
  choices: Choice[];
  /** How many choices are right (1, or 2/3 for "Choose two/three"); all-or-nothing. */
  choose: number;
  /** The revealed answer: the correct choices' labels, as they read among the choices. */
  answerLabel: string;
  explanation: string;
  source?: string;
  /** Option ids accepted as a typed answer (the answer first). */
  accept: string[];
  /** Typed mode may ask it: a single answer that is a name (service or event type). */
  typeable: boolean;
  /** The id of the pack the item comes from (its pack.yaml's `id`), when known. */
  pack?: string;
}

export interface QuizOptions {
  topic?: string;
  count?: number;
  seed?: number | string;
  kinds?: readonly QuestionKind[];
  /** Only these question ids (e.g. the scenarios of one file, or the missed ones). */
  onlyIds?: readonly string[];
  /** A typed quiz: only questions whose answer is a name (see Question.typeable). */
  typed?: boolean;
}

export interface DistractorFeedback {
  label: string;
  why: string;
  chosen: boolean;
}

export interface Feedback {
  correct: boolean;
  /** The label(s) of what the learner chose or typed; undefined when unanswered. */
  chosen?: string;
  expected: string;
  /** The stem, kept on screen above the reasons. */
  situation?: string;
  prompt: string;
  /** For choose-N: every correct option and why it is right. */
  answers: Array<{ label: string; why?: string; chosen: boolean }>;
  /** Every wrong choice and why it fails, the learner's own picks first. */
  distractors: DistractorFeedback[];
  explanation: string;
  source?: string;
}

export interface TypedMatch {
  accepted: boolean;
  /** The input could not be read as one name: ask again, do not grade. */
  unreadable?: boolean;
  matchedId?: string;
  matchedName?: string;
  message: string;
}

export interface AnswerRecordQ {
  /** The choices picked (one for choose-1). */
  choiceIndexes?: number[];
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
