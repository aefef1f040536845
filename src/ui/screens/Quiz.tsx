// The quiz: the requirement with its keywords marked, numbered options; after each answer, right or
// wrong, why every distractor fails and the explanation; after a wrong pick, "why does it fail?";
// at the end the score, the missed ones and "retry the missed ones". State moves in quizReducer.
import { Box, Text, useInput } from "ink";
import React, { useEffect, useMemo, useRef, useState } from "react";
import { feedbackLines, quizSummaryLines, whyLines } from "../../present/quiz.js";
import { buildQuiz, DEFAULT_QUIZ_COUNT, type Question, quizAttempt } from "../../quiz/index.js";
import { ChoiceList, digitChoice, moveSelection } from "../components/ChoiceList.js";
import { Highlighted } from "../components/Highlighted.js";
import { Lines, maxScroll } from "../components/Lines.js";
import { visibleWindow } from "../highlight.js";
import { quizReducer, startFlow, type QuizAction, type QuizFlow } from "../quiz-flow.js";
import type { ScreenProps } from "../screen-props.js";
import { SCREEN_KEYS } from "./keys.js";
import { useScreenKeys } from "../screen-keys.js";
import { tone } from "../theme.js";
import { editLine, isLineEdit } from "../text-input.js";

export const keys = SCREEN_KEYS.quiz;

export interface QuizParams {
  questions?: Question[];
  typed?: boolean;
  /** Question ids to ask (e.g. a search hit opened as a one-question quiz). */
  onlyIds?: string[];
  now?: () => number;
}

/** Opened from the menu (no questions given): ask how long a quiz and which topic, then run it. */
export function QuizScreen(props: ScreenProps): React.JSX.Element {
  const params = (props.params ?? {}) as QuizParams;
  const [chosen, setChosen] = useState<{ count: number; topic?: string; typed: boolean } | undefined>();
  if (params.questions || params.onlyIds || chosen) {
    return <QuizRun {...props} params={{ ...params, ...(chosen ? { count: chosen.count, topic: chosen.topic, typed: chosen.typed } : {}) }} />;
  }
  return <QuizSetup {...props} onStart={setChosen} />;
}

const COUNTS = [5, DEFAULT_QUIZ_COUNT, 20] as const;

function QuizSetup(props: ScreenProps & { onStart: (o: { count: number; topic?: string; typed: boolean }) => void }): React.JSX.Element {
  const [count, setCount] = useState<number | undefined>();
  const [selected, setSelected] = useState(1);
  const topics = [{ id: undefined as string | undefined, name: "All topics" }, ...props.pack.meta.topics.map((t) => ({ id: t.id as string | undefined, name: t.name }))];
  const items = count === undefined ? [...COUNTS.map((n) => `${n} questions`), `${DEFAULT_QUIZ_COUNT} questions, typed answers`] : topics.map((t) => t.name);
  useInput((input, key) => {
    const moved = moveSelection(input, key, selected, items.length);
    if (moved !== undefined) return setSelected(moved);
    const pick = key.return ? selected : digitChoice(input, items.length);
    if (pick === undefined) return;
    if (count === undefined) {
      setCount(pick);
      setSelected(0);
    } else {
      const typed = count === COUNTS.length;
      props.onStart({ count: typed ? DEFAULT_QUIZ_COUNT : COUNTS[count]!, typed, ...(topics[pick]!.id ? { topic: topics[pick]!.id } : {}) });
    }
  });
  const room = Math.max(3, props.height - 3);
  const { start, end } = visibleWindow(items.length, selected, room);
  return (
    <Box flexDirection="column">
      <Text bold>{count === undefined ? "Quiz — how many questions?" : "Quiz — which topic?"}</Text>
      <Text> </Text>
      <ChoiceList items={items.slice(start, end).map((label) => ({ label }))} selected={selected - start} offset={start} color={props.color} width={props.width - 1} />
    </Box>
  );
}

interface RunParams extends QuizParams {
  count?: number;
  topic?: string;
}

