// Today's drill, as a thin driver of the drill reducer (src/srs/drill-flow.ts): the card (a
// question, or a flashcard to reveal), the feedback, the why step for a repeated misconception,
// then the proposed rating with its reason and each rating's next interval ("Good · 4d"); 1–4
// override, Space/Enter accepts, u undoes the last rating. Every rating is committed to the store
// before the next card shows; cards rated Again come back in the session after their step.
import { Box, Text } from "ink";
import type React from "react";
import { useEffect, useMemo, useRef, useState } from "react";
import { allQuestions, createRng } from "../../quiz/index.js";
import { drillEndLines, pacingLines, proposalText, waitText } from "../../present/drill.js";
import { feedbackLines, whyLines } from "../../present/quiz.js";
import { blank, para, type Line } from "../../present/lines.js";
import { drillReducer, startDrillFlow, undoable, type DrillAction, type DrillFlow } from "../../srs/drill-flow.js";
import { buildDeck, dueCount, formatInterval, fsrsStep, type Grade, type Pacing, RATING_NAMES, todaysDrill } from "../../srs/index.js";
import { ChoiceList, digitChoice, moveSelection } from "../components/ChoiceList.js";
import { Highlighted } from "../components/Highlighted.js";
import { Lines, maxScroll } from "../components/Lines.js";
import { useLatestState } from "../components/use-latest-reducer.js";
import type { KeyHelp } from "../key-help.js";
import type { ScreenProps } from "../screen-props.js";
import { SCREEN_KEYS } from "./keys.js";
import { useScreenInput, useScreenKeys } from "../screen-keys.js";
import { tone } from "../theme.js";
import { editLine, isLineEdit } from "../text-input.js";
import { useProgressReady } from "../use-progress-ready.js";

export const keys = SCREEN_KEYS.drill;

export interface DrillParams {
  limit?: number;
  cram?: boolean;
  topic?: string;
  typed?: boolean;
  /** The seed of each card's options and why step (`drill --seed`): plain mode uses the same. */
  seed?: string;
  now?: () => number;
  /** How often a waiting Again card is checked for (tests use a short one). */
  tickMs?: number;
}

export function DrillScreen(props: ScreenProps): React.JSX.Element {
  const ready = useProgressReady(props.progress);
  // Today's queue is read from the store once the store is open, in an effect (never in a render).
  const [start, setStart] = useState<SessionStart | undefined>(undefined);
  useEffect(() => {
    if (ready && !start) setStart(startSession(props));
  }, [ready]);
  if (!start) return <Text color={tone(props.color, "muted")}>Opening your progress…</Text>;
  return <DrillSession {...props} start={start} />;
}

interface SessionStart {
  deck: ReturnType<typeof buildDeck>;
  state: ScreenState;
}

/** The deck and the session's first state: today's queue from the store, as the screen opens. */
function startSession(props: ScreenProps): SessionStart {
  const params = (props.params ?? {}) as DrillParams;
  const now = params.now ?? Date.now;
  const store = props.progress.study;
  const deck = buildDeck(props.pack);
  if (!store) return { deck, state: { selected: 0, text: "", scroll: 0 } };
  const t = now();
  const { queue, settings, misconceptions, pacing } = todaysDrill(props.pack, deck, store, { ...params, now: t });
  const flow = startDrillFlow(props.pack, queue, { now: t, seed: params.seed ?? String(t), settings, misconceptions, cram: params.cram === true });
  return {
    deck,
    state: {
      flow,
      ...(pacing ? { pacing } : {}),
      ...(settings.examDateText ? { examDateText: settings.examDateText } : {}),
      selected: 0,
      text: "",
      scroll: 0,
      ...(flow.phase === "done" ? { dueLeft: dueCount(deck, store.cardCache(), t) } : {}),
    },
  };
}

interface ScreenState {
  flow?: DrillFlow;
  pacing?: Pacing;
  examDateText?: string;
  selected: number;
  text: string;
  scroll: number;
  error?: string;
  dueLeft?: number;
}

