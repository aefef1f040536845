// How the Ink screens draw a tone (the tones and marks themselves: src/present/tone.ts). With
// NO_COLOR / --no-color, `tone` returns undefined and Ink prints plain text.
import { MARK, type Tone } from "../present/tone.js";

export { MARK, type Tone };

const COLORS: Record<Tone, string> = { good: "green", bad: "red", accent: "cyan", muted: "gray", warn: "yellow" };

export function tone(color: boolean, t: Tone): string | undefined {
  return color ? COLORS[t] : undefined;
}

/** Minimum terminal size in cells below which screens show a notice instead of a cut-off frame. */
export const MIN_WIDTH = 60;
export const MIN_HEIGHT = 15;
