// A numbered list with a pointer: the same look for menus, quiz options and reasons. The number is
// always shown, so a choice never depends on seeing the highlight.
import { Box, Text } from "ink";
import { visible } from "../../shell/sanitize.js";
import type React from "react";
import { memo } from "react";
import { MARK, tone, type Tone } from "../theme.js";

export interface ChoiceItem {
  label: string;
  /** Extra text after the label, dimmed (e.g. a screen's one-line description). */
  detail?: string;
  /** A text mark shown before the label, e.g. ✓ or ✗ after grading. */
  mark?: string;
  tone?: Tone;
}

/**
 * `offset`: the number of the first item shown, minus one, when the list is a window onto a longer one.
 * Each row is memoised on its own text and state: moving the pointer redraws the two rows it leaves
 * and reaches, not the list.
 */
export function ChoiceList(props: {
  items: ChoiceItem[];
  selected: number;
  color: boolean;
  width: number;
  numbered?: boolean;
  offset?: number;
}): React.JSX.Element {
  const numbered = props.numbered ?? true;
  const offset = props.offset ?? 0;
  return (
    <Box flexDirection="column" width={props.width}>
      {props.items.map((item, i) => {
        const active = i === props.selected;
        const prefix = `${active ? MARK.pointer : " "} ${numbered ? `${i + offset + 1}. ` : ""}${item.mark ? item.mark + " " : ""}`;
        return <ChoiceRow key={i} prefix={prefix} active={active} color={props.color} label={item.label} detail={item.detail} tone={item.tone} />;
      })}
    </Box>
  );
}

const ChoiceRow = memo(function ChoiceRow(props: {
  prefix: string;
  active: boolean;
  color: boolean;
  label: string;
  detail: string | undefined;
  tone: Tone | undefined;
}): React.JSX.Element {
  const { active } = props;
  return (
    <Box flexDirection="row">
      <Text color={active ? tone(props.color, "accent") : undefined} bold={active}>
        {props.prefix}
      </Text>
      <Box flexShrink={1}>
        <Text wrap="wrap" color={props.tone ? tone(props.color, props.tone) : active ? tone(props.color, "accent") : undefined} bold={active}>
          {visible(props.label)}
          {props.detail ? <Text color={tone(props.color, "muted")} bold={false}>{`  ${visible(props.detail)}`}</Text> : null}
        </Text>
      </Box>
    </Box>
  );
});

/** Move a selection with arrows/j/k (wrapping) or pick by number; returns the new index or undefined. */
export function moveSelection(input: string, key: { upArrow: boolean; downArrow: boolean }, selected: number, count: number): number | undefined {
  if (count === 0) return undefined;
  if (key.upArrow || input === "k") return (selected - 1 + count) % count;
  if (key.downArrow || input === "j") return (selected + 1) % count;
  return undefined;
}

/** The index a digit key names (1-based on screen), or undefined. */
export function digitChoice(input: string, count: number): number | undefined {
  if (!/^[1-9]$/.test(input)) return undefined;
  const n = Number(input) - 1;
  return n < count ? n : undefined;
}
