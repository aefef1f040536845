// firstLine: the row a one-line view shows is the first row Ink's own wrap (wrap-ansi, hard,
// untrimmed) would give, for plain ASCII (the fast path) and anything else (wrap-ansi itself).
import wrapAnsi from "wrap-ansi";
import { describe, expect, it } from "vitest";
import { firstLine } from "../../src/present/lines.js";

const inkFirstRow = (text: string, width: number) => wrapAnsi(text, width, { hard: true, trim: false }).split("\n")[0]!.trimEnd();

describe("firstLine", () => {
  const texts = [
    "Before enforcing a stricter VPC endpoint policy everywhere, you want to see only the requests it would deny",
    "short",
    "a".repeat(200),
    `ab ${"c".repeat(150)} d`,
    `word ${"y".repeat(86)} z`,
    `${"w".repeat(86)} q`,
    "x ".repeat(100),
    "two  spaces  between  words  and  a  long  tail  of  them  going  on",
    "日本語のタイトルは二列ずつ 幅を取ります そして折り返されます",
  ];
  it.each([1, 5, 20, 47, 86, 87])("matches wrap-ansi's first row at width %i", (width) => {
    for (const t of texts) expect(firstLine(t, width), t).toBe(t.length <= width && /^[\x20-\x7e]*$/.test(t) ? t : inkFirstRow(t, width));
  });
});
