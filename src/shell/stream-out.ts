// Writing a long output (one line per record of a large log) without holding it: pieces are
// gathered into blocks and each block waits for the stream to drain, so memory stays flat however
// slow the reader is.
import { once } from "node:events";
import type { Writable } from "node:stream";

export class BlockWriter {
  private buf: string[] = [];
  private size = 0;
  constructor(
    private readonly stream: Writable,
    private readonly block = 64 * 1024,
  ) {}

  async write(text: string): Promise<void> {
    this.buf.push(text);
    this.size += text.length;
    if (this.size >= this.block) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.size) return;
    const text = this.buf.join("");
    this.buf = [];
    this.size = 0;
    if (!this.stream.write(text)) await once(this.stream, "drain");
  }
}

/** `JSON.stringify(value, null, 2)` indented by `by` spaces after its first line. */
export function indentJson(value: unknown, by: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, "\n" + " ".repeat(by));
}
