// Colours are a second cue, never the only one: every state also has a text mark (✓ ✗ [flagged] ›).
// With NO_COLOR / --no-color, `tone` returns undefined and Ink prints plain text.
export type Tone = "good" | "bad" | "accent" | "muted" | "warn";

const COLORS: Record<Tone, string> = { good: "green", bad: "red", accent: "cyan", muted: "gray", warn: "yellow" };

export function tone(color: boolean, t: Tone): string | undefined {
  return color ? COLORS[t] : undefined;
}

export const MARK = { right: "✓", wrong: "✗", flagged: "[flagged]", pointer: "›", bullet: "•" } as const;

/** Minimum terminal size in cells below which screens show a notice instead of a cut-off frame. */
export const MIN_WIDTH = 60;
export const MIN_HEIGHT = 15;
