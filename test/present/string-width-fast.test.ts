// The bundle's fast path for string-width (scripts/string-width-fast.mjs) must give what
// string-width gives: every character it counts as one column is one column in every copy of
// string-width the bundle holds, alone and between others, and the patch still applies.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import stringWidth8 from "string-width";
import { describe, expect, it } from "vitest";
// @ts-expect-error a plain .mjs build helper, without types
import { ONE_COLUMN, SGR, withFastPath } from "../../scripts/string-width-fast.mjs";
import fc from "fast-check";

const ROOT = join(import.meta.dirname, "../..");
const copies = [join(ROOT, "node_modules/string-width/index.js"), join(ROOT, "node_modules/wrap-ansi/node_modules/string-width/index.js")].filter((f) =>
  existsSync(f),
);

const chars = (cls: string): string[] => {
  const out: string[] = [];
  const cps = [...cls];
  for (let i = 0; i < cps.length; i++) {
    const from = cps[i]!.codePointAt(0)!;
    const to = cps[i + 1] === "-" ? cps[(i += 2)]!.codePointAt(0)! : from;
    for (let c = from; c <= to; c++) out.push(String.fromCodePoint(c));
  }
  return out;
};

describe("string-width's fast path in the bundle", () => {
  const oneColumn = chars(ONE_COLUMN as string);

  it("counts as one column only what every string-width copy counts so", async () => {
    expect(oneColumn.length).toBeGreaterThan(1000);
    const widths = [stringWidth8, ...(await Promise.all(copies.slice(1).map(async (f) => (await import(f)).default as typeof stringWidth8)))];
    for (const width of widths) {
      for (const ch of oneColumn) {
        expect(width(ch), `U+${ch.codePointAt(0)!.toString(16)}`).toBe(1);
        expect(width(`a${ch}1`), `U+${ch.codePointAt(0)!.toString(16)} between others`).toBe(3);
      }
      const line = `${oneColumn.join("")} 1. Study ─│↑↓·… #*0`;
      expect(width(line)).toBe(line.length);
    }
  });

  it("measures styled one-column text as every copy does: its length once the colour codes are out", async () => {
    const widths = [stringWidth8, ...(await Promise.all(copies.slice(1).map(async (f) => (await import(f)).default as typeof stringWidth8)))];
    const sgr = new RegExp(SGR, "g");
    const styled = new RegExp(`^(?:[\\u0020-\\u007E${ONE_COLUMN}]|${SGR})*$`);
    const codes = [
      "\u001B[1m",
      "\u001B[22m",
      "\u001B[m",
      "\u001B[0m",
      "\u001B[1;4;33m",
      "\u001B[38;5;208m",
      "\u001B[38;2;255;0;10m",
      "\u001B[9999m",
      "\u001B[12345m",
      "\u001B[;1m",
    ];
    const piece = fc.oneof(fc.constantFrom(...codes), fc.constantFrom(...oneColumn), fc.constantFrom(..."ab 1;m[\\"));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const s = pieces.join("");
        // Only what the fast path takes (so not \u001B[12345m or \u001B[;1m) is held to its length.
        if (!styled.test(s)) return;
        for (const width of widths) expect(width(s), JSON.stringify(s)).toBe(s.replace(sgr, "").length);
      }),
      { numRuns: 3000 },
    );
    expect(styled.test("\u001B[1m\u001B[36m› 1. Study\u001B[39m\u001B[22m ─│↑↓·…")).toBe(true);
  });

  it("still applies to each copy's source, and leaves the rest to string-width", () => {
    for (const file of copies) {
      const patched = withFastPath(readFileSync(file, "utf8")) as string | undefined;
      expect(patched, file).toBeDefined();
      expect(patched).toContain("function stringWidthFull(");
      expect(patched).toContain("options.ambiguousIsNarrow !== false");
      expect(patched).not.toContain("const segmenter = new Intl.Segmenter();");
    }
    expect(withFastPath("export const x = 1;")).toBeUndefined();
  });
});
