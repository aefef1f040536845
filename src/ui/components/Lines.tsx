// Pre-wrapped lines in a window of fixed height: feedback, results and long text never overflow
// the terminal (Ink redraws badly when a frame is taller than the window); ↑/↓ scroll.
import { Box, Text } from "ink";
import type React from "react";
import type { Line } from "../../present/lines.js";
import { visible } from "../../shell/sanitize.js";
import { tone } from "../theme.js";

export function Lines(props: { lines: readonly Line[]; height: number; scroll: number; color: boolean }): React.JSX.Element {
  const room = Math.max(1, props.height);
  const more = props.lines.length > room;
  // With more lines than room, one row is the position line: the text gets the rest, and the last
  // scroll offset is the one that shows the last line.
  const rows = more ? Math.max(1, room - 1) : room;
  const from = Math.min(Math.max(0, props.scroll), maxScroll(props.lines.length, room));
  const shown = props.lines.slice(from, from + rows);
  return (
    <Box flexDirection="column">
      {shown.map((l, i) => (
        <Text key={i} bold={l.bold} color={l.tone ? tone(props.color, l.tone) : undefined} wrap="truncate-end">
          {visible(l.text) || " "}
        </Text>
      ))}
      {more ? (
        <Text color={tone(props.color, "muted")} wrap="truncate-end">
          {`── lines ${from + 1}–${from + shown.length} of ${props.lines.length} · ↑ ↓ scroll ──`}
        </Text>
      ) : null}
    </Box>
  );
}

/** Largest useful scroll offset for `count` lines in `height` rows (one of them the position line). */
export function maxScroll(count: number, height: number): number {
  const room = Math.max(1, height);
  return count <= room ? 0 : Math.max(0, count - Math.max(1, room - 1));
}
