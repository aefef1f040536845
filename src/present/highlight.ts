// Pure text helpers for screens (no Ink): keyword spans, bars, wrapping and fitting text to a height.

export interface Span {
  text: string;
  hit: boolean;
}

/**
 * Split `text` into spans, marking case-insensitive occurrences of any keyword. Keywords may be
 * phrases; when the card's keyword is written with separators ("spike/burst") any part matches.
 */
export function highlightSpans(text: string, keywords: readonly string[]): Span[] {
  const terms = [
    ...new Set(
      keywords
        .flatMap((k) => [k, ...k.split(/[/,]/)])
        .map((k) => k.trim())
        .filter((k) => k.length >= 3),
    ),
  ].sort((a, b) => b.length - a.length);
  if (terms.length === 0) return [{ text, hit: false }];
  const escaped = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const re = new RegExp(`(${escaped.join("|")})`, "gi");
  const out: Span[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ text: text.slice(last, at), hit: false });
    out.push({ text: m[0], hit: true });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), hit: false });
  return out;
}

export function barCells(ratio: number, cells: number): { filled: string; empty: string } {
  const n = Math.round(Math.max(0, Math.min(1, ratio)) * cells);
  return { filled: "█".repeat(n), empty: "░".repeat(cells - n) };
}

export { wrapText } from "./lines.js";

/** mm:ss for a countdown. */
export function formatClock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}

/** The window of `count` items to show so that `selected` is visible. */
export function visibleWindow(total: number, selected: number, count: number): { start: number; end: number } {
  if (total <= count) return { start: 0, end: total };
  const start = Math.min(Math.max(0, selected - Math.floor(count / 2)), total - count);
  return { start, end: start + count };
}
