// Quiz and exam results as styled lines for a width: the Ink screens window them, the plain mode
// prints them. One wording for both. Pure.
import { domainBarLines } from "./stats.js";
import type { Feedback, Question, QuizSummary, WhyQuestion } from "../quiz/index.js";
import { MARK } from "./tone.js";
import { blank, para, type Line } from "./lines.js";

/** The question's stem: its situation, then the requirement. */
export function stemLines(f: { situation?: string; prompt: string }, width: number): Line[] {
  return [...(f.situation ? [...para(f.situation, width), blank] : []), ...para(f.prompt, width, { bold: true })];
}

/**
 * After an answer: the stem stays on top, then (when the why step was answered) its verdict, right
 * or wrong with the expected answer, why each answer is right (choose-N), why every distractor
 * fails, the explanation and the source.
 */
export function feedbackLines(f: Feedback, width: number, typedMessage?: string, why?: { why: WhyQuestion; pick: number }): Line[] {
  const out: Line[] = [];
  if (f.prompt) out.push(...stemLines(f, width), blank);
  if (why) out.push(...whyLines(why.why, width, why.pick), blank);
  if (typedMessage) out.push(...para(typedMessage, width, { tone: "muted" }));
  out.push(
    ...(f.correct
      ? para(`${MARK.right} Correct: ${f.expected}`, width, { tone: "good", bold: true })
      : para(`${MARK.wrong} ${f.chosen ? `Not ${f.chosen}. ` : ""}The answer is ${f.expected}`, width, { tone: "bad", bold: true })),
  );
  const reasoned = (f.answers ?? []).filter((a) => a.why);
  if (reasoned.length) {
    out.push(blank, { text: "Why these are right:", bold: true });
    for (const a of f.answers)
      out.push(...para(`${MARK.right} ${a.label}${a.chosen ? " (your pick)" : ""}${a.why ? `: ${a.why}` : ""}`, width, { tone: "good" }, "    ", "  "));
  }
  if (f.distractors.length) {
    out.push(blank, { text: "Why the others fail:", bold: true });
    for (const d of f.distractors) {
      const head = `${MARK.wrong} ${d.label}${d.chosen ? " (your pick)" : ""}: `;
      out.push(...para(`${head}${d.why}`, width, d.chosen ? { tone: "bad" } : {}, "    ", "  "));
    }
  }
  out.push(blank, ...para(`Explanation: ${f.explanation}`, width));
  if (f.source) out.push(...para(`Source: ${f.source}`, width, { tone: "muted" }));
  return out;
}

/** "from pack ID" under the feedback, when more than one pack is loaded (`packs`: how many). */
export function fromPackLines(q: Pick<Question, "pack"> | undefined, packs: number): Line[] {
  return q?.pack && packs > 1 ? [{ text: `from pack ${q.pack}`, tone: "muted" }] : [];
}

/** The why step, asked before any reason is shown: the stem, the pick, and four numbered reasons. */
export function whyStepLines(f: Feedback, w: WhyQuestion, width: number): Line[] {
  return [...stemLines(f, width), blank, ...para(`${MARK.wrong} Not ${f.chosen ?? "that"}.`, width, { tone: "bad", bold: true }), blank, ...whyLines(w, width)];
}

export function whyLines(w: WhyQuestion, width: number, pick?: number): Line[] {
  const out: Line[] = [...para(w.prompt, width, { bold: true }), blank];
  w.reasons.forEach((r, i) => {
    const mark = pick === undefined ? " " : r.correct ? MARK.right : i === pick ? MARK.wrong : " ";
    const style = pick === undefined ? {} : r.correct ? { tone: "good" as const } : i === pick ? { tone: "bad" as const } : { tone: "muted" as const };
    out.push(...para(`${i + 1}. ${r.text}`, width, style, "     ", `${mark} `));
  });
  if (pick !== undefined) {
    out.push(
      blank,
      w.reasons[pick]!.correct
        ? { text: `${MARK.right} Yes — that is its reason.`, tone: "good", bold: true }
        : { text: `${MARK.wrong} Not that one: the marked ${MARK.right} reason is.`, tone: "bad", bold: true },
    );
  }
  return out;
}

export function quizSummaryLines(s: QuizSummary, width: number): Line[] {
  const pct = s.total ? Math.round((s.score / s.total) * 100) : 0;
  const out: Line[] = [
    { text: `Score: ${s.score}/${s.total} (${pct}%)`, bold: true },
    blank,
    { text: "By domain:", bold: true },
    ...domainBarLines(s.byDomain, width),
  ];
  out.push(...missedLines(s.missed, width));
  return out;
}

function missedLines(missed: readonly Question[], width: number): Line[] {
  if (!missed.length) return [blank, { text: `${MARK.right} Nothing missed.`, tone: "good" }];
  const out: Line[] = [blank, { text: `Missed (${missed.length}):`, bold: true }];
  for (const q of missed) {
    out.push(...para(`${MARK.wrong} ${q.prompt}`, width, { tone: "bad" }, "    ", "  "));
    out.push(...para(`answer: ${q.answerLabel} — ${q.explanation}`, width, {}, "    ", "    "));
  }
  return out;
}

/** How to answer a "Choose two/three" question in plain mode. */
export function chooseHint(q: Question): string {
  return `Choose ${q.choose}: type their numbers separated by commas, e.g. 1,3`;
}

/**
 * A question as numbered text, for plain mode. Never its keywords: printed before the learner
 * answers, they would give the answer away (the TUI highlights them in the requirement instead).
 */
export function questionLines(q: Question, n: number, total: number, width: number, typed = false): Line[] {
  const out: Line[] = [{ text: `Question ${n}/${total}${q.domain ? `  · ${q.domain}` : ""}`, bold: true }];
  if (q.situation) out.push(...para(q.situation, width));
  out.push(...para(q.prompt, width));
  if (typed && q.typeable) out.push({ text: "Type the service or event type:" });
  else {
    q.choices.forEach((c, i) => out.push(...para(`${i + 1}) ${c.label}`, width, {}, "     ", "  ")));
    if (q.choose > 1) out.push({ text: chooseHint(q), tone: "muted" });
  }
  return out;
}
