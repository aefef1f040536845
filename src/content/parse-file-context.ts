// What every stage of parsing one content file shares: the file's text, its line index, and the
// problems found so far, each with file:line:col.
import { LineCounter } from "yaml";
import type { Problem, ProblemCode } from "./problem.js";
import { CONTROL_G } from "./parse-file-text.js";

export type Path = ReadonlyArray<string | number>;

/** A position in a file. The source line is not kept (it would double a large pack's memory and
 *  cache): the loader reads it back for the few problems that are reported. */
export interface Located {
  line: number;
  col: number;
}

export class FileContext {
  readonly problems: Problem[] = [];
  readonly lines: LineCounter;
  private sourceLines: string[] | undefined;
  constructor(
    readonly file: string,
    readonly text: string,
    lines?: LineCounter,
  ) {
    this.lines = lines ?? new LineCounter();
  }
  locate(offset: number): Located {
    if (this.lines.lineStarts.length === 0) return { line: 1, col: 1 };
    const { line, col } = this.lines.linePos(Math.max(0, Math.min(offset, this.text.length)));
    return { line, col };
  }
  lineAt(line: number): string {
    this.sourceLines ??= this.text.split(/\r?\n/);
    return (this.sourceLines[line - 1] ?? "").replace(CONTROL_G, "?");
  }
  add(offset: number, code: ProblemCode, message: string, hint: string, severity: Problem["severity"] = "error") {
    const at = this.locate(offset);
    this.problems.push({ file: this.file, line: at.line, col: at.col, code, message, hint, severity, lineText: this.lineAt(at.line) });
  }
}
