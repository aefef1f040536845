// Minimal ANSI colouring for plain output; none when colour is off (NO_COLOR, --no-color, not a TTY).
import { NO_PAINT, type Paint } from "../content/index.js";

export type { Paint };

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

/** Colour for a command's output stream: only when the learner allows it and the stream is a terminal. */
export function paintOf(ctx: { globals: { color: boolean } }, stream: { isTTY?: boolean }): Paint {
  return paintFor(ctx.globals.color && Boolean(stream.isTTY));
}

export function paintFor(enabled: boolean): Paint {
  if (!enabled) return NO_PAINT;
  return { red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), dim: wrap(2, 22), bold: wrap(1, 22), cyan: wrap(36, 39) };
}
