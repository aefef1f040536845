// Today's drill: the card (a question, or a flashcard to reveal), the feedback, then the proposed
// rating with each rating's next interval ("Good · 4d"); 1–4 override, Space/Enter accepts. Every
// rating is committed to the store before the next card shows. State moves in drillReducer.
import { Box, Text } from "ink";
import React, { useMemo, useState } from "react";
import { allQuestions } from "../../quiz/build.js";
import { createRng } from "../../quiz/rng.js";
import { drillEndLines, proposalText } from "../../present/drill.js";
import { feedbackLines, whyLines } from "../../present/quiz.js";
import { blank, para } from "../../present/lines.js";
import { buildDeck } from "../../srs/cards.js";
import { dueCount } from "../../srs/queue.js";
import { formatInterval, RATING_NAMES, type Grade } from "../../srs/scheduler.js";
import { todaysDrill } from "../../srs/today.js";
import { ChoiceList, digitChoice, moveSelection } from "../components/ChoiceList.js";
import { Highlighted } from "../components/Highlighted.js";
import { Lines, maxScroll } from "../components/Lines.js";
import { drillReducer, startDrillFlow, type DrillAction, type DrillFlow } from "../drill-flow.js";
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
  now?: () => number;
}

export function DrillScreen(props: ScreenProps): React.JSX.Element {
  const ready = useProgressReady(props.progress);
  if (!ready) return <Text color={tone(props.color, "muted")}>Opening your progress…</Text>;
  return <DrillSession {...props} />;
}

function DrillSession(props: ScreenProps): React.JSX.Element {
  const params = (props.params ?? {}) as DrillParams;
  const now = params.now ?? Date.now;
  const store = props.progress.study;
  const deck = useMemo(() => buildDeck(props.pack), []);
  const pool = useMemo(() => allQuestions(props.pack, createRng(1), ["scenario"]), []);
  const initial = useMemo(() => {
    if (!store) return undefined;
    const t = now();
    const { queue, settings, misconceptions } = todaysDrill(props.pack, deck, store, { ...params, now: t });
    return startDrillFlow(props.pack, queue, { now: t, seed: String(t), settings, misconceptions, cram: params.cram === true });
  }, []);
  const [flow, setFlow] = useState<DrillFlow | undefined>(initial);
  const [selected, setSelected] = useState(0);
  const [text, setText] = useState("");
  const [scroll, setScroll] = useState(0);
  const [error, setError] = useState<string>();
  const typing = Boolean(params.typed && flow?.phase === "ask" && flow.item?.question && flow.item.question.kind !== "trap");
  useScreenKeys({ typing });

  const dispatch = (a: DrillAction) => {
    setFlow((f) => (f ? drillReducer(props.pack, f, a, pool) : f));
    setScroll(0);
    if (a.type === "committed") {
      setSelected(0);
      setText("");
    }
  };
  const commit = (rating: Grade) => {
    if (!flow?.item || !flow.offer || !store) return;
    const t = now();
    try {
      store.answer({ cardId: flow.item.deck.id, answerHash: flow.item.deck.answerHash, rating, now: t, elapsedMs: t - flow.shownAt, ...(flow.graded?.chosen ? { chosen: flow.graded.chosen } : {}), params: flow.offer.params, cram: flow.cram });
      setError(undefined);
      dispatch({ type: "committed", rating, now: t });
    } catch (err) {
      setError(`Not saved: ${(err as Error).message}. Your answer is kept on screen; press the rating again to retry.`);
    }
  };

  const width = props.width - 1;
  const room = props.height - 4;
  const lines = !flow
    ? []
    : flow.phase === "why" && flow.why
      ? whyLines(flow.why, width, flow.whyPick)
      : flow.phase === "rate"
        ? [...(flow.item?.flashcard ? [...para(flow.item.flashcard.front, width, { bold: true }), blank, ...para(flow.item.flashcard.back, width)] : flow.graded?.feedback ? feedbackLines(flow.graded.feedback, width, flow.graded.typedMessage) : [])]
        : flow.phase === "done"
          ? drillEndLines(flow.tally, dueCount(deck, store!.cardCache(), now()))
          : [];

  useScreenInput((input, key) => {
    if (!flow) return;
    if (typing) {
      if (key.escape) return props.back();
      if (key.return) return dispatch({ type: "typed", text, now: now() });
      if (isLineEdit(input, key)) setText((t) => editLine(t, input, key, 80));
      return;
    }
    const q = flow.item?.question;
    if (flow.phase === "ask") {
      if (flow.item?.flashcard) {
        if (key.return || input === " ") dispatch({ type: "reveal", now: now() });
        return;
      }
      if (!q) return;
      const moved = moveSelection(input, key, selected, q.choices.length);
      if (moved !== undefined) return setSelected(moved);
      const pick = key.return ? selected : digitChoice(input, q.choices.length);
      if (pick !== undefined) dispatch({ type: "pick", index: pick, now: now() });
      return;
    }
    if (key.downArrow || input === "j") return setScroll((s) => Math.min(maxScroll(lines.length, room), s + 1));
    if (key.upArrow || input === "k") return setScroll((s) => Math.max(0, s - 1));
    if (flow.phase === "why") {
      if (flow.whyPick === undefined) {
        const pick = digitChoice(input, flow.why?.reasons.length ?? 0);
        if (pick !== undefined) dispatch({ type: "why", index: pick });
      } else if (key.return || input === " ") dispatch({ type: "toRate" });
      return;
    }
    if (flow.phase === "rate" && flow.offer) {
      const digit = /^[1-4]$/.test(input) ? (Number(input) as Grade) : undefined;
      if (digit) commit(digit);
      else if (key.return || input === " ") commit(flow.offer.proposed);
      return;
    }
    if (flow.phase === "done" && key.return) props.back();
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
  const header = flow.phase === "done" ? `Drill finished · Enter back` : `Drill · card ${flow.index + 1} of ${flow.queue.length}${flow.item?.isNew ? " · new" : ""}${flow.cram ? " · cram (schedule unchanged)" : ""} · ${flow.tally.answered} done`;
  const q = flow.item?.question;
  return (
    <Box flexDirection="column" width={width}>
      <Text color={tone(props.color, "muted")} wrap="truncate-end">
        {header}
      </Text>
      {flow.phase === "ask" && flow.item?.flashcard ? (
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
          <Highlighted text={q.prompt} keywords={q.keywords} color={props.color} />
          <Text> </Text>
          {typing ? (
            <Text>
              Your answer: <Text bold>{text}</Text>
              <Text inverse> </Text>
            </Text>
          ) : (
            <ChoiceList items={q.choices.map((c) => ({ label: c.label }))} selected={selected} color={props.color} width={width} />
          )}
        </Box>
      ) : (
        <Lines lines={lines} height={room} scroll={scroll} color={props.color} />
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
      {error ? <Text color={tone(props.color, "bad")} wrap="wrap">{error}</Text> : null}
    </Box>
  );
}
