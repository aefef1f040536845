// Bytes → text, and the refusals that come before any YAML parsing: too large, not UTF-8, raw
// terminal control characters, nesting deep enough to make a parser recurse. Pure.
import { tooLargeMessage } from "./limits.js";
import type { Problem } from "./problem.js";

/** Collections nested deeper than this are refused before conversion (content is ≤ 6 deep). */
export const MAX_DEPTH = 64;

const DEEP_FLOW = new RegExp(`[\\[{](?:\\s*[\\[{]){${MAX_DEPTH},}`);

// C0 controls but tab/LF/CR, DEL, C1 controls, and the bidirectional overrides that can hide or
// reorder text on screen ("Trojan source"). None has a place in study content.
// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
export const CONTROL_G = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

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

/** A file too large to parse (the size is the real one, from the file system when known). */
export function tooLarge(file: string, size: number): Problem {
  return {
    file,
    line: 0,
    col: 0,
    code: "FILE_TOO_LARGE",
    message: tooLargeMessage(size),
    hint: "split the content into several smaller files in the same folder",
    severity: "error",
  };
}

/** Bytes that are not UTF-8, at the first bad byte. */
export function notUtf8(file: string, bad: { badOffset: number; line: number; col: number }): Problem {
  return {
    file,
    line: bad.line,
    col: bad.col,
    code: "NOT_UTF8",
    message: `byte ${bad.badOffset} is not valid UTF-8`,
    hint: "save the file as UTF-8 (most editors: 'Save with encoding' → UTF-8)",
    severity: "error",
  };
}

function position(text: string, index: number): { line: number; col: number } {
  const before = text.slice(0, index);
  return { line: before.split("\n").length, col: index - (before.lastIndexOf("\n") + 1) + 1 };
}

/** Raw control characters (up to a few) and runs of brackets deeper than content needs: problems
 *  that refuse the file before the YAML parser sees it. */
export function refuseRawText(file: string, text: string): Problem[] {
  const problems: Problem[] = [];
  let rawCount = 0;
  for (const m of text.matchAll(CONTROL_G)) {
    if (rawCount++ >= 5) break;
    const { line, col } = position(text, m.index);
    problems.push({
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
  if (problems.length > 0) return problems;
  const deep = DEEP_FLOW.exec(text);
  if (deep) {
    const { line, col } = position(text, deep.index);
    problems.push({
      file,
      line,
      col,
      code: "TOO_DEEP",
      message: `values are nested more than ${MAX_DEPTH} levels deep`,
      hint: "content is at most a few levels deep: flatten this value",
      severity: "error",
      lineText: (text.split(/\r?\n/)[line - 1] ?? "").slice(0, 200),
    });
  }
  return problems;
}
