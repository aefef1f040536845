// Why a progress store could not be used, in words a learner can act on. The file is never
// overwritten or deleted because of any of these.
export type StoreProblem = "corrupt" | "newer" | "readonly" | "full" | "locked" | "unavailable";

export class StoreError extends Error {
  constructor(
    readonly problem: StoreProblem,
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = "StoreError";
  }
}

const RESET_HINT = "it was left untouched; run 'cloudtrail-tutor stats --reset' to set it aside (renamed, not deleted) and start a new one";

/** The store is damaged (a bad header, or pages that fail SQLite's quick_check). */
export function damaged(file: string, detail: string): StoreError {
  return new StoreError("corrupt", `the progress store ${file} is damaged (${detail})`, RESET_HINT);
}

/**
 * An error from SQLite or the file system, in the store's own words: what happened and what to do.
 * Codes are SQLite's extended result codes (SQLITE_READONLY_DBMOVED …) or errno names.
 */
export function classifyStoreError(err: unknown, file: string): StoreError {
  const e = err as { code?: string; message?: string };
  const code = e.code ?? "";
  const is = (...codes: string[]) => codes.some((c) => code === c || code.startsWith(`${c}_`));
  if (is("SQLITE_NOTADB", "SQLITE_CORRUPT")) return damaged(file, code);
  if (is("SQLITE_FULL", "ENOSPC", "EDQUOT")) {
    return new StoreError(
      "full",
      `the disk holding the progress store ${file} is full (${code}); this answer was not saved`,
      "free some disk space and try again (your earlier progress is intact), or choose another place with --data-dir DIR",
    );
  }
  if (is("SQLITE_BUSY", "SQLITE_LOCKED")) {
    return new StoreError(
      "locked",
      `the progress store ${file} stayed locked by another program for too long (${code})`,
      "close other cloudtrail-tutor windows that are mid-write (or a program holding the file open), then try again",
    );
  }
  if (is("SQLITE_READONLY", "EACCES", "EROFS", "EPERM")) {
    return new StoreError(
      "readonly",
      `cannot write the progress store ${file} (${code}): the file or its directory is read-only`,
      "make the data directory writable (the store also needs to create progress.db-wal beside it), or choose another with --data-dir DIR",
    );
  }
  if (is("SQLITE_CANTOPEN", "ENOTDIR", "EEXIST", "ENOENT", "EISDIR")) {
    return new StoreError(
      "readonly",
      `cannot write the progress store ${file} (${code})`,
      "check that the data directory is a writable directory and the disk not full, or choose another with --data-dir DIR",
    );
  }
  if (is("SQLITE_IOERR")) {
    return new StoreError(
      "unavailable",
      `the progress store ${file} could not be read or written (${code}): the disk or file system reported an error`,
      "check the disk (a full or unplugged drive, a network share that went away), then try again",
    );
  }
  return new StoreError("unavailable", `cannot use the progress store ${file}: ${e.message ?? String(err)}`, "run again with --debug for details");
}
