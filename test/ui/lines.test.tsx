// A scrolled panel reaches its last line: at the largest scroll offset the last line is on screen,
// and the position line says so.
import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { Lines, maxScroll } from "../../src/ui/components/Lines.js";

const lines = Array.from({ length: 10 }, (_, i) => ({ text: `line ${i + 1}` }));

describe("Lines", () => {
  it("shows the last line at the largest scroll, and never scrolls past it", () => {
    for (const height of [2, 4, 9]) {
      const max = maxScroll(lines.length, height);
      for (const scroll of [max, max + 5]) {
        const { lastFrame, unmount } = render(<Lines lines={lines} height={height} scroll={scroll} color={false} />);
        const f = lastFrame()!;
        expect(f, `height ${height}`).toContain("line 10");
        expect(f).toContain("of 10");
        expect(f.split("\n")).toHaveLength(height);
        unmount();
      }
    }
  });

  it("needs no scrolling when everything fits", () => {
    expect(maxScroll(10, 10)).toBe(0);
    const { lastFrame, unmount } = render(<Lines lines={lines} height={10} scroll={3} color={false} />);
    expect(lastFrame()!.split("\n")[0]).toBe("line 1");
    unmount();
  });
});
