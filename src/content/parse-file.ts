// One content file: bytes → validated items + problems with file:line:col. Pure (no I/O): the
// caller reads the file. Every item is validated on its own, so one bad scenario costs only itself.
import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit } from "yaml";
import type { Document, Node as YamlNode } from "yaml";
import type { z } from "zod";
import { closest } from "./did-you-mean.js";
import type { Problem } from "./problem.js";
import * as S from "./schema.js";

/** Files larger than this are refused before parsing (a pack is split across files instead). */
import { MAX_FILE_BYTES, tooLargeMessage } from "./limits.js";
import { checkHiddenMarks } from "./text-marks.js";

export { MAX_FILE_BYTES };
/** Alias expansions allowed per file: content needs few, a "billion laughs" needs many. */
export const MAX_ALIAS_COUNT = 50;
/** Collections nested deeper than this are refused before conversion (content is ≤ 6 deep). */
export const MAX_DEPTH = 64;

export type Path = ReadonlyArray<string | number>;

const DEEP_FLOW = new RegExp(`[\\[{](?:\\s*[\\[{]){${MAX_DEPTH},}`);

/** A position in a file. The source line is not kept (it would double a large pack's memory and
 *  cache): the loader reads it back for the few problems that are reported. */
export interface Located {
  line: number;
  col: number;
}

/** Item-level data of one file: only the items that passed their schema. */
export interface FileData {
  pack?: S.PackInfo;
  services: S.Service[];
  eventTypes: S.EventType[];
  scenarios: S.Scenario[];
  facts: S.Fact[];
  decisionTrees: S.DecisionTree[];
  actions: S.Action[];
  resourceTypes: S.ResourceType[];
  networkActivitySources: S.NetworkActivitySource[];
}

export interface ParsedFile {
  file: string;
  data: FileData;
  problems: Problem[];
  /**
   * Positions the pack-level checks need (ids, cross references), keyed by a path like
   * `scenarios.3.answer`, and the start of every item (`scenarios.3`). Kept small and plain so
   * a parsed file can be cached as JSON.
   */
  at: Record<string, Located>;
  /**
   * Where each item starts (`scenarios.3`), when `at` is loaded lazily (a cached file): enough for
   * the pack's origins without reading every position.
   */
  starts?: Record<string, Located>;
}

const LIST_KEYS = {
  services: S.Service,
  eventTypes: S.EventType,
  scenarios: S.Scenario,
  facts: S.Fact,
  actions: S.Action,
  resourceTypes: S.ResourceType,
  networkActivitySources: S.NetworkActivitySource,
} as const;
type ListKey = keyof typeof LIST_KEYS;
const SINGLE_KEYS = { pack: S.PackInfo, decisionTree: S.DecisionTree } as const;
const TOP_KEYS = [...Object.keys(SINGLE_KEYS), ...Object.keys(LIST_KEYS)];

/** Fields whose position pack-level checks report. */
const REF_FIELDS: Record<string, string[]> = {
  scenarios: ["id", "domain", "topic", "answer", "accept", "distractors"],
  facts: ["id", "domain", "topic"],
  services: ["id", "aliases"],
  eventTypes: ["id", "aliases"],
  actions: ["id", "resourceType", "eventSource"],
  resourceTypes: ["type"],
  networkActivitySources: ["eventSource"],
};

// C0 controls but tab/LF/CR, DEL, C1 controls, and the bidirectional overrides that can hide or
// reorder text on screen ("Trojan source"). None has a place in study content.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const CONTROL_G = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export function emptyData(): FileData {
  return {
    services: [],
    eventTypes: [],
    scenarios: [],
    facts: [],
    decisionTrees: [],
    actions: [],
    resourceTypes: [],
    networkActivitySources: [],
  };
}

class FileContext {
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
  add(offset: number, code: string, message: string, hint: string, severity: Problem["severity"] = "error") {
    const at = this.locate(offset);
    this.problems.push({ file: this.file, line: at.line, col: at.col, code, message, hint, severity, lineText: this.lineAt(at.line) });
  }
}

