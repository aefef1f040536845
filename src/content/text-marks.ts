// Characters a learner would not see but that change what a terminal shows: a carriage return
// (which moves the cursor back to overwrite a line), the bidi marks, embeddings, overrides and
// isolates (which reorder the text on screen), zero-width characters and the line/paragraph
// separators. Content text may hold none of them, raw or from an escape (`"\r"`, `"\u202e"`), so
// what the author wrote is what the learner reads. Pure; positions are the scalar's own.
import { isMap, isPair, isScalar, isSeq } from "yaml";
import type { Document } from "yaml";
import type { ProblemCode } from "./problem.js";

// eslint-disable-next-line no-control-regex
export const HIDDEN_MARK = /[\r\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/;

export function markName(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  if (ch === "\r") return `carriage return ${hex}`;
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0x200e || cp === 0x200f || cp === 0x061c) return `bidi control ${hex}`;
  if (cp === 0x2028 || cp === 0x2029) return `line separator ${hex}`;
  return `invisible character ${hex}`;
}

export type AddProblem = (offset: number, code: ProblemCode, message: string, hint: string) => void;

/** Report the first hidden mark in each scalar (key or value) of the document; true when none. */
export function checkHiddenMarks(doc: Document.Parsed, add: AddProblem, limit = 20): boolean {
  let found = 0;
  const walk = (node: unknown): void => {
    if (found >= limit || !node) return;
    if (isScalar(node)) {
      if (typeof node.value !== "string") return;
      const m = HIDDEN_MARK.exec(node.value);
      if (!m) return;
      found++;
      add(
        node.range?.[0] ?? 0,
        "HIDDEN_CHARACTER",
        `${markName(m[0])} in the text (character ${m.index + 1} of this value)`,
        "remove it: carriage returns, bidi controls and zero-width characters change what the learner sees",
      );
      return;
    }
    if (!isMap(node) && !isSeq(node)) return;
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        walk(item.key);
        walk(item.value);
      } else walk(item);
    }
  };
  walk(doc.contents);
  return found === 0;
}
