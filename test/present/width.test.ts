// Layout counts terminal columns, not UTF-16 units: CJK characters and emoji take two columns each,
// so a line of them must wrap and pad by columns or it overflows the screen.
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { fitCols, padCols, para, textWidth, wrapText } from "../../src/present/lines.js";
import { hintLine } from "../../src/ui/key-help.js";

const CJK = "証跡はすべてのリージョンのイベントを記録します";
const EMOJI = "🔐 CloudTrail logs 🔎 every API call ✅ in 📦 S3";

describe("layout by display width", () => {
  it("wraps CJK text and emoji so that no line is wider than the width", () => {
    for (const width of [10, 17, 24]) {
      for (const text of [CJK, EMOJI, `${CJK} ${EMOJI}`]) {
        const lines = wrapText(text, width);
        expect(lines.length).toBeGreaterThan(1);
        for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(width);
        // Nothing is lost: the lines hold every character of the text.
        expect(lines.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
      }
    }
  });

  it("counts a CJK character or an emoji as two columns", () => {
    expect(textWidth("イベント")).toBe(8);
    expect(textWidth("🔐")).toBe(2);
    expect("イベント".length).toBe(4);
  });

  it("pads and cuts to columns, with an ellipsis when cut", () => {
    expect(textWidth(padCols("イベント", 12))).toBe(12);
    const cut = fitCols(CJK, 11);
    expect(cut.endsWith("…")).toBe(true);
    expect(textWidth(cut)).toBeLessThanOrEqual(11);
    expect(textWidth(fitCols("🔐🔐🔐🔐🔐🔐", 7, true))).toBe(7);
    expect(fitCols("short", 10)).toBe("short");
  });

  it("indents wrapped paragraphs within the width", () => {
    for (const l of para(CJK, 20, {}, "  ")) expect(textWidth(l.text)).toBeLessThanOrEqual(20);
  });

  it("keeps the key hint line within the width when keys are wide", () => {
    const line = hintLine(
      [
        ["⏎", "答えを選ぶ"],
        ["スペース", "次へ進む"],
      ],
      30,
    );
    expect(textWidth(line)).toBeLessThanOrEqual(30);
  });
});
