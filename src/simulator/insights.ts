// A simplified, documented model of CloudTrail Insights: per-minute call (or error) counts, a
// baseline learned from what came before, and Insights start/end events when activity departs from
// it. What AWS documents and what this model assumes are listed side by side and shown to the
// learner (User Guide, "Working with CloudTrail Insights"). Pure and seeded.
import { createRng } from "../quiz/rng.js";
import { EVENT_VERSION, SIM_EPOCH } from "./records.js";

export type InsightType = "ApiCallRateInsight" | "ApiErrorRateInsight";

export const DOCUMENTED = [
  "Two insight types: ApiCallRateInsight (volume of write management API calls) and ApiErrorRateInsight (management API calls that end in errors).",
  "CloudTrail learns a baseline of normal activity for each API (built over the previous 7 days) and writes an Insights event when activity departs from it.",
  "A start event marks the beginning of unusual activity and an end event its close; insightDetails carries state, eventSource, eventName, insightType and statistics (baseline and insight averages, durations).",
  "Insights events have eventCategory Insight and eventType AwsCloudTrailInsight; the first insights can take up to 36 hours after enabling.",
];
export const ASSUMED = [
  "The baseline here is the mean and standard deviation of every earlier minute (AWS does not publish its algorithm or window maths).",
  "An insight starts at the first minute above mean + 3 standard deviations (at least mean + 2) and ends at the first minute back under it; the baseline is frozen while an insight is open.",
  "No insight is raised before 60 minutes of history, standing in for AWS's learning period.",
  "Counts are the rate times (1 + noise × a normal draw), rounded and never negative.",
];

export interface InsightsInput {
  eventSource: string;
  eventName: string;
  type: InsightType;
  /** Per-minute counts; generated from the rates below when absent. */
  counts?: number[];
  minutes?: number;
  baselineRate?: number;
  burstRate?: number;
  burstAt?: number;
  burstMinutes?: number;
  noise?: number;
  seed?: number | string;
}

export interface InsightWindow {
  start: number;
  end: number;
  baselineAverage: number;
  insightAverage: number;
  /** Minutes of history the baseline was learned from. */
  baselineMinutes: number;
}

export interface InsightsResult {
  counts: number[];
  /** Threshold per minute (NaN while learning). */
  threshold: number[];
  insights: InsightWindow[];
  events: Array<Record<string, unknown>>;
  documented: readonly string[];
  assumed: readonly string[];
}

/**
 * The insight type that can fire for an action (User Guide, "Working with CloudTrail Insights"):
 * call-rate insights analyse write management calls and read and write data calls (data events on
 * trails only), so a read-only management action can only show up through its error rate.
 */
export function insightTypeFor(action: { readOnly: boolean; category?: string }): InsightType {
  return action.category === "Data" || !action.readOnly ? "ApiCallRateInsight" : "ApiErrorRateInsight";
}

/** What an insight type measures for an action, in words. */
export function insightMeasure(action: { readOnly: boolean; category?: string }): string {
  if (action.category === "Data") return "rate of data API calls, read and write (or their error rate; data events are analysed on trails only)";
  return action.readOnly ? "error rate of management calls" : "rate of write management calls (or their error rate)";
}

/**
 * The Insights model's defaults, one table for `simulate insights` and the Simulate screen: the
 * burst is ten times the baseline for call rates, five times for error rates.
 */
export const INSIGHTS_DEFAULTS = {
  minutes: 240,
  baselineRate: 5,
  burstShare: 0.6,
  burstMinutes: 15,
  noise: 0.2,
  burstFactor: { ApiCallRateInsight: 10, ApiErrorRateInsight: 5 },
} as const;

/** The model input for an action with the defaults, overridden by what the learner gave. */
export function insightsInputFor(
  action: { id: string; eventSource: string; eventName: string; readOnly: boolean; category?: string },
  over: Partial<InsightsInput> = {},
): InsightsInput {
  const type = over.type ?? insightTypeFor(action);
  const minutes = over.minutes ?? INSIGHTS_DEFAULTS.minutes;
  const baselineRate = over.baselineRate ?? INSIGHTS_DEFAULTS.baselineRate;
  return {
    eventSource: action.eventSource,
    eventName: action.eventName,
    type,
    minutes,
    baselineRate,
    burstRate: baselineRate * INSIGHTS_DEFAULTS.burstFactor[type],
    burstAt: Math.floor(minutes * INSIGHTS_DEFAULTS.burstShare),
    burstMinutes: INSIGHTS_DEFAULTS.burstMinutes,
    noise: INSIGHTS_DEFAULTS.noise,
    seed: action.id,
    ...Object.fromEntries(Object.entries(over).filter(([, v]) => v !== undefined)),
  };
}

