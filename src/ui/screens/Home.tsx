// The first screen: the pack's title, due cards once drills exist, and the menu of screens.
import { Box, Text } from "ink";
import type React from "react";
import { useEffect, useRef, useState } from "react";
import type { ScreenName, ScreenProps } from "../screen-props.js";
import { SCREEN_KEYS } from "./keys.js";
import { ChoiceList, digitChoice, moveSelection } from "../components/ChoiceList.js";
import { useScreenInput, useScreenKeys } from "../screen-keys.js";
import { tone } from "../theme.js";
import { useProgressReady } from "../use-progress-ready.js";

export const MENU: ReadonlyArray<{ screen: ScreenName; label: string; detail: string }> = [
  { screen: "study", label: "Study", detail: "event types, services, decision tree, must-memorize" },
  { screen: "quiz", label: "Quiz", detail: "map requirements to the right answer; see why distractors fail" },
  { screen: "exam", label: "Exam", detail: "timed practice exam with review and per-domain results" },
  { screen: "drill", label: "Drill", detail: "spaced repetition of every card" },
  { screen: "simulate", label: "Simulate", detail: "which event type records an API call, and where it lands" },
  { screen: "search", label: "Search", detail: "find any scenario, fact, service or action" },
  { screen: "stats", label: "Stats", detail: "your progress by domain" },
  { screen: "help", label: "Help", detail: "keys and commands" },
];

/** The menu for a pack: screens that need data the pack lacks are left out (Simulate: a simulator catalog). */
export function menuFor(pack: ScreenProps["pack"]): typeof MENU {
  return MENU.filter((m) => m.screen !== "simulate" || pack.actions.length > 0);
}

export const keys = SCREEN_KEYS.home;

export function HomeScreen(props: ScreenProps): React.JSX.Element {
  // The selection as of the last key (a ref, so a key right after another sees its move).
  const at = useRef(0);
  const [selected, setSelected] = useState(0);
  // The store opens just after the first frame: the due count appears when it has. It is read once
  // then, never in a render (a count over every drilled card is too slow for each keystroke).
  const ready = useProgressReady(props.progress);
  const menu = menuFor(props.pack);
  const [due, setDue] = useState<number | undefined>(undefined);
  useEffect(() => {
    if (ready) setDue(props.progress.dueCount?.(new Date()));
  }, [ready, props.progress]);
  // Esc has nowhere to go back to from here: the hint bar lists only what works.
  useScreenKeys({ keys: [...keys, ["q", "quit"]] });
  useScreenInput((input, key) => {
    const moved = moveSelection(input, key, at.current, menu.length);
    if (moved !== undefined) {
      at.current = moved;
      return setSelected(moved);
    }
    const picked = key.return ? at.current : digitChoice(input, menu.length);
    if (picked !== undefined) props.open(menu[picked]!.screen);
  });
  const wide = props.width >= 90;
  return (
    <Box flexDirection="column">
      <Text bold color={tone(props.color, "accent")}>
        {props.pack.meta.title}
      </Text>
      <Text color={tone(props.color, "muted")} wrap="wrap">
        {props.pack.scenarios.length} scenarios · {props.pack.facts.length} facts · {props.pack.actions.length} API actions
        {due !== undefined ? ` · ${due} card${due === 1 ? "" : "s"} due for drill` : ""}
      </Text>
      <Text> </Text>
      <ChoiceList
        items={menu.map((m) => ({ label: m.label, detail: wide ? m.detail : undefined }))}
        selected={selected}
        color={props.color}
        width={props.width}
      />
    </Box>
  );
}
