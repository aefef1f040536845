// Ink 6.8's Output (ink/build/output.js), the class that composes every frame from the laid-out text,
// rewritten for speed; the build puts it in Ink's place (scripts/build-options.mjs) only while Ink's
// own file is the one it was written against (INK_OUTPUT_SHA256). It gives Ink's frame, character for
// character: test/ui/ink-output-fast.test.ts runs both on thousands of random frames (styles, links,
// wide and combining characters, emoji, clips, transformers) and compares them.
//
// Why. Ink builds each frame cell by cell. For every line it segments graphemes with Intl.Segmenter
// and copies the active styles into a new array for every character; it allocates a fresh object for
// each of the width × height blank cells; and to turn a row back into text it diffs the styles of
// each pair of neighbouring cells, building three Sets per pair. On a Search screen (25 hits, about
// 2,400 characters) this file in its place took the median keystroke from 18.6 to 6.8 ms.
//
// What is faster, and why it is the same:
// - A line made only of printable ASCII, the one-column characters of ONE_COLUMN (each its own
//   grapheme and one column wide in every string-width copy: test/present/string-width-fast.test.ts)
//   and SGR sequences (ESC [ digits/semicolons m, the only escapes Ink's own colouring writes) is
//   split without the segmenter: each such character is a grapheme of its own whatever its
//   neighbours, ESC being a control (a grapheme break on both sides). Its escapes are tokenized by
//   ansi-tokenize itself (once per distinct sequence) and reduced with its own
//   reduceAnsiCodesIncremental, so the styles are
//   the ones Ink computes; the characters of one run share one styles array (Ink copies it for each,
//   but nothing changes a cell's styles once made). Any other line takes Ink's own path.
// - Blank cells are one shared object (never changed: cells are replaced, not edited).
// - A row is turned into text by ansi-tokenize's rule, skipping the diff between neighbours that
//   share one styles array (the diff of a reduced style with itself is empty).
import sliceAnsi from "slice-ansi";
import stringWidth from "string-width";
import { ansiCodesToString, diffAnsiCodes, reduceAnsiCodesIncremental, styledCharsFromTokens, tokenize } from "@alcalzone/ansi-tokenize";
import { ONE_COLUMN } from "./string-width-fast.mjs";

/** sha256 of the ink/build/output.js this file replaces (ink 6.8.0). */
export const INK_OUTPUT_SHA256 = "de9078c7fc647c40cf9e32d6658fcbbee91dae9e3f6334e5f4ebfc5905fc401d";

export const FAST_LINE = new RegExp(`^(?:[\\u0020-\\u007E${ONE_COLUMN}]|\\u001B\\[[0-9;]*m)*$`);
const SGR = /\u001B\[[0-9;]*m/g;
const NO_STYLES = Object.freeze([]);
const BLANK = Object.freeze({ type: "char", value: " ", fullWidth: false, styles: NO_STYLES });
/** One unstyled cell per character, shared by every frame. */
const plainCells = new Map();

function plainCell(value) {
  let cell = plainCells.get(value);
  if (cell === undefined) {
    cell = Object.freeze({ type: "char", value, fullWidth: false, styles: NO_STYLES });
    plainCells.set(value, cell);
  }
  return cell;
}

/** ansi-tokenize's tokens of one SGR sequence, kept: tokenizing even these segments graphemes. */
const sgrTokens = new Map();

function tokensOf(sgr) {
  let tokens = sgrTokens.get(sgr);
  if (tokens === undefined) {
    if (sgrTokens.size >= 1024) sgrTokens.clear();
    tokens = tokenize(sgr);
    sgrTokens.set(sgr, tokens);
  }
  return tokens;
}

/** The styled characters of a line that FAST_LINE accepts: as styledCharsFromTokens(tokenize(line)). */
function fastStyledChars(line) {
  const out = [];
  let codes = NO_STYLES;
  let at = 0;
  const text = (from, to) => {
    if (codes.length === 0) {
      for (let i = from; i < to; i++) out.push(plainCell(line[i]));
      return;
    }
    for (let i = from; i < to; i++) out.push({ type: "char", value: line[i], fullWidth: false, styles: codes });
  };
  SGR.lastIndex = 0;
  for (let m = SGR.exec(line); m !== null; m = SGR.exec(line)) {
    text(at, m.index);
    codes = reduceAnsiCodesIncremental(codes, tokensOf(m[0]));
    at = m.index + m[0].length;
  }
  text(at, line.length);
  return out;
}

/** ansi-tokenize's styledCharsToString, without diffing neighbours that share their styles. */
function rowToString(chars) {
  let ret = "";
  let prev;
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i];
    if (prev === undefined) ret += ansiCodesToString(char.styles);
    else if (char.styles !== prev.styles) ret += ansiCodesToString(diffAnsiCodes(prev.styles, char.styles));
    ret += char.value;
    prev = char;
  }
  if (prev !== undefined && prev.styles.length > 0) ret += ansiCodesToString(diffAnsiCodes(prev.styles, []));
  return ret;
}

