// Colours are a second cue, never the only one: every state also has a text mark (✓ ✗ [flagged] ›).
// The tones a line can have, and the marks; how a tone is drawn is the driver's (ui/theme.ts for
// Ink, plain/text.ts for plain output).
export type Tone = "good" | "bad" | "accent" | "muted" | "warn";

export const MARK = { right: "✓", wrong: "✗", flagged: "[flagged]", pointer: "›", bullet: "•" } as const;
