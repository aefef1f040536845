// Keys and commands, for a learner who opened Help from the menu.
import { Box, Text } from "ink";
import type React from "react";
import { GLOBAL_KEYS } from "../key-help.js";
import type { ScreenProps } from "../screen-props.js";
import { SCREEN_KEYS } from "./keys.js";
import { tone } from "../theme.js";

export const keys = SCREEN_KEYS.help;

const COMMANDS: ReadonlyArray<[string, string]> = [
  ["quiz [--topic T] [--count N] [--typed]", "a quiz; --plain reads answers line by line"],
  ["exam [--count N] [--minutes M]", "a timed practice exam"],
  ["drill", "today's spaced-repetition cards"],
  ["simulate --action s3:GetObject", "which event type records a call, and where"],
  ["explain FILE", "classify real CloudTrail records"],
  ["search TEXT", "find scenarios, facts, services, actions"],
  ["validate [PATH]", "check a content pack (file:line:col)"],
];

export function HelpScreen(props: ScreenProps): React.JSX.Element {
  return (
    <Box flexDirection="column">
      <Text bold>Help · {props.pack.meta.title}</Text>
      <Text wrap="wrap">
        Every screen lists its keys at the bottom; press ? on any screen for the full list. Choices are numbered: press the number or move with ↑ ↓ and press
        Enter.
      </Text>
      <Text> </Text>
      <Text bold color={tone(props.color, "accent")}>
        Everywhere
      </Text>
      {GLOBAL_KEYS.map(([k, a]) => (
        <Text key={k}>
          {"  "}
          {k.padEnd(5)} {a}
        </Text>
      ))}
      <Text> </Text>
      <Text bold color={tone(props.color, "accent")}>
        From the command line (cloudtrail-tutor …)
      </Text>
      {COMMANDS.filter(([c]) => props.pack.actions.length > 0 || !/^(simulate|explain)\b/.test(c))
        .slice(0, Math.max(0, props.height - 9))
        .map(([c, d]) => (
          <Text key={c} wrap="truncate-end">
            {"  "}
            {c}
            <Text color={tone(props.color, "muted")}>{`  ${d}`}</Text>
          </Text>
        ))}
    </Box>
  );
}
