// Problems as text: compiler style grouped by file (with the source line and a caret), and the
// one-line `file:line:col: error CODE message` form that editors and terminals make clickable.
import type { Problem } from "./problem.js";
import { byPosition } from "./problem.js";
import { UNSAFE, visible, visibleInline } from "../shell/sanitize.js";

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
  return `${visibleInline(p.file)}:${p.line}:${p.col}: ${p.severity} ${p.code} ${visible(p.message)}`;
}

/** Human output: problems grouped by file, each with its line, a caret and the fix hint. */
export function formatProblems(problems: readonly Problem[], paint: Paint = NO_PAINT): string {
  // File names, messages (which quote the file) and source lines came from outside the code.
  const sorted = [...problems].sort(byPosition).map((p): Problem & { caretCol?: number } => ({
    ...p,
    file: visibleInline(p.file),
    message: visible(p.message),
    ...(p.lineText !== undefined ? (({ lineText, col }) => ({ lineText, caretCol: col }))(excerpt(p.lineText, p.col)) : {}),
    ...(p.hint ? { hint: visible(p.hint) } : {}),
  }));
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
      out.push(paint.dim(`  ${" ".repeat(5)} | `) + " ".repeat(Math.max(0, visualCol(p.lineText, p.caretCol ?? p.col) - 1)) + paint.red("^"));
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

/** Widest source excerpt shown under a problem; a longer line is cut around the column. */
export const EXCERPT_MAX = 160;

/**
 * The source line as shown under a problem: unsafe characters as "?" (one for one, so the caret
 * stays under its column) and a long line (a minified JSON file is one line) cut to a window
 * around the column with "…" on the cut sides.
 */
export function excerpt(lineText: string, col: number): { lineText: string; col: number } {
  const safe = lineText.replace(UNSAFE, (ch) => (ch === "\t" ? ch : "?"));
  if (safe.length <= EXCERPT_MAX) return { lineText: safe, col };
  const half = Math.floor(EXCERPT_MAX / 2);
  const from = Math.max(0, Math.min(col - 1 - half, safe.length - EXCERPT_MAX));
  const to = from + EXCERPT_MAX;
  const head = from > 0 ? "…" : "";
  return { lineText: head + safe.slice(from, to) + (to < safe.length ? "…" : ""), col: col - from + head.length };
}
