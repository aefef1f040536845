// The first screen: the pack's title, due cards once drills exist, and the menu of screens.
import { Box, Text, useInput } from "ink";
import React, { useState } from "react";
import type { ScreenName, ScreenProps } from "../screen-props.js";
import { SCREEN_KEYS } from "./keys.js";
import { ChoiceList, digitChoice, moveSelection } from "../components/ChoiceList.js";
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
  const [selected, setSelected] = useState(0);
  // The store opens just after the first frame: the due count appears when it has.
  const ready = useProgressReady(props.progress);
  const due = ready ? props.progress.dueCount?.(new Date()) : undefined;
  const menu = menuFor(props.pack);
  useInput((input, key) => {
    if (moveSelection(input, key, 0, menu.length) !== undefined) return setSelected((s) => moveSelection(input, key, s, menu.length) ?? s);
    const picked = key.return ? selected : digitChoice(input, menu.length);
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
