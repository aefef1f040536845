// The timed exam, as a thin driver of the exam reducer (src/exam/flow.ts): keys become actions, the
// reducer's effects (save the attempt, leave) run once each, and the state is drawn. A visible
// countdown, answers that can be changed ("Choose two" toggles), flags, free movement, a pause,
// a review list before submitting, Esc/q asking "submit now / keep going / abandon", auto-submit
// when time runs out, the clock stopped while the window is too small, then pass/fail with
// per-domain bars and a review of every question, filterable to missed or flagged.
import { Box, Text, type Key } from "ink";
import type React from "react";
import { useEffect, useMemo, useRef } from "react";
import {
  chooseHint,
  CONFIRM_CHOICES,
  examReducer,
  isFlowPaused,
  newExamFlow,
  pendingEffects,
  startExamFlow,
  type ExamAction,
  type ExamFlow,
} from "../../exam/flow.js";
import { DEFAULT_EXAM_COUNT, MINUTES_PER_QUESTION, remainingMs, reviewList, startExam } from "../../exam/session.js";
import {
  examSetupReducer,
  setupDone,
  setupMinutes,
  setupQuestions,
  setupRows,
  setupTitle,
  startSetup,
  type ExamSetup,
  type SetupAction,
} from "../../exam/setup.js";
import { examResultView } from "../../present/exam.js";
import type { Question } from "../../quiz/index.js";
import { ChoiceList, digitChoice } from "../components/ChoiceList.js";
import { Highlighted } from "../components/Highlighted.js";
import { Lines, maxScroll } from "../components/Lines.js";
import { formatClock, visibleWindow } from "../../present/highlight.js";
import type { KeyHelp } from "../key-help.js";
import type { ScreenProps } from "../screen-props.js";
import { SCREEN_KEYS } from "./keys.js";
import { useScreenInput, useScreenKeys, useScreenStatus } from "../screen-keys.js";
import { MARK, tone } from "../theme.js";
import { useLatestReducer } from "../components/use-latest-reducer.js";

export const keys = SCREEN_KEYS.exam;

export interface ExamParams {
  questions?: Question[];
  minutes?: number;
  now?: () => number;
  /** Clock tick in ms (tests use a short one). */
  tickMs?: number;
}

const CONFIRM_LABELS: Record<(typeof CONFIRM_CHOICES)[number], string> = {
  submit: "Submit now and see the result",
  keep: "Keep going",
  abandon: "Abandon the exam (nothing is saved)",
};

/** The keys that work in each state, for the hint bar. */
export function examKeys(f: ExamFlow, multi: boolean): KeyHelp {
  if (f.view === "result")
    return [
      ["↑ ↓ / PgUp PgDn", "scroll"],
      ["f", "show all / missed / flagged"],
      ...(f.result?.missed.length ? ([["m", "retake missed"]] as const) : []),
      ["Enter / Esc", "back to the menu"],
      ["q", "quit"],
    ];
  if (f.view === "confirm")
    return [
      ["1 2 3 / ↑ ↓ Enter", "choose"],
      ["Esc", "keep going"],
    ];
  if (f.paused.learner)
    return [
      ["Space", "resume"],
      ["Esc / q", "leave…"],
    ];
  if (f.view === "review")
    return [
      ["↑ ↓", "move"],
      ["Enter", "open"],
      ["s", "submit"],
      ["Space", "pause"],
      ["Esc", "back to the question"],
      ["q", "leave…"],
    ];
  return [
    [multi ? "1–9" : "1–9 / ↑ ↓ Enter", multi ? "pick / unpick" : "answer"],
    ["← → / p n", "move"],
    ["f", "flag"],
    ["r", "review · submit"],
    ["Space", "pause"],
    ["Esc / q", "leave…"],
  ];
}

interface ScreenState {
  /** Opened from the menu: the setup comes first. */
  setup?: ExamSetup;
  flow: ExamFlow;
  scroll: number;
}

