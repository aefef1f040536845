// Every screen declares its keys once; the hint bar and the `?` overlay both read this list.
import { textWidth } from "../present/lines.js";

export type KeyHelp = ReadonlyArray<readonly [key: string, action: string]>;

/** Keys the App handles on every screen. */
export const GLOBAL_KEYS: KeyHelp = [
  ["Esc", "back"],
  ["q", "quit"],
  ["?", "show or hide these keys"],
];

/** Appended to a screen's keys for its current state (which name Esc and q themselves). */
export const STATE_GLOBAL_KEYS: KeyHelp = [["?", "all keys"]];

export function hintLine(keys: KeyHelp, width: number, globals: KeyHelp = GLOBAL_KEYS): string {
  const parts = [...keys, ...globals].map(([k, a]) => `${k} ${a}`);
  let line = "";
  for (const p of parts) {
    const next = line ? `${line} · ${p}` : p;
    if (textWidth(next) > width) break;
    line = next;
  }
  return line;
}
