// Study browser: event types side by side, service cards, the decision tree, must-memorize.
import { Box, Text } from "ink";
import type React from "react";
import { useLatestReducer } from "../components/use-latest-reducer.js";
import { useScreenInput } from "../screen-keys.js";
import type { ScreenProps } from "../screen-props.js";
import { SCREEN_KEYS } from "./keys.js";
import { decisionTreeLines, eventTypeLines, mustMemorizeLines, serviceLines, STUDY_TABS, type Line, type StudyTab } from "../../present/study-lines.js";
import { tone } from "../theme.js";

export const keys = SCREEN_KEYS.study;

export function StudyScreen(props: ScreenProps): React.JSX.Element {
  const startTab = props.params?.tab;
  // One state, updated from what the previous key left: "2" then "n" at once moves to service 2.
  const [state, update] = useLatestReducer(() => ({
    tab: (startTab === 1 || startTab === 2 || startTab === 3 ? startTab : 0) as StudyTab,
    scroll: 0,
    service: Math.max(
      0,
      props.pack.services.findIndex((s) => s.id === props.params?.service),
    ),
  }));
  const { tab, scroll, service } = state;
  const width = props.width - 1;
  const linesFor = (t: StudyTab, svc: number): Line[] =>
    t === 0
      ? eventTypeLines(props.pack, width)
      : t === 1
        ? serviceLines(props.pack, svc, width)
        : t === 2
          ? decisionTreeLines(props.pack, width)
          : mustMemorizeLines(props.pack, width);
  const lines = linesFor(tab, service);
  const room = Math.max(1, props.height - 3);
  const maxScroll = Math.max(0, lines.length - room);

  useScreenInput((input, key) => {
    update((s) => {
      const digit = /^[1-4]$/.test(input) ? ((Number(input) - 1) as StudyTab) : undefined;
      const nextTab = digit ?? (key.rightArrow ? (((s.tab + 1) % 4) as StudyTab) : key.leftArrow ? (((s.tab + 3) % 4) as StudyTab) : undefined);
      if (nextTab !== undefined) return { ...s, tab: nextTab, scroll: 0 };
      if (s.tab === 1 && (input === "n" || input === "p")) {
        const n = props.pack.services.length;
        return { ...s, service: input === "n" ? (s.service + 1) % n : (s.service - 1 + n) % n, scroll: 0 };
      }
      const max = Math.max(0, linesFor(s.tab, s.service).length - room);
      if (key.downArrow || input === "j") return { ...s, scroll: Math.min(max, s.scroll + 1) };
      if (key.upArrow || input === "k") return { ...s, scroll: Math.max(0, s.scroll - 1) };
      if (key.pageDown || input === " ") return { ...s, scroll: Math.min(max, s.scroll + room) };
      if (key.pageUp) return { ...s, scroll: Math.max(0, s.scroll - room) };
      return s;
    });
  });

  const shown = lines.slice(Math.min(scroll, maxScroll), Math.min(scroll, maxScroll) + room);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        {STUDY_TABS.map((t, i) => (
          <Text key={t} bold={i === tab} color={i === tab ? tone(props.color, "accent") : tone(props.color, "muted")}>
            {i === tab ? `[${i + 1} ${t}]` : ` ${i + 1} ${t} `}
            {"  "}
          </Text>
        ))}
      </Text>
      <Text color={tone(props.color, "muted")} wrap="truncate-end">
        {tab === 1 ? `Service ${service + 1} of ${props.pack.services.length} (n/p)` : ""}
        {lines.length > room
          ? `${tab === 1 ? " · " : ""}lines ${Math.min(scroll, maxScroll) + 1}–${Math.min(lines.length, scroll + room)} of ${lines.length}`
          : ""}
      </Text>
      {shown.map((l, i) => (
        <Text key={i} bold={l.bold} color={l.tone ? tone(props.color, l.tone) : undefined} wrap="truncate-end">
          {l.text || " "}
        </Text>
      ))}
    </Box>
  );
}