/** Decode bytes as UTF-8 (a BOM is dropped); undefined when they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { badOffset: number; line: number; col: number } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text };
  } catch {
    // Find the first invalid byte to report where it is.
    let lo = 0;
    let hi = bytes.length;
    const dec = new TextDecoder("utf-8", { fatal: true });
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      try {
        dec.decode(bytes.subarray(0, mid + 1));
        lo = mid + 1;
      } catch {
        // A prefix cut inside a valid multi-byte character also fails: accept up to 3 bytes of slack.
        let ok = false;
        for (let k = 1; k <= 3 && mid + 1 + k <= bytes.length; k++) {
          try {
            dec.decode(bytes.subarray(0, mid + 1 + k));
            ok = true;
            break;
          } catch {}
        }
        if (ok) lo = mid + 1;
        else hi = mid;
      }
    }
    const prefix = new TextDecoder("utf-8").decode(bytes.subarray(0, lo));
    const parts = prefix.split("\n");
    return { badOffset: lo, line: parts.length, col: (parts.at(-1)?.length ?? 0) + 1 };
  }
}

/** Parse one file's bytes. Never throws for bad input: problems come back as values. */
export function parseContentBytes(file: string, bytes: Uint8Array): ParsedFile {
  if (bytes.length > MAX_FILE_BYTES) {
    return {
      file,
      data: emptyData(),
      at: {},
      problems: [
        {
          file,
          line: 0,
          col: 0,
          code: "FILE_TOO_LARGE",
          message: tooLargeMessage(bytes.length),
          hint: "split the content into several smaller files in the same folder",
          severity: "error",
        },
      ],
    };
  }
  const decoded = decodeUtf8(bytes);
  if (!("text" in decoded)) {
    return {
      file,
      data: emptyData(),
      at: {},
      problems: [
        {
          file,
          line: decoded.line,
          col: decoded.col,
          code: "NOT_UTF8",
          message: `byte ${decoded.badOffset} is not valid UTF-8`,
          hint: "save the file as UTF-8 (most editors: 'Save with encoding' → UTF-8)",
          severity: "error",
        },
      ],
    };
  }
  return parseContentText(file, decoded.text);
}

