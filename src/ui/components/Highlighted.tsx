// The requirement with its keywords marked: bold + underline (visible without colour too).
import { Text } from "ink";
import type React from "react";
import { memo, useMemo } from "react";
import { tone } from "../theme.js";
import { highlightSpans } from "../../present/highlight.js";

/** Memoised: a question's stem is the same on every key that only moves the pointer. */
export const Highlighted = memo(function Highlighted(props: { text: string; keywords: string[]; color: boolean }): React.JSX.Element {
  const spans = useMemo(() => highlightSpans(props.text, props.keywords), [props.text, props.keywords]);
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
});
