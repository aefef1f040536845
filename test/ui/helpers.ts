// Shared by the screen tests: the real shipped pack, and typing keys the way a terminal sends them.
import { loadContent, type Pack } from "../../src/content/load.js";

let cached: Pack | undefined;
export function shippedPack(): Pack {
  cached ??= loadContent({}).pack;
  return cached;
}

export const KEY = { up: "\u001B[A", down: "\u001B[B", right: "\u001B[C", left: "\u001B[D", enter: "\r", esc: "\u001B", backspace: "\u007F" } as const;

// Ink throttles redraws (about 30 frames a second): give each key time to show.
const tick = () => new Promise((r) => setTimeout(r, 45));

/** Write each key separately and let Ink re-render between them. */
export async function press(stdin: { write: (s: string) => void }, ...keys: string[]): Promise<void> {
  await tick();
  for (const k of keys) {
    stdin.write(k);
    await tick();
  }
}

/** Type a string one character at a time. */
export async function type(stdin: { write: (s: string) => void }, text: string): Promise<void> {
  await press(stdin, ...text.split(""));
}

/** Wait until a lazily loaded screen has replaced its "Loading …" placeholder. */
export async function loaded(lastFrame: () => string | undefined, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (/Loading \w+…/.test(lastFrame() ?? "Loading x…")) {
    if (Date.now() > until) throw new Error(`the screen did not load: ${lastFrame()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  // Its key handlers subscribe in an effect after that first frame: let them.
  await new Promise((r) => setTimeout(r, 30));
}

/** Wait until the frame shows `text` (for what a timer, not a key, brings about). */
export async function frameShows(lastFrame: () => string | undefined, text: string, timeoutMs = 3000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const f = lastFrame() ?? "";
    if (f.includes(text)) return f;
    if (Date.now() > until) throw new Error(`the frame never showed ${JSON.stringify(text)}:\n${f}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}
