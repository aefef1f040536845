// Content problems are values, not exceptions (STYLE §4): the loader collects them and the shell
// decides how to print them (human, JSON, editor format).

import type { ErrorCode as YamlErrorCode } from "yaml";
import type { LintCode } from "./lint.js";

export type Severity = "error" | "warning";

/**
 * Every problem the loader, the pack builder and `validate` report, with what it means (content/README.md
 * documents each; a test keeps the two in step). Lint warnings are `LINT_CODES` (lint.ts). To add a
 * code: add it here (or to LINT_CODES) and to the README's table.
 */
export const PROBLEM_CODES = {
  READ_ERROR: "a file could not be read",
  NOT_A_FILE: "a content path that is not a regular file (a device, a FIFO)",
  CONTENT_DIR_MISSING: "a --content path does not exist",
  NO_CONTENT_FILES: "a content directory holds no .yaml file",
  FILE_TOO_LARGE: "a file is over the size limit",
  NOT_UTF8: "a file is not UTF-8 text",
  CONTROL_CHAR: "a terminal control character in the text",
  HIDDEN_CHARACTER: "a carriage return, bidi mark or zero-width character that would change what the terminal shows",
  TOO_DEEP: "values nested deeper than any content needs",
  PARSE_FAILED: "the YAML could not be parsed at all",
  CUSTOM_TAG: "a YAML tag (`!tag`): content uses plain values only",
  ALIAS_LIMIT: "YAML aliases that expand too far",
  EMPTY_FILE: "a file with no content",
  NOT_A_MAP: "a file that is not a map of sections",
  UNKNOWN_SECTION: "a top-level key that is not a section",
  SCHEMA_TYPE: "a value of the wrong type",
  SCHEMA_MISSING_FIELD: "a required field is missing",
  SCHEMA_UNKNOWN_FIELD: "a field the item does not have",
  SCHEMA_VALUE: "a value not among the allowed ones",
  SCHEMA_INVALID: "a value that breaks a rule of its field (length, pattern, count)",
  DUPLICATE_ID: "an id used twice across the loaded packs",
  UNKNOWN_OPTION: "an answer, distractor or branch names no known service or event type",
  ANSWER_AS_DISTRACTOR: "a scenario lists its own answer as a distractor",
  DUPLICATE_DISTRACTOR: "a scenario lists the same distractor twice",
  TOO_FEW_DISTRACTORS: "a scenario with too few distractors",
  WRONG_OPTION_KIND: "an option that is not of the scenario's answerKind",
  MISSING_LABEL: "an authored option (configuration, statement, yes-no) without its label",
  ACCEPT_ON_TEXT_ITEM: "accept on an item whose answers are authored text, not names",
  DUPLICATE_OPTION: "the same option id twice among a scenario's answers and distractors",
  ACCEPTS_DISTRACTOR: "accept names one of the scenario's own distractors",
  MORE_ANSWERS_ON_YES_NO: "moreAnswers on a yes-no item, which has one answer",
  UNKNOWN_DOMAIN: "a domain not declared in pack.yaml",
  UNKNOWN_TOPIC: "a topic not declared in pack.yaml",
  REFERENCES_NOT_CHECKED: "a pack.yaml could not be read, so references to its domains and topics were not checked",
  ANSWER_CHANGED: "an edit changes the answer of a card you have drilled (its history restarts)",
} as const;

/** YAML syntax errors keep the YAML library's code after `YAML_`; all are listed so the union is closed. */
export const YAML_CODES = [
  "ALIAS_PROPS",
  "BAD_ALIAS",
  "BAD_DIRECTIVE",
  "BAD_DQ_ESCAPE",
  "BAD_INDENT",
  "BAD_PROP_ORDER",
  "BAD_SCALAR_START",
  "BLOCK_AS_IMPLICIT_KEY",
  "BLOCK_IN_FLOW",
  "DUPLICATE_KEY",
  "IMPOSSIBLE",
  "KEY_OVER_1024_CHARS",
  "MISSING_CHAR",
  "MULTILINE_IMPLICIT_KEY",
  "MULTIPLE_ANCHORS",
  "MULTIPLE_DOCS",
  "MULTIPLE_TAGS",
  "NON_STRING_KEY",
  "RESOURCE_EXHAUSTION",
  "TAB_AS_INDENT",
  "TAG_RESOLVE_FAILED",
  "UNEXPECTED_TOKEN",
  "BAD_COLLECTION_TYPE",
] as const satisfies readonly YamlErrorCode[];
// A new YAML release with a new code fails to compile here until it is listed (and documented).
const allYamlCodesListed: Exclude<YamlErrorCode, (typeof YAML_CODES)[number]> extends never ? true : never = true;
void allYamlCodesListed;

export type YamlCode = `YAML_${(typeof YAML_CODES)[number]}`;
export type LoadCode = keyof typeof PROBLEM_CODES;
export type ProblemCode = LoadCode | LintCode | YamlCode;

export function yamlCode(code: YamlErrorCode): YamlCode {
  return `YAML_${code}`;
}

export interface Problem {
  file: string;
  /** 1-based; 0 when the problem concerns the whole file or pack. */
  line: number;
  /** 1-based; 0 when the problem concerns the whole file or pack. */
  col: number;
  code: ProblemCode;
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
