// How a screen and the App talk about input: while a text field has focus, q and ? are text, not
// commands; a screen with inner levels (exam review, a card's details) takes Esc first, and a
// session that must not be lost (an exam) takes q too. The App tells each screen whether it has the
// keyboard (not while the `?` list or the too-small notice covers it) and whether the window is too
// small; screens read keys with useScreenInput so a covered screen never acts on a key.
import { useInput, type Key } from "ink";
import { createContext, useContext, useEffect } from "react";
import type { KeyHelp } from "./key-help.js";

export interface ScreenKeyHandlers {
  /** Return true when the screen handled Esc itself (e.g. closed a sub-view). */
  onEscape?: () => boolean;
  /** Return true when the screen handled q itself (e.g. asked before abandoning a quiz). */
  onQuit?: () => boolean;
  /** A text field has focus: q, ? and Esc belong to it. */
  typing?: boolean;
  /** The keys that work in the screen's current state, for the hint bar (else the screen's full list). */
  keys?: KeyHelp;
}

export const ScreenKeysContext = createContext<(h: ScreenKeyHandlers) => void>(() => {});

export interface ScreenStatus {
  /** The screen is shown and has the keyboard. */
  active: boolean;
  /**
   * The same, as the App knows it the moment a key arrives (a key can arrive before React has
   * re-rendered the screen after `?` opened the key list).
   */
  activeNow?: { current: boolean };
  /** The window is below the minimum size: the screen is hidden under the notice. */
  tooSmall: boolean;
}

export const ScreenStatusContext = createContext<ScreenStatus>({ active: true, tooSmall: false });

export function useScreenStatus(): ScreenStatus {
  return useContext(ScreenStatusContext);
}

/** Register this screen's handlers with the App for as long as it is mounted. */
export function useScreenKeys(handlers: ScreenKeyHandlers): void {
  const register = useContext(ScreenKeysContext);
  useEffect(() => {
    register(handlers);
  });
  useEffect(() => () => register({}), [register]);
}

/** useInput for a screen: keys reach it only while it is shown and has the keyboard. */
export function useScreenInput(handler: (input: string, key: Key) => void): void {
  const { active, activeNow } = useScreenStatus();
  useInput((input, key) => {
    if (activeNow ? activeNow.current : active) handler(input, key);
  });
}