/** The keys that work in the card's current state, for the hint bar. */
export function drillKeys(s: ScreenState, typing: boolean): KeyHelp {
  const f = s.flow;
  const undo: KeyHelp = f && undoable(f) ? [["u", "undo the last rating"]] : [];
  if (!f) return [];
  if (typing)
    return [
      ["type / Enter", "answer"],
      ["Esc", "back"],
    ];
  if (f.phase === "ask") return [...(f.item?.flashcard ? ([["Space / Enter", "reveal"]] as const) : ([["1–9 / ↑ ↓ Enter", "answer"]] as const)), ...undo];
  if (f.phase === "why")
    return f.whyPick === undefined
      ? [
          ["1–9", "pick the reason"],
          ["↑ ↓", "scroll"],
        ]
      : [
          ["Enter", "rate this card"],
          ["↑ ↓", "scroll"],
        ];
  if (f.phase === "rate")
    return f.cram
      ? [
          ["Space / Enter", "next"],
          ["↑ ↓", "scroll"],
        ]
      : [
          ["Space / Enter", "accept the proposal"],
          ["1–4", "rate Again / Hard / Good / Easy"],
          ["↑ ↓", "scroll"],
        ];
  if (f.phase === "wait") return [["Enter", "show it now"], ...undo];
  return [["Enter", "back"], ...undo];
}

