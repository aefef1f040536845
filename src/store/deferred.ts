// The progress store, opened just after the first frame instead of before it: the TUI appears
// without waiting for SQLite's native module. Until it is open, attempts wait in memory and are
// written as soon as it is; `ready` tells screens that need the store when they can use it.
import type { AttemptRecord } from "../quiz/index.js";
import type { StudyStore } from "../srs/index.js";
import { MemoryProgress, type ProgressPort } from "./port.js";

export class DeferredProgress implements ProgressPort {
  private inner: ProgressPort | undefined;
  private readonly pending: AttemptRecord[] = [];
  private closed = false;
  private failure: string | undefined;
  readonly ready: Promise<void>;

  /** `problem` tells why the store could not be opened, once `ready` has settled. */
  constructor(
    open: Promise<ProgressPort>,
    private readonly problemText: () => string | undefined = () => undefined,
  ) {
    this.ready = open
      .catch((err: unknown) => {
        // Whatever went wrong (a missing native module…), the session goes on in memory.
        this.failure = `the progress store could not be opened (${(err as Error)?.message ?? String(err)})`;
        return new MemoryProgress() as ProgressPort;
      })
      .then((p) => {
        this.inner = p;
        for (const a of this.pending.splice(0)) p.recordAttempt(a);
        if (this.closed) p.close?.();
      });
  }

  recordAttempt(attempt: AttemptRecord): void {
    if (this.inner) this.inner.recordAttempt(attempt);
    else this.pending.push(attempt);
  }

  attempts(limit?: number): AttemptRecord[] {
    return this.inner ? this.inner.attempts(limit) : this.pending.slice(0, limit);
  }

  dueCount(now: Date): number | undefined {
    return this.inner?.dueCount?.(now);
  }

  get problem(): string | undefined {
    return this.failure ?? this.problemText();
  }

  get study(): StudyStore | undefined {
    return this.inner?.study;
  }

  close(): void {
    this.closed = true;
    this.inner?.close?.();
  }
}
