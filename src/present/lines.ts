// Text laid out as lines for a given width, with a style per line: the form every scrolling view
// takes (study pages, quiz feedback, exam results), so none draws taller than the terminal. Pure.
import { wrapText } from "./highlight.js";
import type { Tone } from "./tone.js";

export interface Line {
  text: string;
  tone?: Tone;
  bold?: boolean;
}

export const blank: Line = { text: "" };

/** A paragraph wrapped to `width`, each line styled and indented. */
export function para(text: string, width: number, style: Omit<Line, "text"> = {}, indent = "", firstIndent = indent): Line[] {
  return wrapText(text, Math.max(10, width - indent.length)).map((t, i) => ({ ...style, text: (i === 0 ? firstIndent : indent) + t }));
}
