// Text → a YAML document read safely: strict core schema, no custom tags, aliases capped, nesting
// bounded, escaped control characters refused; YAML's own errors become positioned problems.
import { checkHiddenMarks } from "./text-marks.js";
import { isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit } from "yaml";
import type { Document, Node as YamlNode, YAMLError } from "yaml";
import { reportYamlErrors } from "./parse-file-yaml-errors.js";
import type { FileContext, Path } from "./parse-file-context.js";
import { CONTROL, MAX_DEPTH } from "./parse-file-text.js";

/** Alias expansions allowed per file: content needs few, a "billion laughs" needs many. */
export const MAX_ALIAS_COUNT = 50;

/** The document and its plain value, or undefined when a problem was recorded in `ctx`. */
export function readYaml(ctx: FileContext): { doc: Document.Parsed; js: unknown } | undefined {
  const { text } = ctx;
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, {
      lineCounter: ctx.lines,
      prettyErrors: false,
      uniqueKeys: true,
      customTags: [],
      schema: "core",
      strict: true,
      intAsBigInt: false,
    });
  } catch (err) {
    ctx.add(0, "PARSE_FAILED", `the file could not be parsed (${(err as Error).message})`, "check the YAML structure");
    return undefined;
  }
  const others: YAMLError[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    if (e.code === "TAG_RESOLVE_FAILED") {
      const tag = /Unresolved tag: (\S+)/.exec(e.message)?.[1] ?? "?";
      ctx.add(e.pos[0], "CUSTOM_TAG", `tag '${tag}' is not allowed`, yamlHint(e.code));
    } else others.push(e);
  }
  reportYamlErrors(ctx, others, yamlHint);
  // Warnings too: an unresolved tag or similar means the file does not say what the author meant.
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;

  if (!checkNodes(doc, ctx, text.includes("\\"))) return undefined;
  if (!checkHiddenMarks(doc, (offset, code, message, hint) => ctx.add(offset, code, message, hint))) return undefined;

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
    return undefined;
  }
  flattenStrings(js);
  return { doc, js };
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
      ctx.add(
        node.range?.[0] ?? 0,
        "TOO_DEEP",
        `values are nested more than ${MAX_DEPTH} levels deep`,
        "content is at most a few levels deep: flatten this value",
      );
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
export function nodeAt(doc: Document.Parsed, path: Path, key: boolean): YamlNode | undefined {
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
