// Reading the simulator's inputs from disk: a configuration (YAML or JSON in AWS's shape), an
// activity file (JSON lines of calls, or CloudTrail records, optionally .gz, read as a stream) and
// per-minute counts. Every file is a regular file read under a byte cap; errors are one line that
// names the file, the line and column (or the JSON path), and what to do.
import { isMap, isSeq, LineCounter, parse, parseDocument, YAMLParseError, type Node as YamlNode } from "yaml";
import { z } from "zod";
import type { Pack } from "../content/index.js";
import { ConfigError, parseConfig, type SimConfig } from "../simulator/config.js";
import { UserError } from "../shell/errors.js";
import { JsonSyntaxError, JsonValueSplitter, type JsonValueText } from "../shell/json-values.js";
import { INPUT_LIMITS, readUserFile, streamUserFile } from "../shell/read-capped.js";
import { visibleInline } from "../shell/sanitize.js";

/** A whole input file as text (configurations, counts): regular, capped, gunzipped if need be. */
export function readInputFile(cwd: string, file: string, cap: number = INPUT_LIMITS.config): string {
  return readUserFile(cwd, file, cap);
}

/** 1-based line and column of a character offset. */
export function lineColOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

/** Where JSON.parse stopped, from its message ("… at position 12" / "line 2 column 5"). */
function jsonErrorPosition(text: string, err: Error): { line: number; col: number } | undefined {
  const lc = /line (\d+) column (\d+)/.exec(err.message);
  if (lc) return { line: Number(lc[1]), col: Number(lc[2]) };
  const pos = /at position (\d+)/.exec(err.message);
  if (pos) return lineColOf(text, Number(pos[1]));
  // "Unexpected end of JSON input": where the text ends.
  return /end of JSON/i.test(err.message) ? lineColOf(text, text.trimEnd().length) : undefined;
}

const PATH_PART = /\[(\d+)\]|\.?([^.[\]]+)/g;

/** Line and column of the value at a JSON path ("trails[0].Name") in a YAML or JSON text. */
export function locatePath(text: string, path: string | ReadonlyArray<PropertyKey>): { line: number; col: number } | undefined {
  const parts: Array<string | number> =
    typeof path === "string"
      ? [...path.matchAll(PATH_PART)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[2]!))
      : path.map((p) => (typeof p === "number" ? p : String(p)));
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  let node: unknown = doc.contents;
  let found: YamlNode | undefined = node as YamlNode;
  for (const p of parts) {
    if (isMap(node)) {
      const pair = node.items.find((it) => (it.key as { value?: unknown } | null)?.value === p);
      if (!pair) break;
      node = pair.value;
      found = (pair.value ?? pair.key) as YamlNode;
    } else if (isSeq(node) && typeof p === "number" && node.items[p] !== undefined) {
      node = node.items[p];
      found = node as YamlNode;
    } else break;
  }
  const offset = found?.range?.[0];
  return offset === undefined ? undefined : lines.linePos(offset);
}

const at = (file: string, pos: { line: number; col: number } | undefined) => `${visibleInline(file)}${pos ? `:${pos.line}:${pos.col}` : ""}`;

/** A configuration or counts file's document: JSON first (exact positions), YAML only if it is not JSON. */
function parseJsonOrYaml(text: string, file: string, hint: string): unknown {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      return JSON.parse(text);
    } catch (err) {
      // Not JSON after all: YAML's flow style looks alike ({a: 1}); let YAML have a go and say why.
      try {
        return parse(text, { maxAliasCount: 100, customTags: [], uniqueKeys: true });
      } catch {
        throw new UserError(`${at(file, jsonErrorPosition(text, err as Error))}: not valid JSON: ${(err as Error).message.split("\n")[0]}`, hint);
      }
    }
  }
  try {
    return parse(text, { maxAliasCount: 100, customTags: [], uniqueKeys: true });
  } catch (err) {
    if (err instanceof YAMLParseError) {
      const pos = err.linePos?.[0];
      throw new UserError(`${at(file, pos)}: not valid YAML or JSON: ${err.message.split("\n")[0]}`, hint);
    }
    throw new UserError(`${visibleInline(file)}: not valid YAML or JSON: ${(err as Error).message.split("\n")[0]}`, hint);
  }
}