export function parseContentText(file: string, input: string): ParsedFile {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const data = emptyData();
  const at: Record<string, Located> = {};
  if (text.length > MAX_FILE_BYTES) {
    const refused = parseContentBytes(file, new Uint8Array(MAX_FILE_BYTES + 1));
    // The real size, not the cap's.
    refused.problems[0]!.message = tooLargeMessage(Buffer.byteLength(text));
    return refused;
  }
  const lines = new LineCounter();
  const ctx = new FileContext(file, text, lines);

  // Raw control characters: refuse the file, pointing at each (up to a few).
  let rawCount = 0;
  for (const m of text.matchAll(CONTROL_G)) {
    if (rawCount++ >= 5) break;
    // Positions are computed before yaml's LineCounter is filled, so count lines by hand.
    const before = text.slice(0, m.index);
    const line = before.split("\n").length;
    const col = m.index - (before.lastIndexOf("\n") + 1) + 1;
    ctx.problems.push({
      file,
      line,
      col,
      code: "CONTROL_CHAR",
      message: `control character U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")} in the text`,
      hint: "remove it: terminal escape and control characters are not allowed in content",
      severity: "error",
      lineText: (text.split(/\r?\n/)[line - 1] ?? "").replace(CONTROL_G, "?"),
    });
  }
  if (rawCount > 0) return { file, data, at, problems: ctx.problems };

  // Runs of opening brackets deeper than any content needs: refuse before the parser recurses.
  const deep = DEEP_FLOW.exec(text);
  if (deep) {
    const before = text.slice(0, deep.index);
    const line = before.split("\n").length;
    ctx.problems.push({
      file,
      line,
      col: deep.index - (before.lastIndexOf("\n") + 1) + 1,
      code: "TOO_DEEP",
      message: `values are nested more than ${MAX_DEPTH} levels deep`,
      hint: "content is at most a few levels deep: flatten this value",
      severity: "error",
      lineText: (text.split(/\r?\n/)[line - 1] ?? "").slice(0, 200),
    });
    return { file, data, at, problems: ctx.problems };
  }

  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, {
      lineCounter: lines,
      prettyErrors: false,
      uniqueKeys: true,
      customTags: [],
      schema: "core",
      strict: true,
      intAsBigInt: false,
    });
  } catch (err) {
    ctx.add(0, "PARSE_FAILED", `the file could not be parsed (${(err as Error).message})`, "check the YAML structure");
    return { file, data, at, problems: ctx.problems };
  }
  for (const e of [...doc.errors, ...doc.warnings]) {
    if (e.code === "TAG_RESOLVE_FAILED") {
      const tag = /Unresolved tag: (\S+)/.exec(e.message)?.[1] ?? "?";
      ctx.add(e.pos[0], "CUSTOM_TAG", `tag '${tag}' is not allowed`, yamlHint(e.code));
    } else ctx.add(e.pos[0], `YAML_${e.code}`, firstLine(e.message), yamlHint(e.code));
  }
  // Warnings too: an unresolved tag or similar means the file does not say what the author meant.
  if (doc.errors.length > 0 || doc.warnings.length > 0) return { file, data, at, problems: ctx.problems };

  if (!checkNodes(doc, ctx, text.includes("\\"))) return { file, data, at, problems: ctx.problems };
  if (!checkHiddenMarks(doc, (offset, code, message, hint) => ctx.add(offset, code, message, hint))) return { file, data, at, problems: ctx.problems };

  let js: unknown;
  try {
    js = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const alias = findFirstAlias(doc);
    ctx.add(
      alias ?? 0,
      "ALIAS_LIMIT",
      `aliases expand too far (${firstLine((err as Error).message)})`,
      "write the values out instead of repeating anchors (*alias)",
    );
    return { file, data, at, problems: ctx.problems };
  }

  flattenStrings(js);
  if (js === null || js === undefined) {
    ctx.add(0, "EMPTY_FILE", "the file holds no content", `start it with one of: ${TOP_KEYS.join(", ")}`, "warning");
    return { file, data, at, problems: ctx.problems };
  }
  if (typeof js !== "object" || Array.isArray(js)) {
    ctx.add(doc.contents?.range?.[0] ?? 0, "NOT_A_MAP", "a content file must be a map of sections", `start it with one of: ${TOP_KEYS.join(", ")}`);
    return { file, data, at, problems: ctx.problems };
  }

  const obj = js as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (TOP_KEYS.includes(key)) continue;
    const node = nodeAt(doc, [key], true);
    const guess = closest(key, TOP_KEYS);
    ctx.add(
      node?.range?.[0] ?? 0,
      "UNKNOWN_SECTION",
      `unknown section '${key}'`,
      guess.length ? `did you mean '${guess[0]}'?` : `sections are: ${TOP_KEYS.join(", ")}`,
    );
  }

  for (const key of Object.keys(SINGLE_KEYS) as Array<keyof typeof SINGLE_KEYS>) {
    if (!(key in obj)) continue;
    const value = validate(doc, ctx, SINGLE_KEYS[key] as z.ZodType, obj[key], [key]);
    if (value === undefined) continue;
    markStart(doc, ctx, at, [key]);
    if (key === "pack") data.pack = value as S.PackInfo;
    else data.decisionTrees.push(value as S.DecisionTree);
  }

  for (const key of Object.keys(LIST_KEYS) as ListKey[]) {
    if (!(key in obj)) continue;
    const list = obj[key];
    if (!Array.isArray(list)) {
      const node = nodeAt(doc, [key], false);
      ctx.add(node?.range?.[0] ?? 0, "SCHEMA_TYPE", `'${key}' must be a list`, `write each item on its own line starting with '- '`);
      continue;
    }
    const schema = LIST_KEYS[key] as z.ZodType;
    // The list's node, found once: each item's positions are read from its own node.
    const listNode = nodeAt(doc, [key], false);
    const items = isSeq(listNode) ? listNode.items : [];
    list.forEach((raw, i) => {
      const value = validate(doc, ctx, schema, raw, [key, i]);
      if (value === undefined) return;
      (data[key] as unknown[]).push(value);
      const idx = (data[key] as unknown[]).length - 1;
      const itemNode = items[i];
      // Record positions under the item's index among the *valid* items of this file.
      at[`${key}.${idx}`] = ctx.locate(isNode(itemNode) ? (itemNode.range?.[0] ?? 0) : (listNode?.range?.[0] ?? 0));
      if (!isMap(itemNode)) return;
      for (const field of REF_FIELDS[key] ?? []) {
        const node = itemNode.get(field, true);
        if (!isNode(node)) continue;
        at[`${key}.${idx}.${field}`] = ctx.locate(node.range?.[0] ?? 0);
        if (isSeq(node)) {
          node.items.forEach((item, j) => {
            if (!isNode(item)) return;
            at[`${key}.${idx}.${field}.${j}`] = ctx.locate(item.range?.[0] ?? 0);
            if (isMap(item)) {
              const opt = item.get("option", true);
              if (isNode(opt)) at[`${key}.${idx}.${field}.${j}.option`] = ctx.locate(opt.range?.[0] ?? 0);
            }
          });
        }
      }
    });
  }
  return { file, data, at, problems: ctx.problems };
}

