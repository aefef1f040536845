// Problems as text: compiler style grouped by file (with the source line and a caret), and the
// one-line `file:line:col: error CODE message` form that editors and terminals make clickable.
import type { Problem } from "./problem.js";
import { byPosition } from "./problem.js";

export interface Paint {
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  cyan(s: string): string;
}

export const NO_PAINT: Paint = { red: (s) => s, green: (s) => s, yellow: (s) => s, dim: (s) => s, bold: (s) => s, cyan: (s) => s };

export function formatEditorLine(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.severity} ${p.code} ${p.message}`;
}

/** Human output: problems grouped by file, each with its line, a caret and the fix hint. */
export function formatProblems(problems: readonly Problem[], paint: Paint = NO_PAINT): string {
  const sorted = [...problems].sort(byPosition);
  const out: string[] = [];
  let file: string | undefined;
  for (const p of sorted) {
    if (p.file !== file) {
      if (file !== undefined) out.push("");
      file = p.file;
      out.push(paint.bold(p.file));
    }
    const sev = p.severity === "error" ? paint.red("error") : paint.yellow("warning");
    const pos = p.line > 0 ? `${p.file}:${p.line}:${p.col}` : p.file;
    out.push(`  ${pos}: ${sev} ${paint.dim(p.code)} ${p.message}`);
    if (p.line > 0 && p.lineText !== undefined) {
      const gutter = String(p.line).padStart(5);
      out.push(paint.dim(`  ${gutter} | `) + p.lineText);
      out.push(paint.dim(`  ${" ".repeat(5)} | `) + " ".repeat(Math.max(0, visualCol(p.lineText, p.col) - 1)) + paint.red("^"));
    }
    if (p.hint) out.push(`    ${paint.cyan("hint:")} ${p.hint}`);
  }
  return out.join("\n");
}

/** Column on screen of a 1-based character column, expanding tabs to the next multiple of 8. */
function visualCol(line: string, col: number): number {
  let v = 0;
  for (let i = 0; i < col - 1 && i < line.length; i++) v = line[i] === "\t" ? v + 8 - (v % 8) : v + 1;
  return v + 1;
}
