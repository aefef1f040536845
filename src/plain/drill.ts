// The drill as numbered prompts, one answer per line: for scripts, screen readers and tests that
// kill it mid-run. A thin driver of the drill reducer (src/srs/drill-flow.ts), like the Drill
// screen: the same why step for a repeated misconception, the proposed rating with its reason,
// "u" to undo the last rating, and cards rated Again coming back after their learning step. Each
// answer is committed to the store before the next card is shown.
import type { Pack } from "../content/pack.js";
import { drillEndLines, pacingLines, proposalText, ratingChoices, waitText } from "../present/drill.js";
import { feedbackLines, questionLines, whyLines } from "../present/quiz.js";
import { allQuestions } from "../quiz/build.js";
import { createRng } from "../quiz/rng.js";
import { drillReducer, startDrillFlow, undoable, type DrillAction, type DrillFlow } from "../srs/drill-flow.js";
import type { DrillTally } from "../srs/drill.js";
import type { Pacing, QueueItem } from "../srs/queue.js";
import type { DrillSettings } from "../srs/settings.js";
import { formatInterval, RATING_NAMES, type Grade } from "../srs/scheduler.js";
import { fsrsStep, type StudyStore } from "../srs/index.js";
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
  /** With an exam date: how new cards are paced (said before the first card). */
  pacing?: Pacing;
  /** The command that studies ahead with the learner's own flags (default: plain `drill --cram`). */
  cramCommand?: string;
}

