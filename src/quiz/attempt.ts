// A finished quiz, exam or drill session as the learner's history keeps it: the engines build these
// (quizAttempt, examAttempt) and a progress store saves them.

export type AttemptKind = "quiz" | "exam" | "drill" | "cram";

export interface AnswerRecord {
  /** Question id, e.g. `scenario:who-made-api-call`, `action:s3:GetObject`, `trap:fact-id:0`. */
  itemId: string;
  correct: boolean;
  /** Option id (or choice id) the learner picked; absent when unanswered. */
  chosen?: string;
  elapsedMs: number;
  domain?: string;
}

export interface AttemptRecord {
  kind: AttemptKind;
  startedAt: Date;
  finishedAt: Date;
  score: number;
  total: number;
  answers: AnswerRecord[];
}