function markStart(doc: Document.Parsed, ctx: FileContext, at: Record<string, Located>, path: Path, as?: string) {
  const node = nodeAt(doc, path, false);
  at[as ?? path.join(".")] = ctx.locate(node?.range?.[0] ?? 0);
}

function firstLine(s: string): string {
  return s.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

function yamlHint(code: string): string {
  switch (code) {
    case "BAD_INDENT":
    case "MISSING_CHAR":
      return "check the indentation: items of one list or map line up, with spaces, not tabs";
    case "DUPLICATE_KEY":
      return "a key appears twice in the same map: keep one";
    case "TAB_AS_INDENT":
      return "indent with spaces, not tabs";
    case "TAG_RESOLVE_FAILED":
      return "remove the tag: content files use plain YAML values only";
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
      return "a 'key: value' line is broken: quote the value if it contains ': ' or '#'";
    case "UNEXPECTED_TOKEN":
      return "quote the text if it starts with a special character (@, `, %, !, &, *, [, {)";
    default:
      return "check the YAML syntax at this position";
  }
}

/**
 * Deep nesting and control characters inside (escaped) string values, which the raw scan misses.
 * A plain walk with a depth bound (never deeper than MAX_DEPTH, so no stack risk); strings are only
 * scanned when the file has a backslash, the only way an escape can produce a control character.
 */
function checkNodes(doc: Document.Parsed, ctx: FileContext, scanStrings: boolean): boolean {
  const before = ctx.problems.length;
  let stop = false;
  const walk = (node: unknown, depth: number): void => {
    if (stop || !node) return;
    if (isScalar(node)) {
      if (scanStrings && typeof node.value === "string" && CONTROL.test(node.value)) {
        const ch = node.value.match(CONTROL)![0];
        ctx.add(
          node.range?.[0] ?? 0,
          "CONTROL_CHAR",
          `control character U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")} in the text (from an escape sequence)`,
          "remove the escape (\\e, \\x1b, \\u001b…): terminal control characters are not allowed in content",
        );
      }
      return;
    }
    if (!isMap(node) && !isSeq(node)) return;
    if (depth > MAX_DEPTH) {
      ctx.add(node.range?.[0] ?? 0, "TOO_DEEP", `values are nested more than ${MAX_DEPTH} levels deep`, "content is at most a few levels deep: flatten this value");
      stop = true;
      return;
    }
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        walk(item.key, depth + 1);
        walk(item.value, depth + 1);
      } else walk(item, depth + 1);
    }
  };
  walk(doc.contents, 1);
  return ctx.problems.length === before;
}

/**
 * yaml builds quoted and folded scalars by concatenation, which V8 keeps as trees of string pieces:
 * a 10,000-scenario pack held 160 MB of them where the text is 11 MB. Reading one character
 * flattens a string in place, so the pack keeps only its text (measured: 162 MB → 25 MB live).
 */
function flattenStrings(value: unknown): void {
  if (Array.isArray(value)) {
    for (const v of value) typeof v === "string" ? v.charCodeAt(0) : flattenStrings(v);
  } else if (value !== null && typeof value === "object") {
    for (const k in value) {
      const v = (value as Record<string, unknown>)[k];
      if (typeof v === "string") v.charCodeAt(0);
      else flattenStrings(v);
    }
  }
}

function findFirstAlias(doc: Document.Parsed): number | undefined {
  let pos: number | undefined;
  visit(doc, {
    Alias(_k, node) {
      pos = node.range?.[0];
      return visit.BREAK;
    },
  });
  return pos;
}

/** The node at a JS path; with `key`, the key node of the last step when it is a map pair. */
function nodeAt(doc: Document.Parsed, path: Path, key: boolean): YamlNode | undefined {
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) return isNode(node) ? node : undefined;
      if (key && i === path.length - 1) return isNode(pair.key) ? pair.key : undefined;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof step === "number") {
      const item = node.items[step];
      if (item === undefined) return node;
      node = item;
    } else {
      return isNode(node) ? node : undefined;
    }
  }
  return isNode(node) ? node : undefined;
}

function validate(doc: Document.Parsed, ctx: FileContext, schema: z.ZodType, raw: unknown, base: Path): unknown {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const rel = issue.path as Array<string | number>;
    reportIssue(doc, ctx, schema, issue, [...base, ...rel], base, valueAt(raw, rel));
  }
  return undefined;
}

type Issue = z.core.$ZodIssue;

function valueAt(raw: unknown, rel: Path): unknown {
  let cur: unknown = raw;
  for (const step of rel) {
    if (cur === null || typeof cur !== "object" || !Object.prototype.hasOwnProperty.call(cur, step)) return undefined;
    cur = (cur as Record<string | number, unknown>)[step];
  }
  return cur;
}

