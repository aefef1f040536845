// The shell every screen lives in: a stack of screens (home at the bottom), the keys that work
// everywhere (q quits, Esc goes back, ? shows the current screen's keys), the hint bar, and the
// "terminal too small" notice. The key list and the notice sit above the current screen, which stays
// mounted (hidden) under them, so an exam, a quiz, a drill card or a Study page survives opening `?`
// or a resize below the minimum. It decides nothing about CloudTrail; screens call the engines.
import { Box, Text, useApp, useInput } from "ink";
import type React from "react";
import { Suspense, useCallback, useEffect, useRef, useState } from "react";
import type { Pack } from "../content/pack.js";
import type { ProgressPort } from "../store/port.js";
import { GLOBAL_KEYS, hintLine, STATE_GLOBAL_KEYS, type KeyHelp } from "./key-help.js";
import { ScreenKeysContext, ScreenStatusContext, type ScreenKeyHandlers, type ScreenStatus } from "./screen-keys.js";
import type { ScreenName } from "./screen-props.js";
import { preloadScreens, SCREENS } from "./screens/registry.js";
import { MIN_HEIGHT, MIN_WIDTH, tone } from "./theme.js";
import { useWindowSize, type Size } from "./use-window-size.js";

export interface AppProps {
  pack: Pack;
  progress: ProgressPort;
  color: boolean;
  screen?: ScreenName;
  params?: Record<string, unknown>;
  /** Fixed size (tests); otherwise the terminal's, following resizes. */
  size?: Size;
}

interface Entry {
  name: ScreenName;
  params?: Record<string, unknown>;
  /** Distinct per opening, so reopening a screen starts it fresh. */
  key: number;
}

export function App(props: AppProps): React.JSX.Element {
  const { exit } = useApp();
  const { width, height } = useWindowSize(props.size);
  const first: Entry[] = [{ name: "home", key: 0 }];
  if (props.screen && props.screen !== "home") first.push({ name: props.screen, params: props.params, key: 1 });
  const [stack, setStack] = useState<Entry[]>(first);
  const [showKeys, setShowKeys] = useState(false);
  const handlers = useRef<ScreenKeyHandlers>({});
  const nextKey = useRef(2);
  // The screen's keys for its current state, shown in the hint bar (state, so a change redraws it).
  const [stateKeys, setStateKeys] = useState<KeyHelp | undefined>(undefined);
  const register = useCallback((h: ScreenKeyHandlers) => {
    handlers.current = h;
    setStateKeys((old) => (sameKeys(old, h.keys) ? old : h.keys));
  }, []);

  // Load the other screens once the first frame is out, so opening one is instant.
  useEffect(() => {
    // A failed preload is retried (and reported) when the screen is opened.
    const t = setTimeout(() => preloadScreens().catch(() => {}), 30);
    return () => clearTimeout(t);
  }, []);

  const top = stack[stack.length - 1]!;
  const entry = SCREENS[top.name];

  const back = useCallback(() => {
    setShowKeys(false);
    setStack((s) => (s.length > 1 ? s.slice(0, -1) : s));
  }, []);
  const open = useCallback((name: ScreenName, params?: Record<string, unknown>) => {
    setShowKeys(false);
    setStack((s) => [...s, { name, params, key: nextKey.current++ }]);
  }, []);

  const tooSmall = width < MIN_WIDTH || height < MIN_HEIGHT;
  const activeNow = useRef(true);
  activeNow.current = !showKeys && !tooSmall;
  useInput((input, key) => {
    if (handlers.current.typing && !tooSmall) return;
    if (input === "q" && !key.ctrl && !key.meta) {
      if (showKeys || tooSmall || !handlers.current.onQuit?.()) exit();
      return;
    }
    if (tooSmall) return;
    if (input === "?") {
      activeNow.current = showKeys;
      setShowKeys((v) => !v);
      return;
    }
    if (key.escape) {
      if (showKeys) {
        activeNow.current = true;
        setShowKeys(false);
      } else if (!handlers.current.onEscape?.()) back();
    }
  });

  const Screen = entry.component;
  // Under the notice the screen keeps the last size it could be drawn at.
  const shownWidth = Math.max(width, MIN_WIDTH);
  const shownHeight = Math.max(height, MIN_HEIGHT);
  const bodyHeight = shownHeight - 2;
  const covered = showKeys || tooSmall;
  const status: ScreenStatus = { active: !covered, activeNow, tooSmall };
  return (
    <ScreenKeysContext.Provider value={register}>
      <ScreenStatusContext.Provider value={status}>
        {tooSmall ? (
          <Box flexDirection="column" width={width}>
            <Text bold>Terminal too small</Text>
            <Text wrap="wrap">
              cloudtrail-tutor needs at least {MIN_WIDTH}×{MIN_HEIGHT}; this one is {width}×{height}. Enlarge the window (or press q to quit).
            </Text>
          </Box>
        ) : null}
        <Box flexDirection="column" width={shownWidth} height={shownHeight} display={tooSmall ? "none" : "flex"}>
          {showKeys ? (
            <Box height={bodyHeight} flexDirection="column" overflowY="hidden">
              <KeysOverlay title={entry.title} keys={[...entry.keys, ...GLOBAL_KEYS]} color={props.color} />
            </Box>
          ) : null}
          <Box height={bodyHeight} flexDirection="column" overflowY="hidden" display={showKeys ? "none" : "flex"}>
            <Suspense fallback={<Text color={tone(props.color, "muted")}>Loading {entry.title}…</Text>}>
              <Screen
                key={top.key}
                pack={props.pack}
                progress={props.progress}
                width={shownWidth}
                height={bodyHeight}
                color={props.color}
                back={back}
                open={open}
                params={top.params}
              />
            </Suspense>
          </Box>
          <Text color={tone(props.color, "muted")} wrap="truncate-end">
            {"─".repeat(Math.max(0, shownWidth - 1))}
          </Text>
          <Text color={tone(props.color, "muted")} wrap="truncate-end">
            {showKeys ? "Press ? or Esc to close." : stateKeys ? hintLine(stateKeys, shownWidth - 1, STATE_GLOBAL_KEYS) : hintLine(entry.keys, shownWidth - 1)}
          </Text>
        </Box>
      </ScreenStatusContext.Provider>
    </ScreenKeysContext.Provider>
  );
}

function sameKeys(a: KeyHelp | undefined, b: KeyHelp | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every(([k, v], i) => b[i]![0] === k && b[i]![1] === v);
}

function KeysOverlay(props: { title: string; keys: ReadonlyArray<readonly [string, string]>; color: boolean }): React.JSX.Element {
  const pad = Math.max(...props.keys.map(([k]) => k.length));
  return (
    <Box flexDirection="column">
      <Text bold>Keys — {props.title}</Text>
      <Text> </Text>
      {props.keys.map(([k, a]) => (
        <Text key={k + a}>
          <Text bold color={tone(props.color, "accent")}>
            {k.padEnd(pad)}
          </Text>
          {"  "}
          {a}
        </Text>
      ))}
      <Text> </Text>
      <Text color={tone(props.color, "muted")}>Press ? or Esc to close.</Text>
    </Box>
  );
}
