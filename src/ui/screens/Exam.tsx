// The timed exam: a visible countdown, answers that can be changed, flags, free movement, a review
// list before submitting, auto-submit when time runs out, then pass/fail with per-domain bars,
// every missed question explained, and "retake missed only". The engine is src/exam/.
import { Box, Text, useInput } from "ink";
import React, { useEffect, useMemo, useRef, useState } from "react";
import { choose, DEFAULT_EXAM_COUNT, examAttempt, examResult, type ExamState, goTo, isExpired, remainingMs, retakeMissed, reviewList, startExam, submitExam, toggleFlag } from "../../exam/index.js";
import { examResultLines } from "../../present/quiz.js";
import { examForm } from "../../exam/form.js";
import type { Question } from "../../quiz/index.js";
import { ChoiceList, digitChoice, moveSelection } from "../components/ChoiceList.js";
import { Highlighted } from "../components/Highlighted.js";
import { Lines, maxScroll } from "../components/Lines.js";
import { formatClock, visibleWindow } from "../highlight.js";
import type { ScreenProps } from "../screen-props.js";
import { SCREEN_KEYS } from "./keys.js";
import { useScreenKeys } from "../screen-keys.js";
import { MARK, tone } from "../theme.js";

export const keys = SCREEN_KEYS.exam;

export interface ExamParams {
  questions?: Question[];
  minutes?: number;
  now?: () => number;
  /** Clock tick in ms (tests use a short one). */
  tickMs?: number;
}

type View = "question" | "review" | "result";

export function ExamScreen(props: ScreenProps): React.JSX.Element {
  const params = (props.params ?? {}) as ExamParams;
  const now = params.now ?? Date.now;
  const initial = useMemo(() => {
    const t = now();
    const questions = params.questions ?? examForm(props.pack, { count: DEFAULT_EXAM_COUNT, seed: t });
    return startExam(questions, { now: t, ...(params.minutes !== undefined ? { minutes: params.minutes } : {}) });
  }, []);
  const [exam, setExam] = useState<ExamState>(initial);
  const [view, setView] = useState<View>("question");
  const [reviewAt, setReviewAt] = useState(0);
  const [scroll, setScroll] = useState(0);
  const [, setTick] = useState(0);
  const recorded = useRef<ExamState | undefined>(undefined);
  useScreenKeys({ onEscape: () => (view === "review" ? (setView("question"), true) : false) });

  // The clock: redraw every second; when time is up, submit as it stands.
  useEffect(() => {
    if (exam.submitted) return;
    const timer = setInterval(() => {
      setTick((n) => n + 1);
      if (isExpired(exam, now())) {
        setExam((e) => submitExam(e, now()));
        setView("result");
      }
    }, params.tickMs ?? 1000);
    return () => clearInterval(timer);
  }, [exam]);

  const result = useMemo(() => (exam.submitted ? examResult(props.pack, exam) : undefined), [exam.submitted]);
  useEffect(() => {
    if (!result || recorded.current === exam) return;
    recorded.current = exam;
    props.progress.recordAttempt(examAttempt(exam, result));
  }, [result]);

  const width = props.width - 1;
  const bodyHeight = props.height - 1;
  const resultLines = result ? examResultLines(result, width) : [];
  const rows = reviewList(exam);
  const q = exam.questions[exam.index]!;

  useInput((input, key) => {
    if (view === "result") {
      if (key.downArrow || input === "j") setScroll((s) => Math.min(maxScroll(resultLines.length, bodyHeight), s + 1));
      else if (key.upArrow || input === "k") setScroll((s) => Math.max(0, s - 1));
      else if (input === "m" && result && result.missed.length) {
        setExam(retakeMissed(result, now()));
        setView("question");
        setScroll(0);
      } else if (key.return) props.back();
      return;
    }
    if (view === "review") {
      const moved = moveSelection(input, key, reviewAt, rows.length);
      if (moved !== undefined) return setReviewAt(moved);
      if (key.return) {
        setExam((e) => goTo(e, reviewAt));
        setView("question");
      } else if (input === "s") {
        setExam((e) => submitExam(e, now()));
        setView("result");
      }
      return;
    }
    const pick = digitChoice(input, q.choices.length);
    if (pick !== undefined) return setExam((e) => choose(e, pick, now()));
    if (key.rightArrow || input === "n") return setExam((e) => goTo(e, e.index + 1));
    if (key.leftArrow || input === "p") return setExam((e) => goTo(e, e.index - 1));
    if (input === "f") return setExam((e) => toggleFlag(e));
    if (input === "r" || input === "s") {
      setReviewAt(exam.index);
      setView("review");
    }
  });

  if (view === "result" && result) {
    return <Lines lines={resultLines} height={bodyHeight} scroll={scroll} color={props.color} />;
  }

  const left = remainingMs(exam, now());
  const answered = rows.filter((r) => r.answered).length;
  const flagged = rows.filter((r) => r.flagged).length;
  const clock = (
    <Text color={tone(props.color, left < 60_000 ? "bad" : "muted")} wrap="truncate-end">
      Exam · question {exam.index + 1} of {exam.questions.length} · ⏱ {formatClock(left)} left · answered {answered}/{exam.questions.length}
      {flagged ? ` · ${flagged} flagged` : ""}
    </Text>
  );

  if (view === "review") {
    const room = Math.max(1, bodyHeight - 4);
    const { start, end } = visibleWindow(rows.length, reviewAt, room);
    const unanswered = rows.length - answered;
    return (
      <Box flexDirection="column">
        {clock}
        <Text bold>
          Review before submitting: {unanswered} unanswered, {flagged} flagged
        </Text>
        {rows.slice(start, end).map((r) => {
          const active = r.index === reviewAt;
          const mark = r.answered ? MARK.right : "·";
          return (
            <Text key={r.index} wrap="truncate-end" bold={active} color={active ? tone(props.color, "accent") : r.answered ? undefined : tone(props.color, "warn")}>
              {active ? MARK.pointer : " "} {String(r.index + 1).padStart(2)}. {mark} {r.flagged ? `${MARK.flagged} ` : ""}
              {r.answered ? "" : "unanswered — "}
              {r.prompt}
            </Text>
          );
        })}
        <Text color={tone(props.color, "accent")} wrap="truncate-end">
          Enter open · s submit now · Esc back to the question
        </Text>
      </Box>
    );
  }

  const chosen = exam.choices[exam.index];
  return (
    <Box flexDirection="column" width={width}>
      {clock}
      {exam.flagged[exam.index] ? <Text color={tone(props.color, "warn")}>{MARK.flagged}</Text> : <Text> </Text>}
      {/* The situation (a configuration item's JSON, an exam scenario's context) before the requirement, as the Quiz screen shows it. */}
      {q.situation ? <Text wrap="wrap">{q.situation}</Text> : null}
      <Highlighted text={q.prompt} keywords={q.keywords} color={props.color} />
      <Text> </Text>
      <ChoiceList
        items={q.choices.map((c, i) => ({ label: c.label, ...(i === chosen ? { mark: "●" } : {}) }))}
        selected={chosen ?? -1}
        color={props.color}
        width={width}
      />
      <Text> </Text>
      <Text color={tone(props.color, "muted")} wrap="truncate-end">
        {chosen === undefined ? "Not answered yet." : `Your answer: ${chosen + 1}.`} ← → move · f flag · r review · s submit
      </Text>
    </Box>
  );
}
