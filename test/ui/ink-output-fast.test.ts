// The bundle composes every frame with scripts/ink-output-fast.mjs instead of Ink's own Output. It
// must give Ink's frame exactly, whatever the screen writes: random frames of styled, linked, wide,
// combining and emoji text, written anywhere (also off the edges), clipped and transformed, must
// come out of both character for character. And it may stand in only for the Ink file it was
// written against.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
// @ts-expect-error a plain .mjs build helper, without types
import FastOutput, { FAST_LINE, INK_OUTPUT_SHA256 } from "../../scripts/ink-output-fast.mjs";

const INK_OUTPUT = join(import.meta.dirname, "../../node_modules/ink/build/output.js");
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);

type Transformer = (line: string, index: number) => string;
type Op =
  | { type: "write"; x: number; y: number; text: string; transformers: number[] }
  | { type: "clip"; clip: { x1?: number; x2?: number; y1?: number; y2?: number } }
  | { type: "unclip" };

// What Ink's own components write: chalk's styles (bold, dim, colours, inverse), with their closing
// codes; and what a screen's text may hold beyond that.
const PIECES = [
  ..."abc XYZ 019.,:;!?#*()[]-_/|'\"",
  ..."─│↑↓·…›❯✓✗●○•→«»©é",
  "\u001B[1m",
  "\u001B[22m",
  "\u001B[2m",
  "\u001B[31m",
  "\u001B[32m",
  "\u001B[39m",
  "\u001B[7m",
  "\u001B[27m",
  "\u001B[4m",
  "\u001B[24m",
  "\u001B[0m",
  "\u001B[m",
  "\u001B[1;31m",
  "\u001B[38;5;12m",
  "\u001B[38;2;1;2;3m",
  "\u001B[48;5;3m",
  "\u001B[49m",
  "\u001B]8;;https://docs.aws.amazon.com\u0007",
  "\u001B]8;;\u0007",
  "中",
  "字",
  "😀",
  "👍🏽",
  "👨‍👩‍👧",
  "🇩🇪",
  "⌚",
  "❤️",
  "e\u0301",
  "\u0301",
  "\u200D",
  "\uFE0F",
  "\t",
  "\r",
  "\u001B",
  "\u009B",
  "\u001B[?25l",
  "\u001B[",
  "\n",
];
const TRANSFORMERS: Transformer[] = [
  (s) => `\u001B[1m${s}\u001B[22m`,
  (s, i) => (i % 2 ? s : `\u001B[2m${s}\u001B[22m`),
  (s) => s.toUpperCase(),
  (s) => `\u001B[36m${s}\u001B[39m`,
];

const text = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 24 }).map((p) => p.join(""));
const coord = fc.integer({ min: -3, max: 14 });
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ type: fc.constant("write" as const), x: coord, y: coord, text, transformers: fc.array(fc.nat({ max: 3 }), { maxLength: 2 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant("clip" as const),
      clip: fc.record({ x1: coord, x2: coord, y1: coord, y2: coord }, { requiredKeys: [] }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ type: "unclip" as const }) },
);

interface OutputLike {
  write(x: number, y: number, text: string, options: { transformers: Transformer[] }): void;
  clip(clip: object): void;
  unclip(): void;
  get(): { output: string; height: number };
}
type OutputClass = new (o: { width: number; height: number }) => OutputLike;

function frame(Output: OutputClass, width: number, height: number, ops: Op[]): { output: string; height: number } {
  const out = new Output({ width, height });
  for (const o of ops) {
    if (o.type === "write") out.write(o.x, o.y, o.text, { transformers: o.transformers.map((t) => TRANSFORMERS[t]!) });
    else if (o.type === "clip") out.clip(o.clip);
    else out.unclip();
  }
  return out.get();
}

describe("the bundle's fast Ink Output", () => {
  it("stands in only for the Ink file it was written against", () => {
    const sha = createHash("sha256").update(readFileSync(INK_OUTPUT)).digest("hex");
    // A new Ink: compare its output.js with the one this replaces, carry its changes over, then
    // update the hash (until then the build keeps Ink's own Output and warns).
    expect(sha, "ink/build/output.js changed: review scripts/ink-output-fast.mjs").toBe(INK_OUTPUT_SHA256);
  });

  it("gives Ink's frame, character for character, for random frames", async () => {
    const InkOutput = (await import(pathToFileURL(INK_OUTPUT).href)).default as OutputClass;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 8 }), fc.array(op, { maxLength: 12 }), (width, height, ops) => {
        expect(frame(FastOutput as OutputClass, width, height, ops)).toEqual(frame(InkOutput, width, height, ops));
      }),
      { numRuns: RUNS },
    );
  });

  it("gives Ink's frame for a screen's worth of coloured rows", async () => {
    const InkOutput = (await import(pathToFileURL(INK_OUTPUT).href)).default as OutputClass;
    const rows: Op[] = Array.from({ length: 28 }, (_, i) => ({
      type: "write",
      x: 0,
      y: i,
      text: `${i % 3 ? " " : "›"} \u001B[2mscenario  \u001B[22m Log \u001B[1m\u001B[33mdenied\u001B[39m\u001B[22m calls at the VPC endpoint ${"·".repeat(i)} …`,
      transformers: [],
    }));
    expect(frame(FastOutput as OutputClass, 100, 30, rows)).toEqual(frame(InkOutput, 100, 30, rows));
  });

  it("takes its fast path for what the screens write, and Ink's for anything else", () => {
    expect(FAST_LINE.test("› \u001B[2mscenario\u001B[22m Log \u001B[1;33mdenied\u001B[0m calls ─│↑↓·…")).toBe(true);
    for (const other of ["中", "e\u0301", "😀", "\t", "\u001B]8;;x\u0007", "\u001B[?25l", "\u009B"]) expect(FAST_LINE.test(`a${other}b`), other).toBe(false);
  });

  it("accepts only characters that are a grapheme each, whatever their neighbours", () => {
    const fast: string[] = [];
    for (let c = 0; c <= 0xffff; c++) if (FAST_LINE.test(String.fromCharCode(c))) fast.push(String.fromCharCode(c));
    expect(fast.length).toBeGreaterThan(1000);
    const line = fast.join("");
    const pairs = fast.flatMap((c, i) => [c, fast[(i * 7919) % fast.length]!]).join("");
    for (const s of [line, pairs, `\u001B[1m${line}\u001B[22m`]) expect([...new Intl.Segmenter().segment(s)].length).toBe(s.length);
  });
});
