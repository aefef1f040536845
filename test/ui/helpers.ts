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

/**
 * Wait until a lazily loaded screen has replaced its "Loading …" placeholder (and a screen that
 * reads the progress store after its first frame, its "… your progress…" line).
 */
export async function loaded(lastFrame: () => string | undefined, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (/Loading \w+…|(Opening|Reading) your progress…/.test(lastFrame() ?? "Loading x…")) {
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

type Expect = string | RegExp | ((frame: string) => boolean);
const matches = (f: string, e: Expect) => (typeof e === "string" ? f.includes(e) : e instanceof RegExp ? e.test(f) : e(f));

/** Wait until the frame matches `expect` (text, pattern or test). */
export async function frameMatches(lastFrame: () => string | undefined, expect: Expect, timeoutMs = 5000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const f = lastFrame() ?? "";
    if (matches(f, expect)) return f;
    if (Date.now() > until) throw new Error(`the frame never matched ${String(expect)}:\n${f}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * Send one key and wait for the frame it should bring: `expect` when given, otherwise any change of
 * the frame. No fixed sleep: under load this waits as long as rendering takes, and no longer.
 */
export async function hit(app: { stdin: { write: (s: string) => void }; lastFrame: () => string | undefined }, key: string, expect?: Expect): Promise<string> {
  const before = app.lastFrame() ?? "";
  app.stdin.write(key);
  return frameMatches(app.lastFrame, expect ?? ((f) => f !== before));
}

/** Wait until `check` holds (for what an effect, not a frame, brings about: a saved attempt). */
export async function eventually(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`never happened: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