export function loadConfig(pack: Pack, cwd: string, file: string): SimConfig {
  const text = readInputFile(cwd, file, INPUT_LIMITS.config);
  const raw = parseJsonOrYaml(text, file, "fix the syntax, or paste the output of 'aws cloudtrail describe-trails' / 'get-event-selectors'");
  try {
    return parseConfig(pack, raw ?? {});
  } catch (err) {
    if (err instanceof ConfigError) {
      const first = err.problems[0]!;
      const more =
        err.problems.length > 1
          ? ` (and ${err.problems.length - 1} more: ${err.problems
              .slice(1, 4)
              .map((p) => p.path)
              .join(", ")})`
          : "";
      throw new UserError(
        `${at(file, locatePath(text, first.path))}: ${first.path}: ${first.message}${more}`,
        "field names are AWS's own; see 'cloudtrail-tutor simulate --help'",
      );
    }
    throw err;
  }
}

/** Per-minute counts for `simulate insights --counts`: a JSON (or YAML) array of numbers ≥ 0. */
export const Counts = z.array(z.number().finite().nonnegative()).min(1, "give at least one minute's count").max(20_160, "at most 20,160 minutes (two weeks)");

export function loadCounts(cwd: string, file: string): number[] {
  const text = readInputFile(cwd, file, INPUT_LIMITS.counts);
  const hint = "give a JSON array of per-minute counts, e.g. [5, 4, 6, 60, 58]";
  const raw = parseJsonOrYaml(text, file, hint);
  const r = Counts.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const path = issue.path.length ? issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("") : "(top level)";
  const message =
    issue.code === "invalid_type" && issue.path.length === 0
      ? "expected a JSON array of per-minute counts"
      : issue.code === "invalid_type" || issue.code === "too_small"
        ? issue.path.length
          ? `expected a count (a number ≥ 0)`
          : issue.message
        : issue.message;
  throw new UserError(`${at(file, issue.path.length ? locatePath(text, issue.path as PropertyKey[]) : { line: 1, col: 1 })}: ${path}: ${message}`, hint);
}

/** One value of an activity or records file, parsed, with where it starts. */
export interface InputValue {
  value: unknown;
  line: number;
  from: JsonValueText["from"];
}

/**
 * The values of a records or calls file, one at a time, read as a stream (so a log of any size runs in
 * little memory): the elements of `[...]` or `{"Records": [...]}`, or each JSON line.
 */
export async function* streamInputValues(cwd: string, file: string, cap: number = INPUT_LIMITS.records): AsyncGenerator<InputValue> {
  const splitter = new JsonValueSplitter(64 * 1024 * 1024);
  const hint = "give one JSON object per line, or one JSON document";
  const parseOne = (v: JsonValueText): InputValue => {
    try {
      return { value: JSON.parse(v.text), line: v.line, from: v.from };
    } catch (err) {
      const pos = jsonErrorPosition(v.text, err as Error);
      const where = pos ? { line: v.line + pos.line - 1, col: pos.col } : { line: v.line, col: 1 };
      throw new UserError(`${at(file, where)}: not JSON: ${(err as Error).message.split("\n")[0]}`, hint);
    }
  };
  try {
    for await (const piece of streamUserFile(cwd, file, cap)) for (const v of splitter.push(piece)) yield parseOne(v);
    for (const v of splitter.end()) yield parseOne(v);
  } catch (err) {
    if (err instanceof JsonSyntaxError) throw new UserError(`${at(file, { line: err.line, col: err.col })}: not JSON: ${err.message}`, hint);
    throw err;
  }
}
