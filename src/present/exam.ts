// The exam as styled lines for a width: the result (verdict, time, domains) and the review of every
// question — the learner's pick, the answer and each option's reason — filtered to all, missed or
// flagged. The Ink screen windows them, plain mode prints them. One wording for both. Pure.
import type { ExamFlow, ResultFilter } from "../exam/flow.js";
import { reviewEntries } from "../exam/flow.js";
import type { ExamResult, ReviewEntry } from "../exam/session.js";
import { formatClock } from "./highlight.js";
import { MARK } from "./tone.js";
import { blank, para, type Line } from "./lines.js";
import { domainBarLines } from "./stats.js";

const FILTER_NAMES: Record<ResultFilter, string> = { all: "every question", missed: "missed only", flagged: "flagged only" };

export function examVerdictLines(r: ExamResult, width: number): Line[] {
  const verdict = r.passed ? `${MARK.right} PASS` : `${MARK.wrong} FAIL`;
  const out: Line[] = [
    { text: `${verdict}  ${r.score}/${r.total} (${r.percent}%) — passing mark ${Math.round(r.passMark * 100)}%`, tone: r.passed ? "good" : "bad", bold: true },
    { text: `Time used ${formatClock(r.durationMs)} · ${r.total - r.score} missed · ${r.unanswered} unanswered · ${r.flaggedCount} flagged`, tone: "muted" },
  ];
  if (r.timedOut) out.push({ text: "Time ran out: the exam was submitted as it stood.", tone: "warn" });
  out.push(blank, { text: "By domain:", bold: true }, ...domainBarLines(r.byDomain, width, r.passMark));
  return out;
}

/** One question of the review: stem, each option marked (✓ answer, ✗ wrong pick) with its reason. */
export function reviewEntryLines(e: ReviewEntry, total: number, width: number): Line[] {
  const q = e.question;
  const head = `${e.correct ? MARK.right : MARK.wrong} ${e.index + 1}/${total}${e.flagged ? ` ${MARK.flagged}` : ""}${e.picks.length ? "" : " unanswered"} · ${formatClock(e.spentMs)} spent`;
  const out: Line[] = [{ text: head, bold: true, tone: e.correct ? "good" : "bad" }, ...para(q.prompt, width, {}, "  ")];
  q.choices.forEach((c, k) => {
    const picked = e.picks.includes(k);
    const mark = c.correct ? MARK.right : picked ? MARK.wrong : " ";
    const tag = [c.correct ? "answer" : "", picked ? "your pick" : ""].filter(Boolean).join(", ");
    const why = c.why ?? (c.correct ? q.explanation : "");
    const text = `${mark} ${k + 1}. ${c.label}${tag ? ` (${tag})` : ""}${why ? ` — ${why}` : ""}`;
    out.push(...para(text, width, c.correct ? { tone: "good" } : picked ? { tone: "bad" } : {}, "        ", "    "));
  });
  out.push(...para(`Explanation: ${q.explanation}`, width, { tone: "muted" }, "    ", "    "));
  if (q.source) out.push(...para(`Source: ${q.source}`, width, { tone: "muted" }, "    ", "    "));
  return out;
}

export function examReviewLines(f: ExamFlow, width: number): Line[] {
  const entries = reviewEntries(f);
  const total = f.result?.total ?? 0;
  const out: Line[] = [blank, { text: `Review: ${FILTER_NAMES[f.filter]} (${entries.length})`, bold: true }];
  if (!entries.length) out.push({ text: f.filter === "missed" ? `  ${MARK.right} Nothing missed.` : "  No question was flagged.", tone: "muted" });
  for (const e of entries) out.push(blank, ...reviewEntryLines(e, total, width));
  return out;
}

/** Everything after submitting: the verdict, then the filtered review. */
export function examResultView(f: ExamFlow, width: number): Line[] {
  return f.result ? [...examVerdictLines(f.result, width), ...examReviewLines(f, width)] : [];
}
