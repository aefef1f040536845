// Read answers line by line from stdin (a pipe, a file, a screen reader's terminal). `null` at EOF.
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";

export interface LineReader {
  next(): Promise<string | null>;
  close(): void;
}

export function lineReader(input: Readable): LineReader {
  const rl = createInterface({ input, crlfDelay: Infinity, terminal: false });
  const it = rl[Symbol.asyncIterator]();
  let done = false;
  return {
    async next() {
      if (done) return null;
      const r = await it.next();
      if (r.done) {
        done = true;
        return null;
      }
      return r.value;
    },
    close: () => rl.close(),
  };
}
