// The shell every screen lives in: a stack of screens (home at the bottom), the keys that work
// everywhere (q quits, Esc goes back, ? shows the current screen's keys), the hint bar, and the
// "terminal too small" notice. It decides nothing about CloudTrail; screens call the engines.
import { Box, Text, useApp, useInput } from "ink";
import React, { Suspense, useCallback, useEffect, useRef, useState } from "react";
import type { Pack } from "../content/pack.js";
import type { ProgressPort } from "../store/port.js";
import { GLOBAL_KEYS, hintLine } from "./key-help.js";
import { ScreenKeysContext, type ScreenKeyHandlers } from "./screen-keys.js";
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
  const register = useCallback((h: ScreenKeyHandlers) => {
    handlers.current = h;
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

  useInput((input, key) => {
    if (handlers.current.typing) return;
    if (input === "q" && !key.ctrl && !key.meta) {
      if (!handlers.current.onQuit?.()) exit();
      return;
    }
    if (input === "?") {
      setShowKeys((v) => !v);
      return;
    }
    if (key.escape) {
      if (showKeys) setShowKeys(false);
      else if (!handlers.current.onEscape?.()) back();
    }
  });

  if (width < MIN_WIDTH || height < MIN_HEIGHT) {
    return (
      <Box flexDirection="column">
        <Text bold>Terminal too small</Text>
        <Text wrap="wrap">
          cloudtrail-tutor needs at least {MIN_WIDTH}×{MIN_HEIGHT}; this one is {width}×{height}. Enlarge the window (or press q to quit).
        </Text>
      </Box>
    );
  }

  const Screen = entry.component;
  const bodyHeight = height - 2;
  return (
    <ScreenKeysContext.Provider value={register}>
      <Box flexDirection="column" width={width} height={height}>
        <Box height={bodyHeight} flexDirection="column" overflow="hidden">
          {showKeys ? (
            <KeysOverlay title={entry.title} keys={[...entry.keys, ...GLOBAL_KEYS]} color={props.color} />
          ) : (
            <Suspense fallback={<Text color={tone(props.color, "muted")}>Loading {entry.title}…</Text>}>
            <Screen
              key={top.key}
              pack={props.pack}
              progress={props.progress}
              width={width}
              height={bodyHeight}
              color={props.color}
              back={back}
              open={open}
              params={top.params}
            />
            </Suspense>
          )}
        </Box>
        <Text color={tone(props.color, "muted")} wrap="truncate-end">
          {"─".repeat(Math.max(0, width - 1))}
        </Text>
        <Text color={tone(props.color, "muted")} wrap="truncate-end">
          {hintLine(entry.keys, width - 1)}
        </Text>
      </Box>
    </ScreenKeysContext.Provider>
  );
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
