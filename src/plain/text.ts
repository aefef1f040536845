// Styled lines printed as plain text: colour only when enabled, the ✓ ✗ marks always.
import type { Line } from "../present/lines.js";
import type { Paint } from "../shell/paint.js";
import { visible } from "../shell/sanitize.js";

/** Plain output does not wrap: the terminal (or a screen reader) does. */
export const PLAIN_WIDTH = 10_000;

export function renderLines(lines: readonly Line[], paint: Paint): string {
  return lines
    .map((l) => {
      // Lines carry text from records, configurations and progress files: never raw to the terminal.
      let t = visible(l.text);
      if (l.tone === "good") t = paint.green(t);
      else if (l.tone === "bad") t = paint.red(t);
      else if (l.tone === "muted") t = paint.dim(t);
      else if (l.tone === "warn") t = paint.yellow(t);
      else if (l.tone === "accent") t = paint.cyan(t);
      return l.bold ? paint.bold(t) : t;
    })
    .join("\n");
}
