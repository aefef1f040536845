// The drill as numbered prompts, one answer per line: for scripts, screen readers and tests that
// kill it mid-run. Each answer is committed to the store before the next card is shown.
import type { Pack } from "../content/index.js";
import { drillEndLines, proposalText, ratingChoices } from "../present/drill.js";
import { feedbackLines, questionLines } from "../present/quiz.js";
import { drillItem, type DrillSettings, type DrillTally, EMPTY_TALLY, formatInterval, fsrsStep, type Grade, gradeChoice, gradeTyped, offerRating, type QueueItem, RATING_NAMES, type StudyStore, tally } from "../srs/index.js";
import type { PlainIo } from "./quiz.js";
import { PLAIN_WIDTH, renderLines } from "./text.js";

export interface PlainDrillOptions {
  typed: boolean;
  cram: boolean;
  /** Ask for a rating line after each card (a person at a terminal); otherwise accept the proposal. */
  askRating: boolean;
  seed: string;
  dueLeft: () => number;
  /** Cards with a repeated wrong pick: their next interval is capped so they come back sooner. */
  misconceptions: ReadonlySet<string>;
}

export async function runPlainDrill(pack: Pack, queue: readonly QueueItem[], store: StudyStore, settings: DrillSettings, io: PlainIo, opts: PlainDrillOptions): Promise<DrillTally> {
  const say = (lines: Parameters<typeof renderLines>[0]) => io.out.write(renderLines(lines, io.paint) + "\n");
  const read = async () => {
    const line = await io.lines.next();
    if (io.echo) io.out.write((line ?? "") + "\n");
    return line;
  };
  let t = EMPTY_TALLY;
  if (!queue.length) say([{ text: "Nothing is due now. Come back later, or study ahead with 'cloudtrail-tutor drill --cram'." }]);
  for (let i = 0; i < queue.length; i++) {
    const item = drillItem(pack, queue[i]!, opts.seed);
    if (!item) continue;
    const shown = io.now();
    let correct: boolean;
    let chosen: string | undefined;
    say([{ text: "" }, { text: `Card ${i + 1}/${queue.length}${item.isNew ? " · new" : ""}${opts.cram ? " · cram" : ""}`, tone: "muted" }]);
    if (item.flashcard) {
      say([{ text: item.flashcard.front, bold: true }, { text: "Think of the answer, then press Enter to see it." }]);
      if ((await read()) === null) break;
      say([{ text: item.flashcard.back }]);
      correct = true;
    } else {
      const q = item.question!;
      say(questionLines(q, i + 1, queue.length, PLAIN_WIDTH, opts.typed).slice(1));
      let answer: string | null;
      let graded;
      // Typed mode asks only names; a "Choose two", a configuration item or an authored statement is chosen.
      const typed = opts.typed && (q.kind === "trap" || q.typeable);
      for (;;) {
        io.out.write(typed ? "answer> " : q.choose > 1 ? `answer (${q.choose} of 1-${q.choices.length}, e.g. 1,3)> ` : `answer (1-${q.choices.length})> `);
        answer = await read();
        if (answer === null) break;
        if (typed && q.kind !== "trap") {
          graded = gradeTyped(pack, item, answer);
          break;
        }
        if (q.choose > 1) {
          const ks = answer.split(/[\s,]+/).filter(Boolean).map(Number);
          // Fewer numbers than asked are graded too (wrong: all or nothing), never more.
          if (ks.length >= 1 && ks.length <= q.choose && new Set(ks).size === ks.length && ks.every((k) => Number.isInteger(k) && k >= 1 && k <= q.choices.length)) {
            graded = gradeChoice(item, ks.map((k) => k - 1));
            break;
          }
          io.out.write(`  please type ${q.choose} different numbers from 1 to ${q.choices.length}, separated by commas\n`);
          continue;
        }
        const k = Number(answer.trim());
        if (Number.isInteger(k) && k >= 1 && k <= q.choices.length) {
          graded = gradeChoice(item, k - 1);
          break;
        }
        if (typed) {
          graded = gradeTyped(pack, item, answer);
          break;
        }
        io.out.write(`  please type a number from 1 to ${q.choices.length}\n`);
      }
      if (answer === null || !graded) break;
      correct = graded.correct;
      chosen = graded.chosen;
      say(feedbackLines(graded.feedback!, PLAIN_WIDTH, graded.typedMessage));
    }
    const now = io.now();
    const offer = offerRating(item, correct, now - shown, now, settings, opts.misconceptions.has(item.deck.id));
    let rating: Grade = offer.proposed;
    if (opts.askRating && !opts.cram) {
      io.out.write(`${proposalText(offer, now)}  ·  Enter accepts, or ${ratingChoices(offer, now)}\nrating> `);
      const line = await read();
      if (line === null) break;
      const k = Number(line.trim());
      if ([1, 2, 3, 4].includes(k)) rating = k as Grade;
    }
    store.answer({ cardId: item.deck.id, answerHash: item.deck.answerHash, rating, now, elapsedMs: now - shown, ...(chosen ? { chosen } : {}), params: offer.params, cram: opts.cram }, fsrsStep);
    // Said only once the answer is committed: a script (or a test that kills us) can count on it.
    say([{ text: opts.cram ? "Saved (cram: schedule unchanged)." : `Saved: ${RATING_NAMES[rating]} · next in ${formatInterval(offer.next[rating] - now)}.`, tone: "muted" }]);
    t = tally(t, item, correct, rating);
  }
  say([{ text: "" }, ...drillEndLines(t, opts.dueLeft())]);
  return t;
}
