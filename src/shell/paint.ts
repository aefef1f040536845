// Colour for plain output through node's util.styleText; none when colour is off. One decision for
// the whole program (`colorChoice`): --no-color and NO_COLOR (https://no-color.org) turn it off,
// FORCE_COLOR=0 too; FORCE_COLOR=1/2/3 turns it on even into a pipe; otherwise it is on for a
// terminal (not TERM=dumb).
import { styleText } from "node:util";
import { NO_PAINT, type Paint } from "../content/index.js";

export type { Paint };

/** "never", "always" (FORCE_COLOR) or "auto" (only into a terminal). */
export type ColorChoice = "never" | "always" | "auto";

export function colorChoice(env: NodeJS.ProcessEnv, noColorFlag = false): ColorChoice {
  if (noColorFlag) return "never";
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return "never";
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === "0" || force.toLowerCase() === "false") return "never";
    return "always";
  }
  return env.TERM === "dumb" ? "never" : "auto";
}

/** Colour for a command's output stream: only when the learner allows it (and, unless forced, the
 *  stream is a terminal). */
export function paintOf(ctx: { globals: { color: boolean; forceColor?: boolean } }, stream: { isTTY?: boolean }): Paint {
  return paintFor(ctx.globals.color && (ctx.globals.forceColor === true || Boolean(stream.isTTY)));
}

// Our own decision above is final: styleText must not second-guess it against process.stdout.
const style = (format: Parameters<typeof styleText>[0]) => (s: string) => styleText(format, s, { validateStream: false });

export function paintFor(enabled: boolean): Paint {
  if (!enabled) return NO_PAINT;
  return { red: style("red"), green: style("green"), yellow: style("yellow"), dim: style("dim"), bold: style("bold"), cyan: style("cyan") };
}
