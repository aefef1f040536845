// One sanitiser for text that came from outside the code (records, configurations, imported
// progress, content, file names, snippets in error messages) before it reaches a terminal: every
// character a terminal would act on, or that would hide or reorder what is shown, is written out
// visibly instead (ESC as `\x1b`, a right-to-left override as `\u202e`). Newlines stay. --json
// output never goes through this: it stays exact. Pure.

/**
 * C0 controls but newline, DEL, C1, the bidi embeddings/overrides/isolates and marks, zero-width
 * characters, the line/paragraph separators and the byte-order mark.
 */
// eslint-disable-next-line no-control-regex
export const UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

const NAMED: Record<string, string> = { "\t": "\\t", "\r": "\\r", "\u001b": "\\x1b" };

function visibleChar(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const cp = ch.codePointAt(0)!;
  return cp <= 0xff ? `\\x${cp.toString(16).padStart(2, "0")}` : `\\u${cp.toString(16).padStart(4, "0")}`;
}

/** `text` with every unsafe character shown as an escape (newlines kept). */
export function visible(text: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text) ? text.replace(UNSAFE, visibleChar) : text;
}

/** The same, on one line: newlines shown as `\n` too (file names, values inside a sentence). */
export function visibleInline(text: string): string {
  return visible(text).replace(/\n/g, "\\n");
}

/** True when `text` holds a character `visible` would rewrite. */
export function hasUnsafe(text: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text);
}
