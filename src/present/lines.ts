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

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The text cut to at most `width` columns, ending in "…" when cut; padded to `width` with `pad`.
 * Printable ASCII takes a column a character, so it is cut by length (wrap-ansi costs about a
 * millisecond for a 100-character title: too much for a screen of search hits on every keystroke).
 */
export function fitCols(text: string, width: number, pad = false): string {
  if (PRINTABLE_ASCII.test(text)) {
    if (text.length <= width) return pad ? text.padEnd(width) : text;
    return text.slice(0, Math.max(0, width - 1)) + "…";
  }
  if (stringWidth(text) <= width) return pad ? padCols(text, width) : text;
  const cut = wrapAnsi(text, Math.max(1, width - 1), { hard: true, trim: false, wordWrap: false }).split("\n")[0]!;
  return pad ? padCols(cut + "…", width) : cut + "…";
}

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
