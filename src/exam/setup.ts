// The exam's setup, as a pure reducer: how many questions, how much time, which domains; each with
// its default stated. Then the questions for it, the same for the same seed.
import type { Pack } from "../content/pack.js";
import { examForm } from "./form.js";
import type { Question } from "../quiz/types.js";
import { DEFAULT_EXAM_COUNT, MINUTES_PER_QUESTION } from "./session.js";

export const EXAM_COUNTS: readonly number[] = [10, DEFAULT_EXAM_COUNT, 40, 65];
/** Minutes per question offered; the first is the default. */
export const EXAM_PACES: readonly number[] = [MINUTES_PER_QUESTION, 2, 1];

export type SetupStep = "count" | "pace" | "domains";

export interface ExamSetup {
  step: SetupStep;
  count: number;
  /** Minutes per question. */
  pace: number;
  /** Domain ids in the exam (all by default). */
  domains: string[];
  /** Highlighted row of the current step. */
  at: number;
}

export type SetupAction =
  | { type: "choose"; index: number }
  | { type: "move"; by: number }
  | { type: "toggle"; index: number }
  | { type: "start" }
  | { type: "back" };

export function startSetup(pack: Pack): ExamSetup {
  return {
    step: "count",
    count: DEFAULT_EXAM_COUNT,
    pace: MINUTES_PER_QUESTION,
    domains: pack.meta.domains.map((d) => d.id),
    at: EXAM_COUNTS.indexOf(DEFAULT_EXAM_COUNT),
  };
}

export interface SetupRow {
  label: string;
  /** Shown as ✓ / · on the domains step. */
  on?: boolean;
}

/** What the current step lists. */
export function setupRows(pack: Pack, s: ExamSetup): SetupRow[] {
  if (s.step === "count")
    return EXAM_COUNTS.map((n) => ({ label: `${n} questions${n === DEFAULT_EXAM_COUNT ? " (default)" : n === 65 ? " (as many as the real exam)" : ""}` }));
  if (s.step === "pace") return EXAM_PACES.map((p, i) => ({ label: `${Math.round(s.count * p)} minutes — ${p} per question${i === 0 ? " (default)" : ""}` }));
  return [...pack.meta.domains.map((d) => ({ label: d.name, on: s.domains.includes(d.id) })), { label: "Start the exam" }];
}

export function setupTitle(s: ExamSetup): string {
  return s.step === "count"
    ? "Exam — how many questions?"
    : s.step === "pace"
      ? "Exam — how much time?"
      : "Exam — which domains? (all by default; a number or Enter toggles one)";
}

/** True when the setup is complete and the exam should start. */
export function setupDone(s: ExamSetup): boolean {
  return s.step === "domains" && s.at < 0;
}

export function examSetupReducer(pack: Pack, s: ExamSetup, a: SetupAction): ExamSetup {
  const rows = setupRows(pack, s).length;
  switch (a.type) {
    case "move":
      return s.at < 0 ? s : { ...s, at: (((s.at + a.by) % rows) + rows) % rows };
    case "choose": {
      if (a.index < 0 || a.index >= rows || s.at < 0) return s;
      if (s.step === "count") return { ...s, step: "pace", count: EXAM_COUNTS[a.index]!, at: 0 };
      if (s.step === "pace") return { ...s, step: "domains", pace: EXAM_PACES[a.index]!, at: rows - 1 };
      if (a.index === pack.meta.domains.length) return examSetupReducer(pack, s, { type: "start" });
      return examSetupReducer(pack, s, { type: "toggle", index: a.index });
    }
    case "toggle": {
      const d = pack.meta.domains[a.index];
      if (s.step !== "domains" || !d) return s;
      const on = s.domains.includes(d.id);
      // At least one domain stays in.
      if (on && s.domains.length === 1) return s;
      return { ...s, domains: on ? s.domains.filter((x) => x !== d.id) : [...s.domains, d.id], at: a.index };
    }
    case "start":
      return s.step === "domains" ? { ...s, at: -1 } : s;
    case "back":
      return s.step === "pace"
        ? { ...s, step: "count", at: EXAM_COUNTS.indexOf(s.count) }
        : s.step === "domains"
          ? { ...s, step: "pace", at: EXAM_PACES.indexOf(s.pace) }
          : s;
  }
}

/** The exam's questions: a form over the chosen domains (by their weights, no repeats), the same for a seed. */
export function setupQuestions(pack: Pack, s: ExamSetup, seed: number | string): Question[] {
  return examForm(pack, { count: s.count, seed, domains: s.domains });
}

export function setupMinutes(s: ExamSetup): number {
  return s.count * s.pace;
}
