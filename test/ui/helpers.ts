// Shared by the screen tests: the real shipped pack, and typing keys the way a terminal sends them.
import { loadContent, type Pack } from "../../src/content/index.js";

let cached: Pack | undefined;
export function shippedPack(): Pack {
  cached ??= loadContent({}).pack;
  return cached;
}

export const KEY = { up: "\u001B[A", down: "\u001B[B", right: "\u001B[C", left: "\u001B[D", enter: "\r", esc: "\u001B", backspace: "\u007F" } as const;

const tick = () => new Promise((r) => setTimeout(r, 25));

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
