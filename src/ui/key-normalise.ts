// What reaches Ink from the keyboard, normalised: Ink 6.8 crashes on a control sequence it knows no
// name for (Ctrl+F1 is ESC [1;5P: `input.startsWith` on undefined in use-input.js), so only the
// sequences our screens use pass — arrows, Home/End, Page Up/Down, Insert/Delete, Shift+Tab, Esc,
// Alt+key — and every other CSI or SS3 sequence (function keys with modifiers, mouse reports,
// focus events, terminal replies…) is dropped. A paste arrives as one piece of text (bracketed
// paste, or a long run of characters in one read) instead of thousands of keys, with its line
// breaks and tabs as spaces and any other control character removed. Pure.

export const CTRL_C = "\u0003";
export const PASTE_START = "\u001b[200~";
export const PASTE_END = "\u001b[201~";
/** A run of at least this many printable characters in one read is a paste, not typing. */
export const PASTE_RUN = 64;
/** A paste is cut to this many characters (no field takes more). */
export const PASTE_MAX = 4096;

const KNOWN_SEQUENCE = [
  /^\u001b$/, // Esc
  /^\u001b\[[ABCDHFZ]$/, // arrows, Home, End, Shift+Tab
  /^\u001bO[ABCDHF]$/, // the same in application mode
  /^\u001b\[1;[2-8][ABCDHF]$/, // with Shift/Alt/Ctrl
  /^\u001b\[[1-8]~$/, // Home, Insert, Delete, End, Page Up, Page Down (and rxvt's Home/End)
  /^\u001b\[[1-8];[2-8]~$/, // the same with modifiers
  /^\u001b[\u0020-\u004e\u0050-\u005a\u005c-\u007e]$/, // Alt+key (not a lone "ESC [" or "ESC O")
];

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function isPrintable(key: string): boolean {
  return !CONTROL.test(key);
}

/** A pasted text as one key: line breaks and tabs become spaces, other controls go. */
export function pasteText(raw: string): string {
  // eslint-disable-next-line no-control-regex
  return raw
    .replace(/\r\n|[\r\n\t]/g, " ")
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, "")
    .slice(0, PASTE_MAX);
}

/** Is this one key (from `splitKeys`) something Ink can take without crashing? */
export function isKnownKey(key: string): boolean {
  if (!key.startsWith("\u001b")) return true;
  return KNOWN_SEQUENCE.some((re) => re.test(key));
}

/**
 * The keys of one read, normalised: unknown escape sequences dropped, a bracketed paste (or a run of
 * PASTE_RUN+ printable characters) merged into one text key. `pasting` carries a bracketed paste
 * that spans reads; pass the returned state back with the next read.
 */
export function normaliseKeys(
  keys: readonly string[],
  pasting: { text: string } | undefined = undefined,
): { keys: string[]; pasting: { text: string } | undefined } {
  const out: string[] = [];
  let paste = pasting;
  let run: string[] = [];
  const flushRun = () => {
    if (run.length >= PASTE_RUN) out.push(pasteText(run.join("")));
    else out.push(...run);
    run = [];
  };
  for (const key of keys) {
    if (paste) {
      if (key === PASTE_END) {
        const text = pasteText(paste.text);
        if (text) out.push(text);
        paste = undefined;
      } else if (paste.text.length < PASTE_MAX * 2) paste.text += key;
      continue;
    }
    if (key === PASTE_START) {
      flushRun();
      paste = { text: "" };
      continue;
    }
    if (key.length >= 1 && !key.startsWith("\u001b") && isPrintable(key)) {
      run.push(key);
      continue;
    }
    flushRun();
    if (isKnownKey(key)) out.push(key);
  }
  flushRun();
  return { keys: out, pasting: paste };
}
