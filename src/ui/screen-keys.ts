// How a screen tells the App about its input: while a text field has focus, q and ? are text, not
// commands; a screen with inner levels (exam review, a card's details) takes Esc first.
import { createContext, useContext, useEffect } from "react";

export interface ScreenKeyHandlers {
  /** Return true when the screen handled Esc itself (e.g. closed a sub-view). */
  onEscape?: () => boolean;
  /** Return true when the screen handled q itself (e.g. asked before abandoning a quiz). */
  onQuit?: () => boolean;
  /** A text field has focus: q, ? and Esc belong to it. */
  typing?: boolean;
}

export const ScreenKeysContext = createContext<(h: ScreenKeyHandlers) => void>(() => {});

/** Register this screen's handlers with the App for as long as it is mounted. */
export function useScreenKeys(handlers: ScreenKeyHandlers): void {
  const register = useContext(ScreenKeysContext);
  useEffect(() => {
    register(handlers);
    return () => register({});
  });
}
