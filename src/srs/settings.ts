// The learner's drill settings, remembered in the store: desired retention, new cards per day, and
// an exam date no interval may pass. Parsing and defaults only. Pure.
import { DEFAULT_NEW_PER_DAY, DEFAULT_RETENTION, MAX_RETENTION, MIN_RETENTION, type SchedulerSettings } from "./scheduler.js";

export interface DrillSettings extends SchedulerSettings {
  newPerDay: number;
  examDateText?: string;
}

export const SETTING = { retention: "retention", newPerDay: "newPerDay", examDate: "examDate" } as const;

export function drillSettings(get: (key: string) => string | undefined): DrillSettings {
  const r = Number(get(SETTING.retention));
  const n = Number(get(SETTING.newPerDay));
  const examDateText = get(SETTING.examDate);
  const examDate = examDateText ? examDayStart(examDateText) : NaN;
  return {
    retention: r >= MIN_RETENTION && r <= MAX_RETENTION ? r : DEFAULT_RETENTION,
    newPerDay: Number.isInteger(n) && n >= 0 ? n : DEFAULT_NEW_PER_DAY,
    ...(examDateText && !Number.isNaN(examDate) ? { examDate, examDateText } : {}),
  };
}

/** YYYY-MM-DD as the start of that local day: every card falls due by then. NaN when not a date. */
export function examDayStart(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return NaN;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getMonth() === Number(m[2]) - 1 && d.getDate() === Number(m[3]) ? d.getTime() : NaN;
}
