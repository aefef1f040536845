// The quiz: the requirement with its keywords marked, numbered options (toggled for "Choose two");
// after a wrong pick, "why does it fail?" before any reason is shown; then, under the stem, why
// every distractor fails, the explanation and the source; at the end the score, the missed ones
// and "retry the missed ones". Esc or q mid-quiz asks before abandoning. A thin driver of quizReducer.
import type { KeyHelp } from "../key-help.js";
import { Box, Text } from "ink";
import type React from "react";
import { useEffect, useMemo, useRef, useState } from "react";
import { feedbackLines, fromPackLines, quizSummaryLines, whyStepLines } from "../../present/quiz.js";
import { buildQuiz, DEFAULT_QUIZ_COUNT, quizAttempt, type Question } from "../../quiz/index.js";
import { ChoiceList, digitChoice, moveSelection } from "../components/ChoiceList.js";
import { Highlighted } from "../components/Highlighted.js";
import { Lines, maxScroll } from "../components/Lines.js";
import { visibleWindow } from "../highlight.js";
import { answeredWhy, currentQuestion, isTyping, quizReducer, startFlow, type QuizAction, type QuizFlow } from "../../quiz/flow.js";
import type { ScreenProps } from "../screen-props.js";
import { SCREEN_KEYS } from "./keys.js";
import { useScreenInput, useScreenKeys } from "../screen-keys.js";
import { tone } from "../theme.js";
import { editLine, isLineEdit } from "../text-input.js";

export const keys = SCREEN_KEYS.quiz;

export interface QuizParams {
  questions?: Question[];
  typed?: boolean;
  /** Question ids to ask (e.g. a search hit opened as a one-question quiz). */
  onlyIds?: string[];
  /** The seed of the questions' order and of each why step (`quiz --seed`): plain mode uses the same. */
  seed?: number | string;
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
  const topics = [
    { id: undefined as string | undefined, name: "All topics" },
    ...props.pack.meta.topics.map((t) => ({ id: t.id as string | undefined, name: t.name })),
  ];
  const items = count === undefined ? [...COUNTS.map((n) => `${n} questions`), `${DEFAULT_QUIZ_COUNT} questions, typed answers`] : topics.map((t) => t.name);
  useScreenInput((input, key) => {
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
      <ChoiceList
        items={items.slice(start, end).map((label) => ({ label }))}
        selected={selected - start}
        offset={start}
        color={props.color}
        width={props.width - 1}
      />
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
    const seed = params.seed ?? now();
    const typed = params.typed === true;
    const questions =
      params.questions ??
      buildQuiz(props.pack, {
        count: params.onlyIds?.length ?? params.count ?? DEFAULT_QUIZ_COUNT,
        seed,
        typed,
        ...(params.topic ? { topic: params.topic } : {}),
        ...(params.onlyIds ? { onlyIds: params.onlyIds } : {}),
      });
    return startFlow(questions, { typed, now: now(), seed });
  }, []);
  const [flow, setFlow] = useState<QuizFlow>(initial);
  const [selected, setSelected] = useState(0);
  const [text, setText] = useState("");
  const [scroll, setScroll] = useState(0);
  const recorded = useRef(false);
  const dispatch = (a: QuizAction) => {
    setFlow((f) => quizReducer(props.pack, f, a));
    if (a.type === "toggle" || a.type.startsWith("abandon")) return;
    setScroll(0);
    if (a.type === "continue" || a.type === "retry" || a.type === "type") {
      setSelected(0);
      setText("");
    }
  };
  const typing = isTyping(flow) && !flow.confirmAbandon;
  const midQuiz = flow.phase !== "summary" && flow.phase !== "abandoned";
  // Esc and q mid-quiz ask before abandoning (the screen answers them; the App does not go back).
  const askAbandon = () => {
    if (!midQuiz) return false;
    if (!flow.confirmAbandon) dispatch({ type: "abandon-request" });
    return true;
  };
  useScreenKeys({ typing, onEscape: askAbandon, onQuit: askAbandon, keys: quizKeys(flow, typing) });

  useEffect(() => {
    if (flow.phase === "abandoned") props.back();
    if (flow.phase !== "summary" || !flow.summary || recorded.current) return;
    recorded.current = true;
    props.progress.recordAttempt(quizAttempt(flow.quiz, flow.summary, now()));
  }, [flow.phase]);

  const q = currentQuestion(flow);
  const width = props.width - 1;
  const bodyHeight = props.height - 2;
  // Wrapped once per state of the quiz and width, not on every key (↑ ↓ only scroll them).
  const lines = useMemo(
    () =>
      flow.phase === "feedback" && flow.feedback
        ? [...feedbackLines(flow.feedback, width, flow.typedMessage, answeredWhy(flow)), ...fromPackLines(q, props.pack.parts.length)]
        : flow.phase === "why" && flow.why && flow.feedback
          ? whyStepLines(flow.feedback, flow.why, width)
          : flow.phase === "summary" && flow.summary
            ? quizSummaryLines(flow.summary, width)
            : [],
    [flow, width],
  );
  const choices = useMemo(
    () => q?.choices.map((c, i) => ({ label: c.label, ...(q.choose > 1 ? { mark: flow.selected.includes(i) ? "[x]" : "[ ]" } : {}) })) ?? [],
    [q, flow.selected],
  );

