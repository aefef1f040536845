// A reader that closed its end of the pipe (`cloudtrail-tutor search s3 | head -1`, `--version |
// true`) is not an error: stop writing and end quietly with exit 0, as git does, on stdout and on
// stderr alike. Any other stream error still surfaces.

export function isClosedPipe(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === "EPIPE" || code === "ERR_STREAM_DESTROYED";
}

/** Make EPIPE on these streams end the process with `exit(0)` instead of a stack trace. */
export function endQuietlyOnClosedPipe(
  streams: ReadonlyArray<NodeJS.WritableStream & { on(event: "error", fn: (err: Error) => void): unknown }>,
  exit: (code: number) => void = (c) => process.exit(c),
): void {
  for (const s of streams) {
    s.on("error", (err: Error) => {
      if (isClosedPipe(err)) exit(0);
      else throw err;
    });
  }
}