function DrillSession(props: ScreenProps & { start: SessionStart }): React.JSX.Element {
  const params = (props.params ?? {}) as DrillParams;
  const now = params.now ?? Date.now;
  const store = props.progress.study;
  const deck = props.start.deck;
  // The why step's other reasons: every scenario question, built only when first needed.
  const pool = useRef<ReturnType<typeof allQuestions> | undefined>(undefined);
  const poolFor = (f: DrillFlow, a: DrillAction) =>
    (a.type === "pick" || a.type === "picks" || a.type === "submit") && f.item && f.misconceptions.has(f.item.deck.id)
      ? (pool.current ??= allQuestions(props.pack, createRng(1), ["scenario"]))
      : [];
  const [state, get, set] = useLatestState<ScreenState>(() => props.start.state);
  const flow = state.flow;
  const typing = Boolean(params.typed && flow?.phase === "ask" && flow.item?.question?.typeable);
  useScreenKeys({ typing, keys: drillKeys(state, typing) });

  const apply = (a: DrillAction, extra: Partial<ScreenState> = {}) => {
    const s = get();
    if (!s.flow) return;
    const next = drillReducer(props.pack, s.flow, a, poolFor(s.flow, a));
    const moved = next.index !== s.flow.index || next.phase !== s.flow.phase;
    // The store is read once a session ends (never in a render): what is still due.
    const dueLeft = next.phase === "done" && s.flow.phase !== "done" && store ? dueCount(deck, store.cardCache(), now()) : s.dueLeft;
    set({ ...s, flow: next, scroll: moved ? 0 : s.scroll, ...(moved && next.item !== s.flow.item ? { selected: 0, text: "" } : {}), dueLeft, ...extra });
  };
  const commit = (rating: Grade) => {
    const s = get();
    const f = s.flow;
    if (!f?.item || !f.offer || !store) return;
    const t = now();
    try {
      const { after } = store.answer(
        {
          cardId: f.item.deck.id,
          answerHash: f.item.deck.answerHash,
          rating,
          now: t,
          elapsedMs: t - f.shownAt,
          ...(f.graded?.chosen ? { chosen: f.graded.chosen } : {}),
          params: f.offer.params,
          cram: f.cram,
        },
        fsrsStep,
      );
      apply({ type: "committed", rating, now: t, after }, { error: undefined });
    } catch (err) {
      set({ ...s, error: `Not saved: ${(err as Error).message}. Your answer is kept on screen; press the rating again to retry.` });
    }
  };
  const undo = () => {
    const s = get();
    const item = s.flow && undoable(s.flow);
    if (!item || !store) return;
    try {
      store.undoLastReview(item.deck.id);
      apply({ type: "undo" }, { error: undefined });
    } catch (err) {
      set({ ...s, error: `Not undone: ${(err as Error).message}.` });
    }
  };

  // A card rated Again is waiting for its learning step: look again every so often.
  const waiting = flow?.phase === "wait";
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => apply({ type: "tick", now: now() }), params.tickMs ?? 1000);
    return () => clearInterval(timer);
  }, [waiting]);

  const width = props.width - 1;
  const room = props.height - 4;
  const linesOf = (f: DrillFlow | undefined, s: ScreenState): Line[] =>
    !f
      ? []
      : f.phase === "why" && f.why
        ? [...stemLines(f, width), ...whyLines(f.why, width, f.whyPick)]
        : f.phase === "rate"
          ? f.item?.flashcard
            ? [...para(f.item.flashcard.front, width, { bold: true }), blank, ...para(f.item.flashcard.back, width)]
            : [...stemLines(f, width), ...(f.graded?.feedback ? feedbackLines(f.graded.feedback, width, f.graded.typedMessage) : [])]
          : f.phase === "done"
            ? [...drillEndLines(f.tally, s.dueLeft ?? 0), ...(s.pacing && s.examDateText ? [blank, ...pacingLines(s.pacing, s.examDateText)] : [])]
            : [];
  const lines = useMemo(() => linesOf(flow, state), [flow, state.dueLeft, width]);

  useScreenInput((input, key) => {
    const s = get();
    const f = s.flow;
    if (!f) return;
    const typingNow = Boolean(params.typed && f.phase === "ask" && f.item?.question && f.item.question.kind !== "trap");
    if (typingNow) {
      if (key.escape) return props.back();
      if (key.return) return apply({ type: "typed", text: s.text, now: now() });
      if (isLineEdit(input, key)) set({ ...s, text: editLine(s.text, input, key, 80) });
      return;
    }
    if (input === "u" && undoable(f)) return undo();
    const q = f.item?.question;
    if (f.phase === "ask") {
      if (f.item?.flashcard) {
        if (key.return || input === " ") apply({ type: "reveal", now: now() });
        return;
      }
      if (!q) return;
      const moved = moveSelection(input, key, s.selected, q.choices.length);
      if (moved !== undefined) return set({ ...s, selected: moved });
      if (q.choose > 1) {
        // "Choose two/three": digits (or Space on the selected row) toggle, Enter submits the set.
        if (key.return) return apply({ type: "submit", now: now() });
        const toggle = input === " " ? s.selected : digitChoice(input, q.choices.length);
        if (toggle !== undefined) apply({ type: "toggle", index: toggle });
        return;
      }
      const pick = key.return ? s.selected : digitChoice(input, q.choices.length);
      if (pick !== undefined) apply({ type: "pick", index: pick, now: now() });
      return;
    }
    if (f.phase === "wait") {
      if (key.return || input === " ") apply({ type: "showNow", now: now() });
      return;
    }
    if (f.phase === "done") {
      if (key.return) props.back();
      return;
    }
    const count = linesOf(f, s).length;
    if (key.downArrow || input === "j") return set({ ...s, scroll: Math.min(maxScroll(count, room), s.scroll + 1) });
    if (key.upArrow || input === "k") return set({ ...s, scroll: Math.max(0, s.scroll - 1) });
    if (f.phase === "why") {
      if (f.whyPick === undefined) {
        const pick = digitChoice(input, f.why?.reasons.length ?? 0);
        if (pick !== undefined) apply({ type: "why", index: pick });
      } else if (key.return || input === " ") apply({ type: "toRate" });
      return;
    }
    if (f.phase === "rate" && f.offer) {
      const digit = /^[1-4]$/.test(input) ? (Number(input) as Grade) : undefined;
      if (digit) commit(digit);
      else if (key.return || input === " ") commit(f.offer.proposed);
    }
  });

  if (!store || !flow) {
    return (
      <Box flexDirection="column">
        <Text bold>Drill needs the progress store</Text>
        <Text wrap="wrap">{props.progress.problem ?? "It could not be opened."}</Text>
        <Text wrap="wrap">Quiz and Exam still work (their results are not saved this time).</Text>
      </Box>
    );
  }
  const t = now();
  const header =
    flow.phase === "done"
      ? `Drill finished · Enter back`
      : `Drill · card ${Math.min(flow.index + 1, flow.queue.length)} of ${flow.queue.length}${flow.item?.isNew ? " · new" : ""}${flow.item && flow.queue[flow.index]?.returnAt !== undefined ? " · again" : ""}${flow.cram ? " · cram (schedule unchanged)" : ""} · ${flow.tally.answered} done`;
  const q = flow.item?.question;
  return (
    <Box flexDirection="column" width={width}>
      <Text color={tone(props.color, "muted")} wrap="truncate-end">
        {header}
      </Text>
      {flow.phase === "ask" && state.pacing?.bottleneck && state.examDateText && flow.tally.answered === 0 ? (
        <Text color={tone(props.color, "warn")} wrap="wrap">
          {pacingLines(state.pacing, state.examDateText)[0]!.text}
        </Text>
      ) : null}
      {flow.phase === "wait" && flow.waitUntil !== undefined ? (
        <Box flexDirection="column">
          <Text> </Text>
          <Text wrap="wrap">{waitText(flow.waitUntil, t, flow.relearning)}</Text>
          <Text color={tone(props.color, "accent")}>Enter shows it now.</Text>
        </Box>
      ) : flow.phase === "ask" && flow.item?.flashcard ? (
        <Box flexDirection="column">
          <Text> </Text>
          <Text bold wrap="wrap">
            {flow.item.flashcard.front}
          </Text>
          <Text> </Text>
          <Text color={tone(props.color, "accent")}>Think of the answer, then press Space to reveal it.</Text>
        </Box>
      ) : flow.phase === "ask" && q ? (
        <Box flexDirection="column">
          <Text> </Text>
          {q.situation ? <Text wrap="wrap">{`${q.situation}\n`}</Text> : null}
          <Highlighted text={q.prompt} keywords={q.keywords} color={props.color} />
          <Text> </Text>
          {typing ? (
            <Text>
              Your answer: <Text bold>{state.text}</Text>
              <Text inverse> </Text>
            </Text>
          ) : (
            <ChoiceList
              items={q.choices.map((c, i) => ({ label: c.label, ...(q.choose > 1 ? { mark: flow.picked.includes(i) ? "[x]" : "[ ]" } : {}) }))}
              selected={state.selected}
              color={props.color}
              width={width}
            />
          )}
        </Box>
      ) : (
        <Lines lines={lines} height={room} scroll={state.scroll} color={props.color} />
      )}
      {flow.phase === "rate" && flow.offer ? (
        <Box flexDirection="column">
          <Text color={tone(props.color, "accent")} bold wrap="truncate-end">
            {flow.cram ? "Cram: the schedule does not change · Space next" : `${proposalText(flow.offer, t)} · Space accepts`}
          </Text>
          {flow.cram ? null : (
            <Text wrap="truncate-end">
              {([1, 2, 3, 4] as Grade[]).map((g) => `${g} ${RATING_NAMES[g]} · ${formatInterval(flow.offer!.next[g] - t)}`).join("   ")}
            </Text>
          )}
        </Box>
      ) : flow.phase === "why" && flow.whyPick !== undefined ? (
        <Text color={tone(props.color, "accent")}>Enter: rate this card →</Text>
      ) : null}
      {state.error ? (
        <Text color={tone(props.color, "bad")} wrap="wrap">
          {state.error}
        </Text>
      ) : null}
    </Box>
  );
}

/** The question stays above its feedback and the why step. */
function stemLines(f: DrillFlow, width: number): Line[] {
  const q = f.item?.question;
  return q ? [...para(q.prompt, width, { bold: true }), blank] : [];
}
