// Screen state that every key updates from the state the previous key left, never from the state
// of the last render: keys that arrive together (a burst, a paste, a test that does not wait) and
// keys that arrive before React has re-subscribed a handler are applied in order, none against a
// stale frame. The update functions are pure; what must happen outside runs from effects.
import { useReducer, useRef, useState } from "react";

export type Update<S> = (s: S) => S;

export function useLatestReducer<S>(init: () => S): [S, (update: Update<S>) => void] {
  return useReducer((s: S, update: Update<S>) => update(s), undefined, init);
}

/**
 * State kept in a ref and redrawn on change: a key handler reads `get()` — the state the previous
 * key left, even within one burst — and may do its I/O (a store write) with it before `set`.
 */
export function useLatestState<S>(init: () => S): [S, () => S, (next: S) => void] {
  const ref = useRef<S | undefined>(undefined);
  if (ref.current === undefined) ref.current = init();
  const [, redraw] = useState(0);
  const get = () => ref.current as S;
  const set = (next: S) => {
    if (next === ref.current) return;
    ref.current = next;
    redraw((n) => n + 1);
  };
  return [ref.current, get, set];
}
