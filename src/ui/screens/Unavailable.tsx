// Stand-in for a screen this build does not have, saying where to go instead.
import { Box, Text } from "ink";
import React from "react";
import type { KeyHelp } from "../key-help.js";
import type { ScreenProps } from "../screen-props.js";

export const keys: KeyHelp = [];

export function unavailable(title: string, instead: string): (props: ScreenProps) => React.JSX.Element {
  return function UnavailableScreen() {
    return (
      <Box flexDirection="column">
        <Text bold>{title}</Text>
        <Text wrap="wrap">Not available in this build yet. {instead}</Text>
        <Text wrap="wrap">Press Esc to go back.</Text>
      </Box>
    );
  };
}
