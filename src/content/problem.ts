// Content problems are values, not exceptions (STYLE §4): the loader collects them and the shell
// decides how to print them (human, JSON, editor format).

export type Severity = "error" | "warning";

export interface Problem {
  file: string;
  /** 1-based; 0 when the problem concerns the whole file or pack. */
  line: number;
  /** 1-based; 0 when the problem concerns the whole file or pack. */
  col: number;
  code: string;
  message: string;
  hint: string;
  severity: Severity;
  /** The offending source line, for the caret display. Not part of the JSON contract. */
  lineText?: string;
}

/** The JSON shape of a problem (`validate --json`). */
export function problemToJson(p: Problem): Pick<Problem, "file" | "line" | "col" | "code" | "message" | "hint"> {
  return { file: p.file, line: p.line, col: p.col, code: p.code, message: p.message, hint: p.hint };
}

export function byPosition(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.code.localeCompare(b.code);
}
