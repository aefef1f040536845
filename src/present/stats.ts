// The learner's stats as lines: today, streak, a 14-day forecast as bars, readiness per exam domain
// against its weight, weakest topics, leeches and misconceptions with their reasons. Pure.
import type { DomainScore } from "../quiz/index.js";
import type { Stats } from "../srs/index.js";
import { barCells, wrapText } from "./highlight.js";
import { MARK } from "./tone.js";
import { blank, padCols, para, textWidth, type Line } from "./lines.js";

export function statsLines(s: Stats, width: number, now: number): Line[] {
  const out: Line[] = [
    {
      text: `Reviews today ${s.reviewsToday} · total ${s.totalReviews} · streak ${s.streakDays} day${s.streakDays === 1 ? "" : "s"} · due now ${s.dueNow} · new ${s.newCards}`,
      bold: true,
    },
    {
      text: `Retention (30 days): ${s.retention30 === null ? "no reviews yet" : `${Math.round(s.retention30 * 100)}%`}${s.examDate ? ` · exam on ${s.examDate}` : ""}`,
    },
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
  out.push(blank, { text: "Readiness by exam domain (drill, quiz and exam answers; accuracy vs the domain's weight)", bold: true });
  const nameW = Math.min(34, Math.max(...s.byDomain.map((d) => textWidth(d.name)), 6), Math.max(12, width - 52));
  for (const d of s.byDomain) {
    const acc = d.accuracy ?? 0;
    const { filled, empty } = barCells(acc, 20);
    const [first, ...rest] = nameColumn(d.name, nameW);
    const count = d.reviews + d.answers;
    const style = d.accuracy === null ? { tone: "muted" as const } : { tone: acc >= 0.75 ? ("good" as const) : ("bad" as const) };
    out.push({
      text: `  ${first}  ${filled}${empty}  ${d.accuracy === null ? "  —" : `${String(Math.round(acc * 100)).padStart(3)}%`}  (${count} answer${count === 1 ? "" : "s"}${d.weight !== null ? `, ${Math.round(d.weight * 100)}% of the exam` : ""})`,
      ...style,
    });
    for (const more of rest) out.push({ text: `  ${more.trimEnd()}`, ...style });
  }
  out.push(blank, { text: `Exam history (${s.exams.length})`, bold: true });
  if (!s.exams.length) out.push({ text: "  No exam taken yet: Exam on the menu, or cloudtrail-tutor exam.", tone: "muted" });
  for (const e of s.exams.slice(-10)) {
    const { filled, empty } = barCells(e.percent / 100, 20);
    const day = new Date(e.at).toLocaleDateString("en-CA");
    out.push({ text: `  ${day}  ${filled}${empty}  ${e.score}/${e.total} (${e.percent}%)` });
  }
  if (s.examTrend !== null) {
    const t = s.examTrend;
    out.push({
      text: `  Trend: ${t > 0 ? `↑ up ${t}` : t < 0 ? `↓ down ${-t}` : "→ level,"}${t === 0 ? "" : " points"} from the first exam to the latest`,
      tone: t > 0 ? "good" : t < 0 ? "bad" : "muted",
    });
  }
  if (s.weakestTopics.length) {
    out.push(blank, { text: "Weakest topics", bold: true });
    for (const t of s.weakestTopics) out.push({ text: `  ${t.name}: ${Math.round(t.accuracy * 100)}% of ${t.reviews} review${t.reviews === 1 ? "" : "s"}` });
  }
  out.push(blank, { text: `Misconceptions (${s.misconceptions.length})`, bold: true });
  if (!s.misconceptions.length) out.push({ text: "  None yet: no distractor picked twice on the same card.", tone: "muted" });
  for (const m of s.misconceptions)
    out.push(...para(`${MARK.wrong} ${m.title}: picked "${m.chosenLabel}" ${m.count}× — ${m.why}`, width, { tone: "bad" }, "      ", "  "));
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
  return lines.map((l) => padCols(l, width));
}

/** Score bars per domain, names in a column that wraps at word boundaries (never "Logging and mo…"). */
export function domainBarLines(rows: readonly DomainScore[], width: number, passMark?: number): Line[] {
  const longest = Math.max(4, ...rows.map((r) => textWidth(r.name)));
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
