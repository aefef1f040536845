// The JSON values of a document read in pieces, one at a time, so a log of any size is handled in
// little memory: the elements of a top-level array, the elements of a top-level object's "Records"
// array (a CloudTrail log file as written to S3), or each top-level value in turn (one record, JSON
// lines, concatenated JSON). Each value comes with the line it starts on. Only the text of the value
// being read is held, never the document. Pure: fed strings, gives strings.

export interface JsonValueText {
  /** The value's JSON text. */
  text: string;
  /** 1-based line where it starts. */
  line: number;
  /** Where it came from: an element of a top-level array or of "Records", or a top-level value. */
  from: "array" | "records" | "top";
}

export class JsonSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly col: number,
    message: string,
  ) {
    super(message);
  }
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * Feed text with `push`, call `end` once; both return the values completed so far. A value longer
 * than `maxValueChars` is refused (a record is a few KB; a runaway one must not fill memory).
 */
export class JsonValueSplitter {
  private line = 1;
  private col = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Collected pieces of the value being read, and where it started. */
  private parts: string[] = [];
  private partsLength = 0;
  private startLine = 0;
  private collecting = false;
  /** Mode of the document: unknown until the first significant character. */
  private mode: "unknown" | "array" | "top" = "unknown";
  /** In "top" mode, inside a top-level object: the key just read at depth 1, and whether it was "Records". */
  private lastKey = "";
  private keyStart = -1;
  private awaitingRecords = false;
  private inRecords = false;
  /** Depth at which emitted values live (1 in a top-level array, 2 inside "Records", 0 at the top). */
  private valueDepth = 0;
  private done = false;

  constructor(private readonly maxValueChars = 64 * 1024 * 1024) {}

  push(chunk: string): JsonValueText[] {
    const out: JsonValueText[] = [];
    let segStart = this.collecting ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 0x0a) {
        this.line++;
        this.col = 0;
      } else this.col++;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c) this.escaped = true;
        else if (c === 0x22) {
          this.inString = false;
          if (this.keyStart >= 0) {
            this.lastKey = this.keyPrefix + chunk.slice(this.keyStart, i);
            this.keyPrefix = "";
            this.keyStart = -1;
          }
        }
        continue;
      }
      if (WS.has(c)) continue;
      if (this.done) throw new JsonSyntaxError(this.line, this.col, "text after the end of the JSON array");
      if (this.mode === "unknown") {
        if (c === 0x5b) {
          this.mode = "array";
          this.depth = 1;
          this.valueDepth = 1;
          continue;
        }
        this.mode = "top";
        this.valueDepth = 0;
      }
      // Start of a value at the emitting depth.
      if (!this.collecting && this.depth === this.valueDepth && c !== 0x2c && c !== 0x5d && c !== 0x7d && !this.skipWrapper) {
        this.collecting = true;
        this.startLine = this.line;
        segStart = i;
        this.parts = [];
        this.partsLength = 0;
      }
      if (c === 0x22) {
        this.inString = true;
        // A key of the top-level object (before we know it is a Records wrapper).
        if (this.mode === "top" && this.depth === 1 && !this.inRecords) this.keyStart = i + 1;
        continue;
      }
      if (c === 0x3a && this.mode === "top" && this.depth === 1 && !this.inRecords) {
        this.awaitingRecords = this.lastKey === "Records";
        continue;
      }
      if (c === 0x7b || c === 0x5b) {
        // {"Records": [ … ]: from here on, the array's elements are the values, not the wrapper.
        if (c === 0x5b && this.awaitingRecords && this.depth === 1 && this.mode === "top") {
          this.awaitingRecords = false;
          this.inRecords = true;
          this.collecting = false;
          segStart = -1;
          this.parts = [];
          this.partsLength = 0;
          this.depth = 2;
          this.valueDepth = 2;
          continue;
        }
        this.awaitingRecords = false;
        this.depth++;
        continue;
      }
      if (c === 0x7d || c === 0x5d) {
        if (this.inRecords && this.depth === 2 && c === 0x5d) {
          // End of "Records": the rest of the wrapper is skipped.
          if (this.collecting) this.finish(chunk, segStart, i, out);
          segStart = -1;
          this.inRecords = false;
          this.depth = 1;
          this.valueDepth = 0;
          this.collecting = false;
          this.skipWrapper = true;
          continue;
        }
        if (this.mode === "array" && this.depth === 1 && c === 0x5d) {
          if (this.collecting) this.finish(chunk, segStart, i, out);
          segStart = -1;
          this.depth = 0;
          this.done = true;
          continue;
        }
        this.depth--;
        if (this.depth < 0) throw new JsonSyntaxError(this.line, this.col, `unexpected '${String.fromCharCode(c)}'`);
        if (this.skipWrapper && this.depth === 0) {
          this.skipWrapper = false;
          this.collecting = false;
          segStart = -1;
          continue;
        }
        if (this.collecting && this.depth === this.valueDepth) {
          this.finish(chunk, segStart, i + 1, out);
          segStart = -1;
        }
        continue;
      }
      if (c === 0x2c && this.collecting && this.depth === this.valueDepth) {
        // A scalar element ends at the comma.
        this.finish(chunk, segStart, i, out);
        segStart = -1;
      }
    }
    if (this.collecting && segStart >= 0) this.keep(chunk.slice(segStart));
    // A key cut by the end of this piece: keep its start for the next.
    if (this.inString && this.keyStart >= 0) {
      this.keyPrefix += chunk.slice(this.keyStart);
      this.keyStart = 0;
    }
    return out;
  }

  private skipWrapper = false;
  private keyPrefix = "";

  end(): JsonValueText[] {
    const out: JsonValueText[] = [];
    if (this.inString) throw new JsonSyntaxError(this.line, this.col, "the file ends inside a string");
    if (this.collecting) {
      // A top-level scalar (a number, true…) at the very end, or an unfinished value.
      if (this.depth === this.valueDepth && this.mode === "top") {
        out.push({ text: this.parts.join(""), line: this.startLine, from: "top" });
        this.collecting = false;
      } else throw new JsonSyntaxError(this.line, this.col, "the file ends in the middle of a value");
    } else if (this.depth > 0 && !(this.mode === "array" && this.done))
      throw new JsonSyntaxError(this.line, this.col, "the file ends before the JSON is closed");
    return out;
  }

  private keep(piece: string): void {
    this.parts.push(piece);
    this.partsLength += piece.length;
    if (this.partsLength > this.maxValueChars)
      throw new JsonSyntaxError(this.startLine, 1, `a value longer than ${Math.round(this.maxValueChars / 1048576)} MB`);
  }

  private finish(chunk: string, segStart: number, end: number, out: JsonValueText[]): void {
    if (segStart >= 0) this.keep(chunk.slice(segStart, end));
    const text = this.parts.join("").trim();
    this.parts = [];
    this.partsLength = 0;
    this.collecting = false;
    if (text) out.push({ text, line: this.startLine, from: this.inRecords ? "records" : this.mode === "array" ? "array" : "top" });
  }
}