export const LEARNING_MINUTES = 60;
const SIGMAS = 3;
const MIN_MARGIN = 2;

function normal(rng: () => number): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

export function generateCounts(input: InsightsInput): number[] {
  const rng = createRng(input.seed ?? 1);
  const minutes = input.minutes ?? INSIGHTS_DEFAULTS.minutes;
  const base = input.baselineRate ?? INSIGHTS_DEFAULTS.baselineRate;
  const burst = input.burstRate ?? base * INSIGHTS_DEFAULTS.burstFactor[input.type];
  const at = input.burstAt ?? Math.floor(minutes * INSIGHTS_DEFAULTS.burstShare);
  const len = input.burstMinutes ?? INSIGHTS_DEFAULTS.burstMinutes;
  const noise = input.noise ?? INSIGHTS_DEFAULTS.noise;
  return Array.from({ length: minutes }, (_, m) => {
    const rate = m >= at && m < at + len ? burst : base;
    return Math.max(0, Math.round(rate * (1 + noise * normal(rng))));
  });
}

export function modelInsights(input: InsightsInput): InsightsResult {
  const counts = input.counts ?? generateCounts(input);
  const threshold: number[] = [];
  const insights: InsightWindow[] = [];
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  let open: { start: number; baseline: number; limit: number; total: number; history: number } | undefined;
  counts.forEach((c, m) => {
    const mean = n ? sum / n : 0;
    const sd = n ? Math.sqrt(Math.max(0, sumSq / n - mean * mean)) : 0;
    const limit = open ? open.limit : mean + Math.max(SIGMAS * sd, MIN_MARGIN);
    threshold.push(n >= LEARNING_MINUTES ? limit : NaN);
    if (open) {
      if (c > open.limit) open.total += c;
      else {
        insights.push({
          start: open.start,
          end: m,
          baselineAverage: open.baseline,
          insightAverage: open.total / (m - open.start),
          baselineMinutes: open.history,
        });
        open = undefined;
      }
    } else if (n >= LEARNING_MINUTES && c > limit) {
      open = { start: m, baseline: mean, limit, total: c, history: n };
    }
    if (!open) {
      sum += c;
      sumSq += c * c;
      n++;
    }
  });
  if (open)
    insights.push({
      start: open.start,
      end: counts.length,
      baselineAverage: open.baseline,
      insightAverage: open.total / (counts.length - open.start),
      baselineMinutes: open.history,
    });
  const events = insights.flatMap((w, i) => [insightEvent(input, w, "Start", i), ...(w.end < counts.length ? [insightEvent(input, w, "End", i)] : [])]);
  return { counts, threshold, insights, events, documented: DOCUMENTED, assumed: ASSUMED };
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

function insightEvent(input: InsightsInput, w: InsightWindow, state: "Start" | "End", i: number): Record<string, unknown> {
  const rng = createRng(`${input.seed ?? 1}:insight:${i}:${state}`);
  const id = () =>
    Array.from({ length: 4 }, () =>
      Math.floor(rng() * 0x10000)
        .toString(16)
        .padStart(4, "0"),
    ).join("");
  const minute = state === "Start" ? w.start : w.end;
  return {
    eventVersion: EVENT_VERSION,
    eventTime: new Date(SIM_EPOCH + minute * 60_000).toISOString().replace(/\.000Z$/, "Z"),
    awsRegion: "us-east-1",
    eventID: `${id().slice(0, 8)}-${id().slice(0, 4)}-4${id().slice(0, 3)}-8${id().slice(0, 3)}-${id().slice(0, 12)}`,
    eventType: "AwsCloudTrailInsight",
    recipientAccountId: "111122223333",
    sharedEventID: `${id().slice(0, 8)}-${id().slice(0, 4)}-4${id().slice(0, 3)}-9${id().slice(0, 3)}-${id().slice(0, 12)}`,
    insightDetails: {
      state,
      eventSource: input.eventSource,
      eventName: input.eventName,
      insightType: input.type,
      insightContext: {
        statistics: {
          baseline: { average: round(w.baselineAverage) },
          insight: { average: round(w.insightAverage) },
          ...(state === "End" ? { insightDuration: w.end - w.start } : { insightDuration: 1 }),
          baselineDuration: w.baselineMinutes,
        },
      },
    },
    eventCategory: "Insight",
  };
}