/** What a key does on the setup, given the state the previous key left. Pure but for `seed`. */
function onSetupKey(pack: ScreenProps["pack"], s: ScreenState & { setup: ExamSetup }, input: string, key: Key, t: number): ScreenState {
  const rows = setupRows(pack, s.setup).length;
  const digit = digitChoice(input, rows);
  const a: SetupAction | undefined =
    digit !== undefined
      ? { type: "choose", index: digit }
      : key.upArrow || input === "k"
        ? { type: "move", by: -1 }
        : key.downArrow || input === "j"
          ? { type: "move", by: 1 }
          : key.return
            ? { type: "choose", index: s.setup.at }
            : undefined;
  if (!a) return s;
  const setup = examSetupReducer(pack, s.setup, a);
  if (!setupDone(setup)) return { ...s, setup };
  const questions = setupQuestions(pack, setup, t);
  return { flow: startExamFlow(startExam(questions, { now: t, msPerQuestion: setup.pace * 60_000 })), scroll: 0 };
}

/** What a key does to the screen, given the state the previous key left. Pure. */
function onKey(pack: ScreenProps["pack"], s: ScreenState, input: string, key: Key, t: number, view: { lines: number; height: number }): ScreenState {
  if (s.setup) return onSetupKey(pack, { ...s, setup: s.setup }, input, key, t);
  const f = s.flow;
  const act = (a: ExamAction, scroll = s.scroll): ScreenState => ({ flow: examReducer(pack, f, a), scroll });
  const q = f.exam.questions[f.exam.index]!;
  if (f.view === "result") {
    const max = maxScroll(view.lines, view.height);
    const page = Math.max(1, view.height - 2);
    if (key.downArrow || input === "j") return { ...s, scroll: Math.min(max, s.scroll + 1) };
    if (key.upArrow || input === "k") return { ...s, scroll: Math.max(0, s.scroll - 1) };
    if (key.pageDown || input === " ") return { ...s, scroll: Math.min(max, s.scroll + page) };
    if (key.pageUp) return { ...s, scroll: Math.max(0, s.scroll - page) };
    if (input === "f") return act({ type: "filter" }, 0);
    if (input === "m") return act({ type: "retake", now: t }, 0);
    if (key.return) return act({ type: "close" });
    return s;
  }
  if (f.view === "confirm") {
    const byKey = ({ "1": "submit", s: "submit", "2": "keep", k: "keep", "3": "abandon", a: "abandon" } as const)[input as "1"];
    if (byKey) return act({ type: "confirm", choice: byKey, now: t });
    if (key.upArrow) return act({ type: "confirmMove", by: -1 });
    if (key.downArrow || input === "j") return act({ type: "confirmMove", by: 1 });
    if (key.return) return act({ type: "confirm", now: t });
    return s;
  }
  if (input === " ") return act({ type: f.paused.learner ? "resume" : "pause", reason: "learner", now: t });
  if (f.paused.learner) return s;
  if (f.view === "review") {
    if (key.upArrow || input === "k") return act({ type: "reviewMove", by: -1 });
    if (key.downArrow || input === "j") return act({ type: "reviewMove", by: 1 });
    if (key.return) return act({ type: "reviewOpen", now: t });
    if (input === "s") return act({ type: "submit", now: t });
    return s;
  }
  const pick = digitChoice(input, q.choices.length);
  if (pick !== undefined) return act({ type: "pick", index: pick, now: t });
  if (key.upArrow || input === "k") return act({ type: "cursor", by: -1 });
  if (key.downArrow || input === "j") return act({ type: "cursor", by: 1 });
  if (key.return) return act({ type: "pickCursor", now: t });
  if (key.rightArrow || input === "n") return act({ type: "move", by: 1, now: t });
  if (key.leftArrow || input === "p") return act({ type: "move", by: -1, now: t });
  if (input === "f") return act({ type: "flag" });
  if (input === "r" || input === "s") return act({ type: "review" });
  return s;
}