class OutputCaches {
  widths = new Map();
  blockWidths = new Map();
  styledChars = new Map();
  getStyledChars(line) {
    let cached = this.styledChars.get(line);
    if (cached === undefined) {
      cached = FAST_LINE.test(line) ? fastStyledChars(line) : styledCharsFromTokens(tokenize(line));
      this.styledChars.set(line, cached);
    }
    return cached;
  }
  getStringWidth(text) {
    let cached = this.widths.get(text);
    if (cached === undefined) {
      cached = stringWidth(text);
      this.widths.set(text, cached);
    }
    return cached;
  }
  getWidestLine(text) {
    let cached = this.blockWidths.get(text);
    if (cached === undefined) {
      let lineWidth = 0;
      for (const line of text.split("\n")) {
        lineWidth = Math.max(lineWidth, this.getStringWidth(line));
      }
      cached = lineWidth;
      this.blockWidths.set(text, cached);
    }
    return cached;
  }
}

export default class Output {
  width;
  height;
  operations = [];
  caches = new OutputCaches();
  constructor(options) {
    const { width, height } = options;
    this.width = width;
    this.height = height;
  }
  write(x, y, text, options) {
    const { transformers } = options;
    if (!text) {
      return;
    }
    this.operations.push({ type: "write", x, y, text, transformers });
  }
  clip(clip) {
    this.operations.push({ type: "clip", clip });
  }
  unclip() {
    this.operations.push({ type: "unclip" });
  }
  get() {
    const output = [];
    for (let y = 0; y < this.height; y++) {
      const row = [];
      for (let x = 0; x < this.width; x++) row.push(BLANK);
      output.push(row);
    }
    const clips = [];
    for (const operation of this.operations) {
      if (operation.type === "clip") {
        clips.push(operation.clip);
      }
      if (operation.type === "unclip") {
        clips.pop();
      }
      if (operation.type === "write") {
        const { text, transformers } = operation;
        let { x, y } = operation;
        let lines = text.split("\n");
        const clip = clips.at(-1);
        if (clip) {
          const clipHorizontally = typeof clip?.x1 === "number" && typeof clip?.x2 === "number";
          const clipVertically = typeof clip?.y1 === "number" && typeof clip?.y2 === "number";
          if (clipHorizontally) {
            const width = this.caches.getWidestLine(text);
            if (x + width < clip.x1 || x > clip.x2) {
              continue;
            }
          }
          if (clipVertically) {
            const height = lines.length;
            if (y + height < clip.y1 || y > clip.y2) {
              continue;
            }
          }
          if (clipHorizontally) {
            lines = lines.map((line) => {
              const from = x < clip.x1 ? clip.x1 - x : 0;
              const width = this.caches.getStringWidth(line);
              const to = x + width > clip.x2 ? clip.x2 - x : width;
              return sliceAnsi(line, from, to);
            });
            if (x < clip.x1) {
              x = clip.x1;
            }
          }
          if (clipVertically) {
            const from = y < clip.y1 ? clip.y1 - y : 0;
            const height = lines.length;
            const to = y + height > clip.y2 ? clip.y2 - y : height;
            lines = lines.slice(from, to);
            if (y < clip.y1) {
              y = clip.y1;
            }
          }
        }
        let offsetY = 0;
        for (let [index, line] of lines.entries()) {
          const currentLine = output[y + offsetY];
          // As in Ink: a line past the last row (or above the first) stops this write's lines.
          if (!currentLine) {
            continue;
          }
          for (const transformer of transformers) {
            line = transformer(line, index);
          }
          const characters = this.caches.getStyledChars(line);
          let offsetX = x;
          for (const character of characters) {
            currentLine[offsetX] = character;
            // One column for every cell of the fast path (plain or shared-style cells are never
            // wider); otherwise string-width decides, as in Ink.
            const characterWidth =
              character.value.length === 1 && character.value.charCodeAt(0) >= 0x20 && character.value.charCodeAt(0) < 0x7f
                ? 1
                : Math.max(1, this.caches.getStringWidth(character.value));
            if (characterWidth > 1) {
              for (let index = 1; index < characterWidth; index++) {
                currentLine[offsetX + index] = { type: "char", value: "", fullWidth: false, styles: character.styles };
              }
            }
            offsetX += characterWidth;
          }
          offsetY++;
        }
      }
    }
    const generatedOutput = output
      .map((line) => {
        const lineWithoutEmptyItems = line.filter((item) => item !== undefined);
        return rowToString(lineWithoutEmptyItems).trimEnd();
      })
      .join("\n");
    return { output: generatedOutput, height: output.length };
  }
}
