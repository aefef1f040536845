// YAML's own errors → one problem per root cause, where the author must look: an unclosed quote at
// the quote that opens it (not at the end of the file), an indentation slip at the first character
// of the line that slipped (not in its leading spaces or on the line above), and the follow-on
// errors the parser reports for the same slip dropped. Pure.
import { Parser } from "yaml";
import type { YAMLError } from "yaml";
import type { FileContext } from "./parse-file-context.js";
import { yamlCode, type ProblemCode } from "./problem.js";

interface Found {
  offset: number;
  code: ProblemCode;
  message: string;
  hint: string;
}

const QUOTED = new Set(["double-quoted-scalar", "single-quoted-scalar"]);
const INDENT_CODES = new Set(["BAD_INDENT", "MISSING_CHAR", "BLOCK_AS_IMPLICIT_KEY", "MULTILINE_IMPLICIT_KEY"]);

/** Record the file's YAML errors in `ctx`, one per root cause. */
export function reportYamlErrors(ctx: FileContext, errors: readonly YAMLError[], hintOf: (code: string) => string): void {
  const found: Found[] = [];
  const lines = new Set<number>();
  for (const e of errors) {
    const f = rootCause(ctx, e) ?? { offset: e.pos[0], code: yamlCode(e.code), message: firstLine(e.message), hint: hintOf(e.code) };
    // The parser often reports one slip twice (a broken key, then a multi-line key): keep the first.
    const line = ctx.locate(f.offset).line;
    if (INDENT_CODES.has(e.code) && lines.has(line)) continue;
    lines.add(line);
    found.push(f);
  }
  for (const f of found) ctx.add(f.offset, f.code, f.message, f.hint);
}

function rootCause(ctx: FileContext, e: YAMLError): Found | undefined {
  const quote = /^Missing closing (["'])quote/.exec(e.message);
  if (quote) return unclosedQuote(ctx, quote[1]!, e);
  if (INDENT_CODES.has(e.code)) return indentation(ctx, e);
  return undefined;
}

/** The quoted scalar that never ends: the CST keeps its opening offset. */
function unclosedQuote(ctx: FileContext, mark: string, e: YAMLError): Found | undefined {
  let open: number | undefined;
  const walk = (n: unknown): void => {
    if (open !== undefined || !n || typeof n !== "object") return;
    if (Array.isArray(n)) {
      for (const x of n) walk(x);
      return;
    }
    const t = n as { type?: string; offset?: number; source?: string };
    if (t.type && QUOTED.has(t.type) && typeof t.source === "string" && typeof t.offset === "number" && t.source.startsWith(mark) && !closed(t.source, mark)) {
      open = t.offset;
      return;
    }
    for (const [k, v] of Object.entries(n)) if (k !== "source") walk(v);
  };
  for (const token of new Parser().parse(ctx.text)) walk(token);
  if (open === undefined) return undefined;
  const { line } = ctx.locate(open);
  const escaping = mark === '"' ? `a ${mark} inside the text is written \\"` : "a ' inside the text is written ''";
  return {
    offset: open,
    code: yamlCode(e.code),
    message: `missing closing ${mark} quote`,
    hint: `a quote opened at line ${line} is never closed: end the text with ${mark} (${escaping})`,
  };
}

function closed(source: string, mark: string): boolean {
  const body = source.trimEnd();
  if (body.length < 2 || !body.endsWith(mark)) return false;
  if (mark === "'") return true;
  let slashes = 0;
  for (let i = body.length - 2; i >= 0 && body[i] === "\\"; i--) slashes++;
  return slashes % 2 === 0;
}

/** Where keys of a line start: its leading spaces, plus two for each `- ` that opens it. */
function keyIndent(text: string): number {
  const m = /^( *)((?:- +)*)/.exec(text)!;
  return m[1]!.length + m[2]!.length;
}

const blank = (s: string) => /^\s*(#.*)?$/.test(s);

/** An indentation slip, at the first character of the line that slipped. */
function indentation(ctx: FileContext, e: YAMLError): Found | undefined {
  let { line } = ctx.locate(e.pos[0]);
  // The parser blames a key whose value "continues" on a deeper line: the deeper line slipped.
  if (e.code === "BLOCK_AS_IMPLICIT_KEY" || e.code === "MULTILINE_IMPLICIT_KEY") {
    let next = line + 1;
    while (next <= ctx.lines.lineStarts.length && blank(ctx.lineAt(next))) next++;
    if (next > ctx.lines.lineStarts.length || keyIndent(ctx.lineAt(next)) <= keyIndent(ctx.lineAt(line))) return undefined;
    line = next;
  }
  const text = ctx.lineAt(line);
  if (blank(text)) return undefined;
  const spaces = /^ */.exec(text)![0].length;
  const offset = ctx.lines.lineStarts[line - 1]! + spaces;
  let above = line - 1;
  while (above > 0 && blank(ctx.lineAt(above))) above--;
  const what = `'${text.trim().slice(0, 40)}'`;
  if (above === 0) return { offset, code: yamlCode(e.code), message: `${what} is indented ${spaces} space(s)`, hint: "top-level keys start at column 1" };
  const col = keyIndent(ctx.lineAt(above)) + 1;
  return {
    offset,
    code: yamlCode(e.code),
    message: `${what} starts at column ${spaces + 1}, which lines up with nothing above it`,
    hint: `a field of the same item lines up with line ${above} (column ${col}); a new list item starts with '- '; indent with spaces`,
  };
}

function firstLine(s: string): string {
  return s.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}
