// The plain-text rendering of questions, feedback and results, shared by quiz, exam and drill in
// --plain mode. Text cues (✓ ✗ [flagged]) never depend on colour.
import type { ExamResult } from "../exam/session.js";
import type { DomainScore, Feedback, Question } from "../quiz/types.js";
import type { WhyQuestion } from "../quiz/why.js";
import type { Paint } from "../shell/paint.js";

export const MARK = { right: "✓", wrong: "✗", flag: "[flagged]" } as const;

export function questionText(q: Question, n: number, total: number, paint: Paint, typed = false): string[] {
  const lines = [paint.bold(`Question ${n}/${total}`) + (q.domain ? paint.dim(`  · ${q.domain}`) : ""), highlightKeywords(q.prompt, q.keywords, paint)];
  if (q.keywords.length && q.kind === "scenario") lines.push(paint.dim(`keywords: ${q.keywords.join(", ")}`));
  if (typed && q.kind !== "trap") lines.push("Type the service or event type:");
  else q.choices.forEach((c, i) => lines.push(`  ${i + 1}) ${c.label}`));
  return lines;
}

function highlightKeywords(text: string, keywords: readonly string[], paint: Paint): string {
  let out = text;
  for (const k of keywords) {
    const re = new RegExp(k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi");
    out = out.replace(re, (m) => paint.bold(m));
  }
  return out;
}

export function feedbackText(f: Feedback, paint: Paint): string[] {
  const lines = [f.correct ? paint.green(`${MARK.right} Correct: ${f.expected}`) : paint.red(`${MARK.wrong} ${f.chosen ? `Not ${f.chosen}. ` : ""}The answer is ${f.expected}`)];
  if (f.distractors.length) {
    lines.push("Why the others fail:");
    for (const d of f.distractors) lines.push(`  ${MARK.wrong} ${d.label}${d.chosen ? " (your pick)" : ""}: ${d.why}`);
  }
  lines.push(`Explanation: ${f.explanation}`);
  if (f.source) lines.push(paint.dim(`Source: ${f.source}`));
  return lines;
}

export function whyText(w: WhyQuestion): string[] {
  return [w.prompt, ...w.reasons.map((r, i) => `  ${i + 1}) ${r.text}`)];
}

export function domainBars(rows: readonly DomainScore[], width = 20): string[] {
  const nameWidth = Math.max(...rows.map((r) => r.name.length), 4);
  return rows.map((r) => {
    const filled = r.total ? Math.round((r.correct / r.total) * width) : 0;
    const pct = r.total ? Math.round((r.correct / r.total) * 100) : 0;
    return `  ${r.name.padEnd(nameWidth)}  ${"█".repeat(filled)}${"░".repeat(width - filled)}  ${r.correct}/${r.total} (${pct}%)`;
  });
}

export function examResultText(r: ExamResult, paint: Paint): string[] {
  const verdict = r.passed ? paint.green(`${MARK.right} PASS`) : paint.red(`${MARK.wrong} FAIL`);
  const lines = [
    `${verdict}  ${r.score}/${r.total} (${r.percent}%) — passing mark ${Math.round(r.passMark * 100)}%`,
    ...(r.timedOut ? ["Time ran out: the exam was submitted automatically."] : []),
    ...(r.unanswered ? [`${r.unanswered} unanswered`] : []),
    "By domain:",
    ...domainBars(r.byDomain),
  ];
  if (r.missed.length) {
    lines.push("Missed:");
    for (const q of r.missed) lines.push(`  ${MARK.wrong} ${q.prompt}`, `      answer: ${q.answerLabel} — ${q.explanation}`);
  }
  return lines;
}
