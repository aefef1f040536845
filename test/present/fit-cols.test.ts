// fitCols cuts plain ASCII by length (its fast path): the result is what the general path, which
// measures columns with string-width and cuts with wrap-ansi, gives for the same text and width.
import stringWidth from "string-width";
import wrapAnsi from "wrap-ansi";
import { describe, expect, it } from "vitest";
import { fitCols } from "../../src/present/lines.js";

/** The general path, written out: measure in columns, cut with wrap-ansi, end in "…". */
function general(text: string, width: number, pad: boolean): string {
  const fits = stringWidth(text) <= width;
  const cut = fits ? text : `${wrapAnsi(text, Math.max(1, width - 1), { hard: true, trim: false, wordWrap: false }).split("\n")[0]!}…`;
  return pad ? cut + " ".repeat(Math.max(0, width - stringWidth(cut))) : cut;
}

describe("fitCols", () => {
  const texts = [
    "Before enforcing a stricter VPC endpoint policy everywhere, you want to see only the requests it would deny",
    "short",
    "a".repeat(200),
    `word ${"y".repeat(86)} z`,
    "x ".repeat(100),
    "two  spaces  between  words",
    "",
  ];
  it.each([2, 5, 20, 47, 86, 87])("cuts ASCII as the general path does, at width %i", (width) => {
    for (const t of texts) for (const pad of [false, true]) expect(fitCols(t, width, pad), JSON.stringify(t)).toBe(general(t, width, pad));
  });

  it("never takes more columns than given, for ASCII and for wide text", () => {
    for (const t of ["a".repeat(120), "日本語のタイトルは二列ずつ幅を取ります", "emoji 🙂 in a title that is long enough to cut"])
      for (const w of [3, 10, 33]) expect(stringWidth(fitCols(t, w))).toBeLessThanOrEqual(w);
  });
});
