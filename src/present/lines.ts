// Text laid out as lines for a given width, with a style per line: the form every scrolling view
// takes (study pages, quiz feedback, exam results), so none draws taller than the terminal. Pure.
// Widths are terminal columns (string-width: a CJK character or an emoji takes two, a combining mark
// none), never `.length`, so no line overflows; wrapping is wrap-ansi's.
import stringWidth from "string-width";
import wrapAnsi from "wrap-ansi";
import type { Tone } from "./tone.js";

export interface Line {
  text: string;
  tone?: Tone;
  bold?: boolean;
}

export const blank: Line = { text: "" };

/**
 * A paragraph wrapped to `width`, each line styled and indented. A line of the text that starts
 * with spaces keeps them (a configuration's JSON reads as laid out), its wrapped rest indented alike.
 */
export function para(text: string, width: number, style: Omit<Line, "text"> = {}, indent = "", firstIndent = indent): Line[] {
  const room = Math.max(10, width - textWidth(indent));
  const wrapped = text.split("\n").flatMap((line) => {
    const lead = /^ */.exec(line)![0].slice(0, Math.floor(room / 2));
    return wrapText(line, room - lead.length).map((t) => lead + t);
  });
  return wrapped.map((t, i) => ({ ...style, text: (i === 0 ? firstIndent : indent) + t }));
}

/** Columns the text takes in a terminal. */
export function textWidth(text: string): number {
  return stringWidth(text);
}

/** The text padded with spaces to `width` columns (as is when already wider). */
export function padCols(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - stringWidth(text)));
}

/** The text cut to at most `width` columns, ending in "…" when cut; padded to `width` with `pad`. */
export function fitCols(text: string, width: number, pad = false): string {
  if (stringWidth(text) <= width) return pad ? padCols(text, width) : text;
  const cut = wrapAnsi(text, Math.max(1, width - 1), { hard: true, trim: false, wordWrap: false }).split("\n")[0]!;
  return pad ? padCols(cut + "…", width) : cut + "…";
}

/**
 * The first line `text` takes when wrapped to `width` columns the way Ink wraps a Text (wrap-ansi,
 * hard, untrimmed), without its trailing spaces: a one-row view of a long title, cut where the full
 * wrap would cut it. Printable ASCII (a column a character, no escapes) takes wrap-ansi's steps here
 * and stops once the first line is closed: wrap-ansi itself costs about a millisecond for a
 * 100-character title, too much for 25 of them on a keystroke.
 */
export function firstLine(text: string, width: number): string {
  const w = Math.max(1, width);
  if (!PRINTABLE_ASCII.test(text)) return stringWidth(text) <= w ? text : wrapAnsi(text, w, { hard: true, trim: false }).split("\n")[0]!.trimEnd();
  if (text.length <= w) return text;
  const words = text.split(" ");
  const rows = [""];
  for (let i = 0; i < words.length && rows.length === 1; i++) {
    const word = words[i]!;
    let used = rows.at(-1)!.length;
    if (i !== 0) {
      if (used >= w) {
        rows.push("");
        used = 0;
      }
      rows[rows.length - 1] += " ";
      used++;
    }
    if (word.length > w) {
      // A word wider than a line is split, starting on this line only if that saves a break.
      const startingHere = 1 + Math.floor((word.length - (w - used) - 1) / w);
      const startingNext = Math.floor((word.length - 1) / w);
      if (startingNext < startingHere) rows.push("");
      let visible = rows.at(-1)!.length;
      for (let c = 0; c < word.length; c++) {
        if (visible + 1 <= w) rows[rows.length - 1] += word[c]!;
        else {
          rows.push(word[c]!);
          visible = 0;
        }
        visible++;
        if (visible === w && c < word.length - 1) {
          rows.push("");
          visible = 0;
        }
      }
      continue;
    }
    if (used + word.length > w && used > 0 && word.length > 0) rows.push("");
    rows[rows.length - 1] += word;
  }
  return rows[0]!.trimEnd();
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Word-wrap to `width` columns: runs of spaces become one, each "\n" starts a new paragraph, and a
 * word wider than a line (a URL, a run of CJK text) is split across lines.
 */
export function wrapText(text: string, width: number): string[] {
  return text.split("\n").flatMap((para) => {
    const words = para.split(/\s+/).filter(Boolean).join(" ");
    return words ? wrapAnsi(words, width, { hard: true, trim: true }).split("\n") : [""];
  });
}