export async function runPlainDrill(
  pack: Pack,
  queue: readonly QueueItem[],
  store: StudyStore,
  settings: DrillSettings,
  io: PlainIo,
  opts: PlainDrillOptions,
): Promise<DrillTally> {
  const say = (lines: Parameters<typeof renderLines>[0]) => io.out.write(renderLines(lines, io.paint) + "\n");
  const read = async () => {
    const line = await io.lines.next();
    if (io.echo) io.out.write((line ?? "") + "\n");
    return line;
  };
  // The why step's other reasons come from every scenario question: built only when first needed.
  let pool: ReturnType<typeof allQuestions> | undefined;
  const poolFor = (a: DrillAction) =>
    (a.type === "pick" || a.type === "picks" || a.type === "submit") && flow.item && flow.misconceptions.has(flow.item.deck.id)
      ? (pool ??= allQuestions(pack, createRng(1), ["scenario"]))
      : [];
  let flow: DrillFlow = startDrillFlow(pack, queue, { now: io.now(), seed: opts.seed, settings, misconceptions: opts.misconceptions, cram: opts.cram });
  const dispatch = (a: DrillAction) => (flow = drillReducer(pack, flow, a, poolFor(a)));
  // A function, not a read of `flow`: dispatch reassigns it, which narrowing cannot see.
  const phase = () => flow.phase;
  if (opts.pacing && settings.examDateText) say(pacingLines(opts.pacing, settings.examDateText));
  if (flow.phase === "done")
    say([{ text: `Nothing is due now. Come back later, or study ahead with '${opts.cramCommand ?? "cloudtrail-tutor drill --cram"}'.` }]);
  const undo = () => {
    const item = undoable(flow);
    if (!item) return false;
    store.undoLastReview(item.deck.id);
    dispatch({ type: "undo" });
    say([{ text: `Undone: the last rating of this card is removed. Rate it again.`, tone: "muted" }]);
    return true;
  };

  session: while (phase() !== "done") {
    if (phase() === "wait") {
      if (!opts.askRating) dispatch({ type: "showNow", now: io.now() });
      else {
        io.out.write(`${waitText(flow.waitUntil!, io.now(), flow.relearning)} Enter shows it now; q stops.\n> `);
        const line = await read();
        if (line === null || line.trim() === "q") break;
        if (line.trim() === "u" && undo()) continue;
        dispatch({ type: "tick", now: io.now() });
        if (phase() === "wait") dispatch({ type: "showNow", now: io.now() });
      }
      continue;
    }
    if (phase() === "ask") {
      const item = flow.item!;
      const returning = flow.queue[flow.index]?.returnAt !== undefined;
      say([
        { text: "" },
        {
          text: `Card ${flow.index + 1}/${flow.queue.length}${item.isNew ? " · new" : ""}${returning ? " · again" : ""}${opts.cram ? " · cram" : ""}${undoable(flow) ? " · u undoes the last rating" : ""}`,
          tone: "muted",
        },
      ]);
      if (item.flashcard) {
        say([{ text: item.flashcard.front, bold: true }, { text: "Think of the answer, then press Enter to see it." }]);
        const line = await read();
        if (line === null) break;
        if (line.trim() === "u" && undo()) continue;
        dispatch({ type: "reveal", now: io.now() });
        say([{ text: item.flashcard.back }]);
      } else {
        const q = item.question!;
        const typing = opts.typed && q.typeable;
        say(questionLines(q, flow.index + 1, flow.queue.length, PLAIN_WIDTH, typing).slice(1));
        for (;;) {
          io.out.write(typing ? "answer> " : q.choose > 1 ? `answer (${q.choose} of 1-${q.choices.length}, e.g. 1,3)> ` : `answer (1-${q.choices.length})> `);
          const answer = await read();
          if (answer === null) break session;
          if (answer.trim() === "u" && undoable(flow)) {
            undo();
            continue session;
          }
          if (!typing && q.choose > 1) {
            const ks = answer
              .split(/[\s,]+/)
              .filter(Boolean)
              .map(Number);
            // Fewer numbers than asked are graded too (wrong: all or nothing), never more.
            if (
              ks.length >= 1 &&
              ks.length <= q.choose &&
              new Set(ks).size === ks.length &&
              ks.every((k) => Number.isInteger(k) && k >= 1 && k <= q.choices.length)
            ) {
              dispatch({ type: "picks", indexes: ks.map((k) => k - 1), now: io.now() });
            } else {
              io.out.write(`  please type ${q.choose} different numbers from 1 to ${q.choices.length}, separated by commas\n`);
              continue;
            }
            break;
          }
          const k = Number(answer.trim());
          if (!typing && Number.isInteger(k) && k >= 1 && k <= q.choices.length) dispatch({ type: "pick", index: k - 1, now: io.now() });
          else if (typing) dispatch({ type: "typed", text: answer, now: io.now() });
          else {
            io.out.write(`  please type a number from 1 to ${q.choices.length}\n`);
            continue;
          }
          if (phase() !== "ask") break;
        }
        if (flow.graded?.feedback) say(feedbackLines(flow.graded.feedback, PLAIN_WIDTH, flow.graded.typedMessage));
      }
      continue;
    }
    if (phase() === "why" && !io.askWhy) {
      // A script's lines are answers and ratings, never reasons: the why step is for a person.
      dispatch({ type: "skipWhy" });
      continue;
    }
    if (phase() === "why" && flow.why) {
      say([{ text: "" }, ...whyLines(flow.why, PLAIN_WIDTH)]);
      for (;;) {
        io.out.write(`reason (1-${flow.why.reasons.length}, blank to skip)> `);
        const line = await read();
        if (line === null) break session;
        const k = Number(line.trim());
        if (line.trim() === "") dispatch({ type: "skipWhy" });
        else if (Number.isInteger(k) && k >= 1 && k <= flow.why.reasons.length) {
          dispatch({ type: "why", index: k - 1 });
          say(whyLines(flow.why, PLAIN_WIDTH, k - 1).slice(-1));
          dispatch({ type: "toRate" });
        } else {
          io.out.write(`  please type a number from 1 to ${flow.why.reasons.length}\n`);
          continue;
        }
        break;
      }
      continue;
    }
    if (phase() === "rate") {
      const f = flow;
      const item = f.item!;
      const offer = f.offer!;
      const now = io.now();
      let rating: Grade = offer.proposed;
      if (opts.askRating && !opts.cram) {
        io.out.write(`${proposalText(offer, now)}  ·  Enter accepts, or ${ratingChoices(offer, now)}\nrating> `);
        const line = await read();
        if (line === null) break;
        const k = Number(line.trim());
        if ([1, 2, 3, 4].includes(k)) rating = k as Grade;
      }
      const { after } = store.answer(
        {
          cardId: item.deck.id,
          answerHash: item.deck.answerHash,
          rating,
          now,
          elapsedMs: now - f.shownAt,
          ...(f.graded?.chosen ? { chosen: f.graded.chosen } : {}),
          params: offer.params,
          cram: opts.cram,
        },
        fsrsStep,
      );
      // Said only once the answer is committed: a script (or a test that kills us) can count on it.
      say([
        {
          text: opts.cram ? "Saved (cram: schedule unchanged)." : `Saved: ${RATING_NAMES[rating]} · next in ${formatInterval(offer.next[rating] - now)}.`,
          tone: "muted",
        },
      ]);
      dispatch({ type: "committed", rating, now: io.now(), after });
    }
  }
  say([{ text: "" }, ...drillEndLines(flow.tally, opts.dueLeft())]);
  return flow.tally;
}
