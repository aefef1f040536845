// Text laid out as lines for a given width, with a style per line: the form every scrolling view
// takes (study pages, quiz feedback, exam results), so none draws taller than the terminal. Pure.
import { wrapText } from "../ui/highlight.js";
import type { Tone } from "../ui/theme.js";

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
  const room = Math.max(10, width - indent.length);
  const wrapped = text.split("\n").flatMap((line) => {
    const lead = /^ */.exec(line)![0].slice(0, Math.floor(room / 2));
    return wrapText(line, room - lead.length).map((t) => lead + t);
  });
  return wrapped.map((t, i) => ({ ...style, text: (i === 0 ? firstIndent : indent) + t }));
}
