// What the screens and commands need from the progress store, as an interface, so the quiz and
// exam can record attempts before (and without) SQLite: `MemoryProgress` keeps them in memory,
// the SQLite store (src/store/) implements the same port on disk.

import type { AttemptRecord } from "../quiz/index.js";
import type { StudyStore } from "../srs/index.js";

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

export class MemoryProgress implements ProgressPort {
  private readonly list: AttemptRecord[] = [];
  recordAttempt(attempt: AttemptRecord): void {
    this.list.unshift(attempt);
  }
  attempts(limit = Infinity): AttemptRecord[] {
    return this.list.slice(0, limit);
  }
}
