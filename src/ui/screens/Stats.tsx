// Progress at a glance: today, streak, the 14-day forecast, readiness per exam domain against its
// weight, weakest topics, misconceptions and leeches. Read from the store once, in an effect just
// after the screen first draws (never in a render); a resize only lays the same figures out again.
import { Box, Text } from "ink";
import type React from "react";
import { useEffect, useMemo, useState } from "react";
import { statsLines } from "../../present/stats.js";
import { buildDeck, computeStats, deckMix, deckMixText, drillSettings } from "../../srs/index.js";
import { Lines, maxScroll } from "../components/Lines.js";
import type { ScreenProps } from "../screen-props.js";
import { useScreenInput } from "../screen-keys.js";
import { useProgressReady } from "../use-progress-ready.js";
import { SCREEN_KEYS } from "./keys.js";

export const keys = SCREEN_KEYS.stats;

export function StatsScreen(props: ScreenProps): React.JSX.Element {
  const ready = useProgressReady(props.progress);
  if (!ready) return <Text>Opening your progress…</Text>;
  return <StatsView {...props} />;
}

function StatsView(props: ScreenProps): React.JSX.Element {
  const store = props.progress.study;
  const now = (props.params?.now as (() => number) | undefined) ?? Date.now;
  const [read, setRead] = useState<{ stats: ReturnType<typeof computeStats>; at: number; mix: string } | undefined>(undefined);
  useEffect(() => {
    if (!store) return;
    const at = now();
    const deck = buildDeck(props.pack);
    const stats = computeStats(
      props.pack,
      deck,
      store.cardCache(),
      store.reviews(),
      at,
      drillSettings((k) => store.getSetting(k)).examDateText,
      props.progress.attempts(),
    );
    setRead({ stats, at, mix: deckMixText(deckMix(props.pack, deck)) });
  }, []);
  const lines = useMemo(
    () => (read ? [...statsLines(read.stats, props.width - 1, read.at), { text: "" }, { text: read.mix, tone: "muted" as const }] : []),
    [read, props.width],
  );
  const [scroll, setScroll] = useState(0);
  useScreenInput((input, key) => {
    if (key.downArrow || input === "j") setScroll((s) => Math.min(maxScroll(lines.length, props.height), s + 1));
    else if (key.upArrow || input === "k") setScroll((s) => Math.max(0, s - 1));
  });
  if (!store) {
    return (
      <Box flexDirection="column">
        <Text bold>Stats need the progress store</Text>
        <Text wrap="wrap">{props.progress.problem ?? "It could not be opened."}</Text>
      </Box>
    );
  }
  if (!read) return <Text>Reading your progress…</Text>;
  return <Lines lines={lines} height={props.height} scroll={scroll} color={props.color} />;
}
