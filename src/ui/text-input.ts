// One-line text entry (typed answers, search, the action picker), as pure functions of a key.

export interface EditKey {
  backspace: boolean;
  delete: boolean;
  ctrl: boolean;
  meta: boolean;
}

/** Does this key edit the line (a character, or Backspace)? Enter, arrows, Esc and Ctrl+… do not. */
export function isLineEdit(input: string, key: EditKey): boolean {
  return key.backspace || key.delete || (input !== "" && !key.ctrl && !key.meta);
}

/** The line after a key (unchanged when the key does not edit it), at most `max` characters. */
export function editLine(line: string, input: string, key: EditKey, max: number): string {
  if (key.backspace || key.delete) return line.slice(0, -1);
  return isLineEdit(input, key) ? (line + input).slice(0, max) : line;
}
