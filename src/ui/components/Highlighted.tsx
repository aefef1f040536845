// The requirement with its keywords marked: bold + underline (visible without colour too).
import { Text } from "ink";
import type React from "react";
import { tone } from "../theme.js";
import { highlightSpans } from "../../present/highlight.js";

export function Highlighted(props: { text: string; keywords: string[]; color: boolean }): React.JSX.Element {
  const spans = highlightSpans(props.text, props.keywords);
  return (
    <Text wrap="wrap">
      {spans.map((s, i) =>
        s.hit ? (
          <Text key={i} bold underline color={tone(props.color, "warn")}>
            {s.text}
          </Text>
        ) : (
          <Text key={i}>{s.text}</Text>
        ),
      )}
    </Text>
  );
}
