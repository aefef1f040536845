// Hostile input is refused quickly, with a position, and never crashes the loader.
import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES, parseContentBytes, parseContentText } from "../../src/content/load.js";

describe("safe parsing", () => {
  it("refuses a file over the size cap before parsing it", () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 10).fill(0x61);
    const t0 = performance.now();
    const r = parseContentBytes("big.yaml", big);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(r.problems.map((p) => p.code)).toEqual(["FILE_TOO_LARGE"]);
    expect(r.problems[0]!.hint).toMatch(/split/);
  });

  it("accepts a byte-order mark and CRLF line ends, with positions still right", () => {
    const r = parseContentText("crlf.yaml", "\ufeffpack:\r\n  id: p\r\n  title: T\r\n  bogus: 1\r\n");
    expect(r.problems.map((p) => [p.code, p.line, p.col])).toEqual([["SCHEMA_UNKNOWN_FIELD", 4, 3]]);
  });

  it("refuses escape sequences written as YAML escapes (\\e, \\x1b, \\u001b) and bidi overrides", () => {
    for (const title of ['"a\\e[31mred"', '"x\\x1b]0;title\\x07"', '"\\u001b[8mhidden"', '"abc\u202edef"']) {
      const r = parseContentText("esc.yaml", `pack:\n  id: p\n  title: ${title}\n`);
      expect(r.problems.map((p) => [p.code, p.line])).toEqual([["CONTROL_CHAR", 3]]);
      expect(r.data.packs).toEqual([]);
    }
  });

  it("refuses deeply nested values without overflowing the stack", () => {
    const flow = parseContentText("deep.yaml", "pack: " + "[".repeat(20000) + "]".repeat(20000));
    expect(flow.problems.length).toBeGreaterThan(0);
    const block = parseContentText("deep2.yaml", Array.from({ length: 300 }, (_, i) => " ".repeat(i) + "k:").join("\n") + " 1\n");
    expect(block.problems.map((p) => p.code)).toContain("TOO_DEEP");
  });

  it("expands no more than a few aliases (billion laughs)", () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 12; i++)
      lines.push(
        `${"abcdefghijklm"[i]}: &${"abcdefghijklm"[i]} [${Array(10)
          .fill("*" + "abcdefghijklm"[i - 1])
          .join(",")}]`,
      );
    const t0 = performance.now();
    const r = parseContentText("bomb.yaml", lines.join("\n") + "\n");
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(r.problems.map((p) => p.code)).toEqual(["ALIAS_LIMIT"]);
  });
});
