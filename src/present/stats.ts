// The learner's stats as lines: today, streak, a 14-day forecast as bars, readiness per exam domain
// against its weight, weakest topics, leeches and misconceptions with their reasons. Pure.
import type { Stats } from "../srs/stats.js";
import type { DomainScore } from "../quiz/types.js";
import { barCells, wrapText } from "../ui/highlight.js";
import { MARK } from "../ui/theme.js";
import { blank, para, type Line } from "./lines.js";

export function statsLines(s: Stats, width: number, now: number): Line[] {
  const out: Line[] = [
    { text: `Reviews today ${s.reviewsToday} · total ${s.totalReviews} · streak ${s.streakDays} day${s.streakDays === 1 ? "" : "s"} · due today ${s.dueToday} · new ${s.newCards}`, bold: true },
    { text: `Retention (30 days): ${s.retention30 === null ? "no reviews yet" : `${Math.round(s.retention30 * 100)}%`}${s.examDate ? ` · exam on ${s.examDate}` : ""}` },
    blank,
    { text: "Due in the next 14 days", bold: true },
  ];
  const top = Math.max(1, ...s.forecast);
  const cells = Math.max(10, Math.min(40, width - 18));
  s.forecast.forEach((n, i) => {
    const day = new Date(now + i * 86_400_000);
    const label = i === 0 ? "today" : day.toLocaleDateString("en-US", { weekday: "short", day: "numeric" });
    const { filled } = barCells(n / top, cells);
    out.push({ text: `  ${label.padEnd(8)} ${filled}${n ? " " : ""}${n}`, ...(i === 0 && n ? { tone: "accent" as const } : {}) });
  });
  out.push(blank, { text: "Readiness by exam domain (accuracy vs the domain's weight in the exam)", bold: true });
  const nameW = Math.min(34, Math.max(...s.byDomain.map((d) => d.name.length), 6));
  for (const d of s.byDomain) {
    const acc = d.accuracy ?? 0;
    const { filled, empty } = barCells(acc, 20);
    const name = d.name.length > nameW ? d.name.slice(0, nameW - 1) + "…" : d.name.padEnd(nameW);
    out.push({
      text: `  ${name}  ${filled}${empty}  ${d.accuracy === null ? "  —" : `${String(Math.round(acc * 100)).padStart(3)}%`}  (${d.reviews} review${d.reviews === 1 ? "" : "s"}${d.weight !== null ? `, ${Math.round(d.weight * 100)}% of the exam` : ""})`,
      ...(d.accuracy === null ? { tone: "muted" as const } : { tone: acc >= 0.75 ? ("good" as const) : ("bad" as const) }),
    });
  }
  if (s.weakestTopics.length) {
    out.push(blank, { text: "Weakest topics", bold: true });
    for (const t of s.weakestTopics) out.push({ text: `  ${t.name}: ${Math.round(t.accuracy * 100)}% of ${t.reviews} review${t.reviews === 1 ? "" : "s"}` });
  }
  out.push(blank, { text: `Misconceptions (${s.misconceptions.length})`, bold: true });
  if (!s.misconceptions.length) out.push({ text: "  None yet: no distractor picked twice on the same card.", tone: "muted" });
  for (const m of s.misconceptions) out.push(...para(`${MARK.wrong} ${m.cardId}: picked "${m.chosenLabel}" ${m.count}× — ${m.why}`, width, { tone: "bad" }, "      ", "  "));
  out.push(blank, { text: `Leeches (${s.leeches.length})`, bold: true });
  if (!s.leeches.length) out.push({ text: "  None: no card has lapsed 8 times.", tone: "muted" });
  for (const l of s.leeches) out.push(...para(`${MARK.flagged} ${l.cardId} (${l.lapses} lapses): ${l.title}`, width, { tone: "warn" }, "      ", "  "));
  return out;
}

/**
 * A name set in a column of `width` cells without cutting a word: the first line, padded, and any
 * further lines it wraps to (a single word longer than the column is the only thing ever split).
 */
export function nameColumn(name: string, width: number): string[] {
  const lines = wrapText(name, Math.max(4, width));
  return lines.map((l) => l.padEnd(width));
}

/** Score bars per domain, names in a column that wraps at word boundaries (never "Logging and mo…"). */
export function domainBarLines(rows: readonly DomainScore[], width: number, passMark?: number): Line[] {
  const longest = Math.max(4, ...rows.map((r) => r.name.length));
  const nameWidth = Math.min(longest, Math.max(12, Math.floor(width / 2.5)));
  const cells = Math.max(8, Math.min(30, width - nameWidth - 20));
  const out: Line[] = [];
  for (const r of rows) {
    const ratio = r.total ? r.correct / r.total : 0;
    const { filled, empty } = barCells(ratio, cells);
    const style = passMark !== undefined ? { tone: ratio >= passMark ? ("good" as const) : ("bad" as const) } : {};
    const [first, ...rest] = nameColumn(r.name, nameWidth);
    out.push({ text: `  ${first}  ${filled}${empty}  ${r.correct}/${r.total} (${Math.round(ratio * 100)}%)`, ...style });
    for (const more of rest) out.push({ text: `  ${more.trimEnd()}`, ...style });
  }
  return out;
}
