// What the screens and commands need from the progress store, as an interface, so the quiz and
// exam can record attempts before (and without) SQLite: `MemoryProgress` keeps them in memory,
// the SQLite store (src/store/) implements the same port on disk.

import type { SqliteStore } from "./sqlite.js";

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

export interface ProgressPort {
  /** Store a finished quiz or exam attempt. Must be durable when it returns. */
  recordAttempt(attempt: AttemptRecord): void;
  /** Attempts, newest first. */
  attempts(limit?: number): AttemptRecord[];
  /** Cards due now, for the home screen; undefined while no drill has ever run. */
  dueCount?(now: Date): number | undefined;
  /** Release the store (database handle, lock); safe to call twice. */
  close?(): void;
  /** The on-disk store, for drills and stats; absent when progress is only kept in memory. */
  study?: StudyStore;
  /** Settles once the store behind this port is open (a port opened lazily, after the first frame). */
  ready?: Promise<void>;
  /** Why the store could not be opened, when it could not. */
  problem?: string;
}

/** What drills and stats need from the store (implemented by SqliteStore). */
export type StudyStore = Pick<SqliteStore, "cardCache" | "newCardsSince" | "answer" | "undoLastReview" | "reviews" | "wrongPicks" | "reviewCount" | "getSetting" | "setSetting" | "settings" | "rebuild" | "file">;

export class MemoryProgress implements ProgressPort {
  private readonly list: AttemptRecord[] = [];
  recordAttempt(attempt: AttemptRecord): void {
    this.list.unshift(attempt);
  }
  attempts(limit = Infinity): AttemptRecord[] {
    return this.list.slice(0, limit);
  }
}
