// Study browser: event types side by side, service cards, the decision tree, must-memorize.
import { Box, Text, useInput } from "ink";
import React, { useState } from "react";
import type { ScreenProps } from "../screen-props.js";
import { SCREEN_KEYS } from "./keys.js";
import { decisionTreeLines, eventTypeLines, mustMemorizeLines, serviceLines, STUDY_TABS, type Line, type StudyTab } from "../study-lines.js";
import { tone } from "../theme.js";

export const keys = SCREEN_KEYS.study;

export function StudyScreen(props: ScreenProps): React.JSX.Element {
  const startTab = props.params?.tab;
  const [tab, setTab] = useState<StudyTab>(startTab === 1 || startTab === 2 || startTab === 3 ? startTab : 0);
  const [scroll, setScroll] = useState(0);
  const [service, setService] = useState(() => Math.max(0, props.pack.services.findIndex((s) => s.id === props.params?.service)));
  const width = props.width - 1;
  const lines: Line[] =
    tab === 0 ? eventTypeLines(props.pack, width) : tab === 1 ? serviceLines(props.pack, service, width) : tab === 2 ? decisionTreeLines(props.pack, width) : mustMemorizeLines(props.pack, width);
  const room = Math.max(1, props.height - 3);
  const maxScroll = Math.max(0, lines.length - room);

  useInput((input, key) => {
    const digit = /^[1-4]$/.test(input) ? (Number(input) - 1) as StudyTab : undefined;
    const nextTab = digit ?? (key.rightArrow ? (((tab + 1) % 4) as StudyTab) : key.leftArrow ? (((tab + 3) % 4) as StudyTab) : undefined);
    if (nextTab !== undefined) {
      setTab(nextTab);
      setScroll(0);
    } else if (key.downArrow || input === "j") setScroll((s) => Math.min(maxScroll, s + 1));
    else if (key.upArrow || input === "k") setScroll((s) => Math.max(0, s - 1));
    else if (key.pageDown || input === " ") setScroll((s) => Math.min(maxScroll, s + room));
    else if (key.pageUp) setScroll((s) => Math.max(0, s - room));
    else if (tab === 1 && (input === "n" || input === "p")) {
      const n = props.pack.services.length;
      setService((i) => (input === "n" ? (i + 1) % n : (i - 1 + n) % n));
      setScroll(0);
    }
  });

  const shown = lines.slice(Math.min(scroll, maxScroll), Math.min(scroll, maxScroll) + room);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        {STUDY_TABS.map((t, i) => (
          <Text key={t} bold={i === tab} color={i === tab ? tone(props.color, "accent") : tone(props.color, "muted")}>
            {i === tab ? `[${i + 1} ${t}]` : ` ${i + 1} ${t} `}{"  "}
          </Text>
        ))}
      </Text>
      <Text color={tone(props.color, "muted")} wrap="truncate-end">
        {tab === 1 ? `Service ${service + 1} of ${props.pack.services.length} (n/p)` : ""}
        {lines.length > room ? `${tab === 1 ? " · " : ""}lines ${Math.min(scroll, maxScroll) + 1}–${Math.min(lines.length, scroll + room)} of ${lines.length}` : ""}
      </Text>
      {shown.map((l, i) => (
        <Text key={i} bold={l.bold} color={l.tone ? tone(props.color, l.tone) : undefined} wrap="truncate-end">
          {l.text || " "}
        </Text>
      ))}
    </Box>
  );
}
