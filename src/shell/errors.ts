// Errors the shell turns into one line and an exit code. Anything else thrown is a bug: it is
// printed as a short message too, with the stack only under --debug.

export const EXIT_OK = 0;
/** A check failed: validation errors, a wrong answer count in a script, an unknown action… */
export const EXIT_FAILED = 1;
/** Bad usage: unknown command or flag, a flag without its value. */
export const EXIT_USAGE = 2;

/** Bad usage of the command line (exit 2). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

/** A failure the user can fix (exit 1): missing file, unreadable store, bad configuration… */
export class UserError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly exitCode: number = EXIT_FAILED,
  ) {
    super(message);
    this.name = "UserError";
  }
}