function reportIssue(doc: Document.Parsed, ctx: FileContext, root: z.ZodType, issue: Issue, path: Path, base: Path, input: unknown) {
  const where = path.join(".");
  const field = String(path.at(-1));
  switch (issue.code) {
    case "unrecognized_keys": {
      for (const k of issue.keys) {
        const node = nodeAt(doc, [...path, k], true);
        const known = knownKeys(root, path.slice(base.length));
        const guess = closest(k, known);
        ctx.add(
          node?.range?.[0] ?? 0,
          "SCHEMA_UNKNOWN_FIELD",
          `unknown field '${k}' in ${where}`,
          guess.length ? `did you mean '${guess[0]}'?` : `allowed fields: ${known.join(", ")}`,
        );
      }
      return;
    }
    case "invalid_type": {
      const node = nodeAt(doc, path, false);
      const missing = input === undefined;
      if (missing) {
        const parent = nodeAt(doc, path.slice(0, -1), false);
        ctx.add(parent?.range?.[0] ?? 0, "SCHEMA_MISSING_FIELD", `${path.slice(0, -1).join(".")} is missing '${field}'`, `add '${field}: …' (${issue.expected})`);
      } else {
        ctx.add(node?.range?.[0] ?? 0, "SCHEMA_TYPE", `${where} should be ${article(issue.expected)}, not ${describe(input)}`, typeHint(issue.expected));
      }
      return;
    }
    case "invalid_value": {
      const allowed = issue.values.map(String);
      if (input === undefined) {
        const parent = nodeAt(doc, path.slice(0, -1), false);
        ctx.add(parent?.range?.[0] ?? 0, "SCHEMA_MISSING_FIELD", `${path.slice(0, -1).join(".")} is missing '${field}'`, `add '${field}: …' (one of: ${allowed.join(", ")})`);
        return;
      }
      const node = nodeAt(doc, path, false);
      const guess = typeof input === "string" ? closest(input, allowed) : [];
      ctx.add(
        node?.range?.[0] ?? 0,
        "SCHEMA_VALUE",
        `${where} is '${String(input)}', which is not allowed`,
        guess.length ? `did you mean '${guess[0]}'? (allowed: ${allowed.join(", ")})` : `use one of: ${allowed.join(", ")}`,
      );
      return;
    }
    default: {
      const node = nodeAt(doc, path, false);
      ctx.add(node?.range?.[0] ?? 0, "SCHEMA_INVALID", `${where}: ${issue.message}`, hintFor(issue));
    }
  }
}

function hintFor(issue: Issue): string {
  if (issue.code === "too_small") return issue.origin === "array" ? `add at least ${String(issue.minimum)} item(s)` : "fill in a value";
  if (issue.code === "too_big") return `shorten it to at most ${String(issue.maximum)}`;
  if (issue.code === "invalid_format") return issue.message;
  return "see content/README.md for this field";
}

function article(t: string): string {
  if (t === "array") return "a list";
  if (t === "object") return "a map";
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

function describe(v: unknown): string {
  if (v === null) return "empty";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a map";
  return `${typeof v} '${String(v).slice(0, 40)}'`;
}

function typeHint(expected: string): string {
  if (expected === "string") return "write the text (quote it if it contains ': ' or starts with a special character)";
  if (expected === "array") return "write a list: one '- item' per line";
  if (expected === "object") return "write a map of 'field: value' lines";
  if (expected === "boolean") return "write true or false";
  return `write ${article(expected)}`;
}

/** Field names the schema allows at a (relative) path, for "did you mean". */
function knownKeys(root: z.ZodType, rel: Path): string[] {
  let s: unknown = root;
  for (const step of rel) {
    s = unwrap(s);
    const def = (s as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } }).def;
    if (def?.type === "object" && typeof step === "string") s = def.shape?.[step];
    else if (def?.type === "array") s = def.element;
    else return [];
  }
  s = unwrap(s);
  const def = (s as { def?: { type?: string; shape?: Record<string, unknown> } }).def;
  return def?.type === "object" ? Object.keys(def.shape ?? {}) : [];
}

function unwrap(s: unknown): unknown {
  let cur = s as { def?: { type?: string; innerType?: unknown } } | undefined;
  while (cur?.def && (cur.def.type === "optional" || cur.def.type === "default" || cur.def.type === "nullable")) {
    cur = cur.def.innerType as typeof cur;
  }
  return cur;
}
