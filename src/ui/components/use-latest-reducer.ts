// Screen state that every key updates from the state the previous key left, never from the state
// of the last render: keys that arrive together (a burst, a paste, a test that does not wait) and
// keys that arrive before React has re-subscribed a handler are applied in order, none against a
// stale frame. The update functions are pure; what must happen outside runs from effects.
import { useReducer } from "react";

export type Update<S> = (s: S) => S;

export function useLatestReducer<S>(init: () => S): [S, (update: Update<S>) => void] {
  return useReducer((s: S, update: Update<S>) => update(s), undefined, init);
}