export function ExamScreen(props: ScreenProps): React.JSX.Element {
  const params = (props.params ?? {}) as ExamParams;
  const now = params.now ?? Date.now;
  const pack = props.pack;
  const [state, update] = useLatestReducer<ScreenState>(() => {
    const t = now();
    // Opened from the menu (no questions given): the setup first; the flow behind it is a placeholder.
    const setup = params.questions ? undefined : startSetup(pack);
    const questions = params.questions ?? [];
    return {
      ...(setup ? { setup } : {}),
      flow: newExamFlow(questions, { now: t, ...(params.minutes !== undefined ? { minutes: params.minutes } : {}) }),
      scroll: 0,
    };
  });
  const setup = state.setup;
  const flow = state.flow;
  const dispatch = (a: ExamAction) => update((s) => ({ ...s, flow: examReducer(pack, s.flow, a) }));
  const done = useRef(0);
  const { tooSmall } = useScreenStatus();
  // The latest state, for the App's synchronous "did you handle Esc / q?" questions.
  const latest = useRef(flow);
  latest.current = flow;

  // The reducer's effects, each run once.
  useEffect(() => {
    for (const e of pendingEffects(flow, done.current)) {
      done.current = e.id;
      if (e.type === "record") props.progress.recordAttempt(e.attempt);
      else props.back();
    }
  }, [flow.effects]);

  // The clock stops while the window is too small to show the exam, and runs again after.
  useEffect(() => {
    dispatch({ type: tooSmall ? "pause" : "resume", reason: "window", now: now() });
  }, [tooSmall]);

  // The clock: a tick a second redraws the countdown; the reducer submits when time is up.
  const running = !flow.exam.submitted && !setup;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => dispatch({ type: "tick", now: now() }), params.tickMs ?? 1000);
    return () => clearInterval(timer);
  }, [running]);

  const q = flow.exam.questions[flow.exam.index]!;
  const multi = chooseHint(flow) !== undefined;
  const inSetup = useRef(setup);
  inSetup.current = setup;
  useScreenKeys({
    onEscape: () => {
      const st = inSetup.current;
      if (st) {
        if (st.step === "count") return false;
        update((s) => (s.setup ? { ...s, setup: examSetupReducer(pack, s.setup, { type: "back" }) } : s));
        return true;
      }
      if (latest.current.view === "result") return false;
      update((s) => ({
        ...s,
        flow: examReducer(
          pack,
          s.flow,
          s.flow.view === "review" ? { type: "back" } : s.flow.view === "confirm" ? { type: "abandonCancel" } : { type: "abandonRequest" },
        ),
      }));
      return true;
    },
    onQuit: () => {
      if (inSetup.current || latest.current.view === "result") return false;
      dispatch({ type: "abandonRequest" });
      return true;
    },
    keys: setup
      ? [
          ["1–9 / ↑ ↓ Enter", "choose"],
          ["Esc", setup.step === "count" ? "back" : "previous step"],
          ["q", "quit"],
        ]
      : examKeys(flow, multi),
  });

  const width = props.width - 1;
  const bodyHeight = props.height;
  const resultLines = useMemo(() => examResultView(flow, width), [flow.result, flow.filter, width]);

  useScreenInput((input, key) => {
    const t = now();
    update((s) => onKey(pack, s, input, key, t, { lines: s.flow.view === "result" ? examResultView(s.flow, width).length : 0, height: bodyHeight }));
  });
  const scroll = state.scroll;

  if (setup) {
    const rows = setupRows(pack, setup);
    return (
      <Box flexDirection="column" width={width}>
        <Text bold>{setupTitle(setup)}</Text>
        <Text color={tone(props.color, "muted")} wrap="wrap">
          Defaults: {DEFAULT_EXAM_COUNT} questions, {MINUTES_PER_QUESTION} minutes per question, every domain. Pass mark{" "}
          {Math.round(pack.meta.passingScore * 100)}%.
          {setup.step !== "count" ? ` Chosen: ${setup.count} questions${setup.step === "domains" ? `, ${setupMinutes(setup)} minutes` : ""}.` : ""}
        </Text>
        <Text> </Text>
        <ChoiceList
          items={rows.map((r) => ({ label: r.label, ...(r.on !== undefined ? { mark: r.on ? MARK.right : "·" } : {}) }))}
          selected={setup.at}
          color={props.color}
          width={width}
        />
      </Box>
    );
  }

  if (flow.view === "result" && flow.result) {
    return <Lines lines={resultLines} height={bodyHeight} scroll={scroll} color={props.color} />;
  }

  const exam = flow.exam;
  const left = remainingMs(exam, flow.now);
  const rows = reviewList(exam);
  const answered = rows.filter((r) => r.answered).length;
  const flagged = rows.filter((r) => r.flagged).length;
  const clock = (
    <Text color={tone(props.color, left < 60_000 ? "bad" : "muted")} wrap="truncate-end">
      Exam · question {exam.index + 1} of {exam.questions.length} · ⏱ {formatClock(left)} left{isFlowPaused(flow) ? " (paused)" : ""} · answered {answered}/
      {exam.questions.length}
      {flagged ? ` · ${flagged} flagged` : ""}
    </Text>
  );

  if (flow.view === "confirm") {
    return (
      <Box flexDirection="column" width={width}>
        {clock}
        <Text> </Text>
        <Text bold>
          Leave the exam? {rows.length - answered} of {rows.length} unanswered.
        </Text>
        <Text> </Text>
        <ChoiceList items={CONFIRM_CHOICES.map((c) => ({ label: CONFIRM_LABELS[c] }))} selected={flow.confirmAt} color={props.color} width={width} />
      </Box>
    );
  }

  if (flow.paused.learner) {
    return (
      <Box flexDirection="column" width={width}>
        {clock}
        <Text> </Text>
        <Text bold>Paused: the clock is stopped and the question hidden.</Text>
        <Text color={tone(props.color, "accent")}>Press Space to resume.</Text>
      </Box>
    );
  }

  if (flow.view === "review") {
    const room = Math.max(1, bodyHeight - 3);
    const { start, end } = visibleWindow(rows.length, flow.reviewAt, room);
    const unanswered = rows.length - answered;
    return (
      <Box flexDirection="column">
        {clock}
        <Text bold>
          Review before submitting: {unanswered} unanswered, {flagged} flagged · Enter opens · s submits
        </Text>
        {rows.slice(start, end).map((r) => {
          const active = r.index === flow.reviewAt;
          const mark = r.answered ? MARK.right : "·";
          const status = r.answered ? "" : r.picked ? `${r.picked} of ${r.needed} picked — ` : "unanswered — ";
          return (
            <Text
              key={r.index}
              wrap="truncate-end"
              bold={active}
              color={active ? tone(props.color, "accent") : r.answered ? undefined : tone(props.color, "warn")}
            >
              {active ? MARK.pointer : " "} {String(r.index + 1).padStart(2)}. {mark} {r.flagged ? `${MARK.flagged} ` : ""}
              {status}
              {r.prompt}
            </Text>
          );
        })}
      </Box>
    );
  }

  const mine = exam.picks[exam.index] ?? [];
  const hint = chooseHint(flow);
  return (
    <Box flexDirection="column" width={width}>
      {clock}
      {exam.flagged[exam.index] ? <Text color={tone(props.color, "warn")}>{MARK.flagged}</Text> : <Text> </Text>}
      {q.situation ? <Text wrap="wrap">{`${q.situation}\n`}</Text> : null}
      <Highlighted text={q.prompt} keywords={q.keywords} color={props.color} />
      {hint ? <Text bold>{hint}</Text> : <Text> </Text>}
      <ChoiceList
        items={q.choices.map((c, i) => ({ label: c.label, ...(mine.includes(i) ? { mark: "●" } : {}) }))}
        selected={flow.cursor}
        color={props.color}
        width={width}
      />
      <Text> </Text>
      <Text color={tone(props.color, "muted")} wrap="truncate-end">
        {mine.length === 0 ? "Not answered yet." : `Your answer: ${mine.map((i) => i + 1).join(", ")}.`}
      </Text>
    </Box>
  );
}
