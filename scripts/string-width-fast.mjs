// A build-time fast path for string-width (Ink's, wrap-ansi's and ours). For text outside printable
// ASCII it segments graphemes and runs Unicode-property regexes (\p{RGI_Emoji} costs tens of ms to
// compile), and its module creates an Intl.Segmenter on import: about 50 ms before the home screen's
// first frame, whose lines are all box drawing, arrows and middle dots. Text made only of the
// characters below is as wide as it is long: each is one column in every string-width copy the
// bundle holds (printable ASCII aside, they were listed by asking string-width itself, and
// test/present/string-width-fast.test.ts checks every one against it), and none joins, combines or
// starts an emoji sequence, so each is a grapheme of its own. The Segmenter and the emoji regex
// are made on first use. Text styled with colour codes (SGR) and otherwise made of those characters,
// which is what Ink measures for every coloured line, takes the same path once the codes are out.

/** One-column characters beyond printable ASCII (no marks, formats, emoji or emoji components). */
export const ONE_COLUMN =
  "\u00A0-\u00A8\u00AA-\u00AC\u00AF-\u00FF\u2010-\u2027\u202F-\u203B\u203D-\u2048\u204A-\u205E\u2190-\u2193\u219A-\u21A8\u21AB-\u2319\u231C-\u2327\u232B-\u23CE\u23D0-\u23E8\u23F4-\u23F7\u23FB-\u23FF\u2500-\u25A9\u25AC-\u25B5\u25B7-\u25BF\u25C1-\u25FA\u25FF\u2700-\u2701\u2703-\u2704\u2706-\u2707\u270E\u2710-\u2711\u2713\u2715\u2717-\u271C\u271E-\u2720\u2722-\u2727\u2729-\u2732\u2735-\u2743\u2745-\u2746\u2748-\u274B\u274D\u274F-\u2752\u2756\u2758-\u2762\u2765-\u2794\u2798-\u27A0\u27A2-\u27AF\u27B1-\u27BE";

/**
 * A colour or style code (SGR) as strip-ansi removes it whole, which string-width does before it
 * measures: up to four digits a parameter, as its ansi-regex reads them. Styled text made of
 * one-column characters is as wide as it is long once these are taken out.
 */
export const SGR = "\\u001B\\[(?:\\d{1,4}(?:;\\d{0,4})*)?m";

const EXPORT = "export default function stringWidth(";
const SEGMENTER = "const segmenter = new Intl.Segmenter();";
// Building this one takes V8 about 35 ms (the set of every RGI emoji sequence): made on first use too.
const RGI_EMOJI = "const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;";

/** string-width's source with the fast path, or undefined when its source no longer has the expected shape. */
export function withFastPath(source) {
  if (!source.includes(EXPORT) || !source.includes(SEGMENTER)) return undefined;
  return [
    source
      .replace(SEGMENTER, "let segmenterMade;\nconst segmenter = { segment: (s) => (segmenterMade ??= new Intl.Segmenter()).segment(s) };")
      .replace(RGI_EMOJI, 'let rgiEmojiMade;\nconst rgiEmojiRegex = { test: (s) => (rgiEmojiMade ??= new RegExp("^\\\\p{RGI_Emoji}$", "v")).test(s) };')
      .replace(EXPORT, "function stringWidthFull("),
    `const ONE_COLUMN_TEXT = /^[\\u0020-\\u007E${ONE_COLUMN}]*$/;`,
    `const STYLED_ONE_COLUMN_TEXT = /^(?:[\\u0020-\\u007E${ONE_COLUMN}]|${SGR})*$/;`,
    `const SGR = /${SGR}/g;`,
    "export default function stringWidth(input, options = {}) {",
    "  if (typeof input === 'string' && options.ambiguousIsNarrow !== false) {",
    "    if (ONE_COLUMN_TEXT.test(input)) return input.length;",
    "    if (!options.countAnsiEscapeCodes && STYLED_ONE_COLUMN_TEXT.test(input)) return input.replace(SGR, '').length;",
    "  }",
    "  return stringWidthFull(input, options);",
    "}",
  ].join("\n");
}
