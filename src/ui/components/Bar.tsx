// A horizontal bar with its numbers spelled out, for per-domain results.
import { Text } from "ink";
import type React from "react";
import { tone } from "../theme.js";
import { barCells } from "../../present/highlight.js";

export function Bar(props: {
  label: string;
  correct: number;
  total: number;
  passMark: number;
  width: number;
  color: boolean;
  labelWidth: number;
}): React.JSX.Element {
  const ratio = props.total === 0 ? 0 : props.correct / props.total;
  const cells = Math.max(10, Math.min(30, props.width - props.labelWidth - 18));
  const { filled, empty } = barCells(ratio, cells);
  const ok = ratio >= props.passMark;
  return (
    <Text wrap="truncate-end">
      {props.label.padEnd(props.labelWidth)} <Text color={tone(props.color, ok ? "good" : "bad")}>{filled}</Text>
      <Text color={tone(props.color, "muted")}>{empty}</Text> {String(Math.round(ratio * 100)).padStart(3)}% ({props.correct}/{props.total})
    </Text>
  );
}
