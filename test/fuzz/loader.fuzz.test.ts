// Property: whatever an author's editor does to a valid file (a character typed, deleted or
// swapped anywhere, a line duplicated or dropped, indentation broken), the loader never throws —
// it returns a pack, or problems with positions inside the file.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildPack, parseContentText } from "../../src/content/load.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const FIXTURES = join(import.meta.dirname, "../fixtures/content");
const seeds = [
  readFileSync(join(FIXTURES, "base/options.yaml"), "utf8"),
  readFileSync(join(FIXTURES, "errors/unknown-option.yaml"), "utf8").replace("cloudtrial", "cloudtrail"),
  readFileSync(join(FIXTURES, "base/pack.yaml"), "utf8"),
];
const ALPHABET = [..."abc :-[]{}&*!|>'\"#\n\t\\%@`,?", "\u001b", "\ufeff", "__proto__", "&a", "*a", "!!js/function"];

type Edit =
  | { kind: "insert"; at: number; text: string }
  | { kind: "delete"; at: number; len: number }
  | { kind: "dupLine"; line: number }
  | { kind: "dropLine"; line: number }
  | { kind: "indent"; line: number; by: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.constantFrom(...ALPHABET) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant("dupLine" as const), line: fc.nat() }),
  fc.record({ kind: fc.constant("dropLine" as const), line: fc.nat() }),
  fc.record({ kind: fc.constant("indent" as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);

function apply(text: string, e: Edit): string {
  if (e.kind === "insert") {
    const at = e.at % (text.length + 1);
    return text.slice(0, at) + e.text + text.slice(at);
  }
  if (e.kind === "delete") {
    const at = e.at % (text.length + 1);
    return text.slice(0, at) + text.slice(at + e.len);
  }
  const lines = text.split("\n");
  const i = e.line % lines.length;
  if (e.kind === "dupLine") lines.splice(i, 0, lines[i]!);
  else if (e.kind === "dropLine") lines.splice(i, 1);
  else lines[i] = e.by >= 0 ? " ".repeat(e.by) + lines[i] : lines[i]!.replace(new RegExp(`^ {0,${-e.by}}`), "");
  return lines.join("\n");
}

describe("loader under random edits", () => {
  it("never throws and reports positions inside the file", () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds.keys()), fc.array(edit, { minLength: 1, maxLength: 6 }), (seedIndex, edits) => {
        const text = edits.reduce(apply, seeds[seedIndex]!);
        const parsed = parseContentText("fuzz.yaml", text);
        const { pack, problems } = buildPack([parsed]);
        expect(pack).toBeDefined();
        const lineCount = text.split("\n").length;
        for (const p of problems) {
          expect(p.line).toBeGreaterThanOrEqual(0);
          expect(p.line).toBeLessThanOrEqual(lineCount);
          expect(p.code).toMatch(/^[A-Z_0-9]+$/);
        }
      }),
      { numRuns: RUNS, seed: 20261124 },
    );
  });
});