function QuizRun(props: ScreenProps): React.JSX.Element {
  const params = (props.params ?? {}) as RunParams;
  const now = params.now ?? Date.now;
  const initial = useMemo(() => {
    const seed = now();
    const questions =
      params.questions ??
      buildQuiz(props.pack, { count: params.onlyIds?.length ?? params.count ?? DEFAULT_QUIZ_COUNT, seed, ...(params.topic ? { topic: params.topic } : {}), ...(params.onlyIds ? { onlyIds: params.onlyIds } : {}) });
    return startFlow(questions, { typed: params.typed === true, now: seed, seed });
  }, []);
  const [flow, setFlow] = useState<QuizFlow>(initial);
  const [selected, setSelected] = useState(0);
  const [text, setText] = useState("");
  const [scroll, setScroll] = useState(0);
  const recorded = useRef(false);
  const dispatch = (a: QuizAction) => {
    setFlow((f) => quizReducer(props.pack, f, a));
    setScroll(0);
    if (a.type === "continue" || a.type === "retry") {
      setSelected(0);
      setText("");
    }
  };
  const typing = flow.phase === "question" && flow.typed;
  useScreenKeys({ typing });

  useEffect(() => {
    if (flow.phase !== "summary" || !flow.summary || recorded.current) return;
    recorded.current = true;
    props.progress.recordAttempt(quizAttempt(flow.quiz, flow.summary, now()));
  }, [flow.phase]);

  const q = flow.quiz.questions[flow.quiz.index];
  const width = props.width - 1;
  const bodyHeight = props.height - 2;
  const lines =
    flow.phase === "feedback" && flow.feedback
      ? feedbackLines(flow.feedback, width, flow.typedMessage)
      : flow.phase === "why" && flow.why
        ? whyLines(flow.why, width, flow.whyPick)
        : flow.phase === "summary" && flow.summary
          ? quizSummaryLines(flow.summary, width)
          : [];

  useInput((input, key) => {
    if (typing) {
      if (key.escape) return props.back();
      if (key.return) return dispatch({ type: "typed", text, now: now() });
      if (isLineEdit(input, key)) setText((t) => editLine(t, input, key, 80));
      return;
    }
    if (flow.phase === "question" && q) {
      const moved = moveSelection(input, key, selected, q.choices.length);
      if (moved !== undefined) return setSelected(moved);
      const pick = key.return ? selected : digitChoice(input, q.choices.length);
      if (pick !== undefined) dispatch({ type: "pick", index: pick, now: now() });
      return;
    }
    if (key.downArrow || input === "j") return setScroll((s) => Math.min(maxScroll(lines.length, bodyHeight), s + 1));
    if (key.upArrow || input === "k") return setScroll((s) => Math.max(0, s - 1));
    if (flow.phase === "why" && flow.whyPick === undefined) {
      const pick = digitChoice(input, flow.why?.reasons.length ?? 0);
      if (pick !== undefined) dispatch({ type: "why", index: pick });
      return;
    }
    if (flow.phase === "summary") {
      if (input === "r") dispatch({ type: "retry", now: now() });
      else if (key.return) props.back();
      return;
    }
    if (key.return || input === " ") dispatch({ type: "continue", now: now() });
  });

  const total = flow.quiz.questions.length;
  const score = flow.quiz.answers.filter((a) => a?.correct).length;
  const status =
    flow.phase === "summary"
      ? `Quiz finished · ${flow.summary?.missed.length ? "r retry the missed ones · " : ""}Enter back`
      : `Quiz · question ${Math.min(flow.quiz.index + 1, total)} of ${total} · ${score} right so far`;
  const next =
    flow.phase === "feedback" ? (flow.why ? "Enter: why does your pick fail? →" : "Enter: next question →") : flow.phase === "why" ? (flow.whyPick === undefined ? "Pick the reason (1–4)" : "Enter: next question →") : "";
  return (
    <Box flexDirection="column">
      <Text color={tone(props.color, "muted")} wrap="truncate-end">
        {status}
      </Text>
      {flow.phase === "question" && q ? (
        <Box flexDirection="column" width={width}>
          <Text> </Text>
          <Highlighted text={q.prompt} keywords={q.keywords} color={props.color} />
          <Text> </Text>
          {flow.typed && q.kind !== "trap" ? (
            <Text>
              Your answer: <Text bold>{text}</Text>
              <Text inverse> </Text>
            </Text>
          ) : flow.typed ? (
            <Text>
              True or false? <Text bold>{text}</Text>
              <Text inverse> </Text>
            </Text>
          ) : (
            <ChoiceList items={q.choices.map((c) => ({ label: c.label }))} selected={selected} color={props.color} width={width} />
          )}
        </Box>
      ) : (
        <Lines lines={lines} height={bodyHeight} scroll={scroll} color={props.color} />
      )}
      <Text color={tone(props.color, "accent")} wrap="truncate-end">
        {next}
      </Text>
    </Box>
  );
}