  useScreenInput((input, key) => {
    if (flow.confirmAbandon) {
      if (input === "y" || key.return) dispatch({ type: "abandon-confirm" });
      else if (input === "n" || key.escape) dispatch({ type: "abandon-cancel" });
      return;
    }
    if (typing) {
      if (key.escape) return dispatch({ type: "abandon-request" });
      if (key.return) return dispatch({ type: "type", text, now: now() });
      if (isLineEdit(input, key)) setText((t) => editLine(t, input, key, 80));
      return;
    }
    if (key.escape || input === "q") return; // the App hands these to onEscape / onQuit
    if (flow.phase === "question" && q) {
      const moved = moveSelection(input, key, selected, q.choices.length);
      if (moved !== undefined) return setSelected(moved);
      const digit = digitChoice(input, q.choices.length);
      if (q.choose > 1) {
        if (digit !== undefined) return dispatch({ type: "toggle", index: digit });
        if (input === " ") return dispatch({ type: "toggle", index: selected });
        if (key.return) dispatch({ type: "submit", now: now() });
        return;
      }
      const pick = key.return ? selected : digit;
      if (pick !== undefined) dispatch({ type: "pick", index: pick, now: now() });
      return;
    }
    if (key.downArrow || input === "j") return setScroll((s) => Math.min(maxScroll(lines.length, bodyHeight), s + 1));
    if (key.upArrow || input === "k") return setScroll((s) => Math.max(0, s - 1));
    if (flow.phase === "why") {
      const pick = digitChoice(input, flow.why?.reasons.length ?? 0);
      if (pick !== undefined) dispatch({ type: "why", index: pick });
      else if (key.return) dispatch({ type: "continue", now: now() });
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
  const next = flow.confirmAbandon
    ? "Abandon this quiz? y / Enter: yes · n / Esc: keep going"
    : flow.phase === "question" && q && q.choose > 1 && !typing
      ? `Choose ${q.choose}: ${flow.selected.length} picked · 1–${q.choices.length} / Space toggle · Enter submit`
      : flow.phase === "question" && flow.typedMessage
        ? flow.typedMessage
        : flow.phase === "feedback"
          ? "Enter: next question →"
          : flow.phase === "why"
            ? `Pick the reason (1–${flow.why?.reasons.length ?? 4}) · Enter skips`
            : "";
  return (
    <Box flexDirection="column">
      <Text color={tone(props.color, "muted")} wrap="truncate-end">
        {status}
      </Text>
      {flow.phase === "question" && q ? (
        <Box flexDirection="column" width={width}>
          <Text> </Text>
          {q.situation ? <Text wrap="wrap">{q.situation}</Text> : null}
          {q.situation ? <Text> </Text> : null}
          <Highlighted text={q.prompt} keywords={q.keywords} color={props.color} />
          <Text> </Text>
          {typing ? (
            <Text>
              Your answer: <Text bold>{text}</Text>
              <Text inverse> </Text>
            </Text>
          ) : (
            <ChoiceList items={choices} selected={selected} color={props.color} width={width} />
          )}
        </Box>
      ) : flow.phase === "abandoned" ? (
        <Text>Quiz abandoned.</Text>
      ) : (
        <Lines lines={lines} height={bodyHeight} scroll={scroll} color={props.color} />
      )}
      <Text color={tone(props.color, flow.confirmAbandon ? "warn" : "accent")} wrap="truncate-end">
        {next}
      </Text>
    </Box>
  );
}

/** The keys that work in the quiz's current state, for the footer. */
function quizKeys(flow: QuizFlow, typing: boolean): KeyHelp {
  if (flow.confirmAbandon)
    return [
      ["y / Enter", "abandon"],
      ["n / Esc", "keep going"],
    ];
  const q = currentQuestion(flow);
  const n = q?.choices.length ?? 0;
  switch (flow.phase) {
    case "question":
      if (typing)
        return [
          ["type, Enter", "answer"],
          ["Esc", "abandon (asks first)"],
        ];
      return q && q.choose > 1
        ? [
            [`1–${n} / Space`, `toggle (choose ${q.choose})`],
            ["Enter", "submit"],
            ["Esc / q", "abandon (asks first)"],
          ]
        : [
            [`1–${n} / ↑ ↓ Enter`, "answer"],
            ["Esc / q", "abandon (asks first)"],
          ];
    case "why":
      return [
        ["1–4", "why does your pick fail?"],
        ["Esc / q", "abandon (asks first)"],
      ];
    case "feedback":
      return [
        ["Enter / Space", "continue"],
        ["↑ ↓", "scroll"],
        ["Esc / q", "abandon (asks first)"],
      ];
    default:
      return [
        ["r", "retry the missed ones"],
        ["Enter / Esc", "back"],
      ];
  }
}
