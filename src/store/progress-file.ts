// What `import progress` accepts from a file: a progress export (`export progress`) checked row by
// row with zod before anything touches the store — ratings 1–4, finite times, card states that
// parse, review parameters of the shape the scheduler replays, attempts with real dates, drill
// settings in range. A row that fails is refused with its position and the reason; the others are
// imported. Pure: no I/O.
import { z } from "zod";
import { MAX_RETENTION, MIN_RETENTION } from "../srs/scheduler.js";
import { examDayStart, SETTING } from "../srs/settings.js";

export const PROGRESS_FORMAT = "cloudtrail-tutor-progress";

/** The file is not a progress export at all (nothing is imported). */
export class ProgressFileError extends Error {
  override name = "ProgressFileError";
}

/** Latest time accepted: the end of year 9999 (ms). */
const MAX_TIME = 253_402_300_799_999;
const time = (what: string) =>
  z
    .number(`${what} must be a number of milliseconds`)
    .int(`${what} must be whole milliseconds`)
    .min(0, `${what} is before 1970`)
    .max(MAX_TIME, `${what} is past the year 9999`);
/** Ids and hashes we write are printable ASCII: nothing from a file can carry a terminal escape. */
const PRINTABLE = /^[\x21-\x7e]+$/;
const OPTION_ID = /^[A-Za-z0-9][A-Za-z0-9:._-]*$/;
const text = (what: string, max = 300) => z.string(`${what} must be text`).min(1, `${what} is empty`).max(max, `${what} is longer than ${max} characters`);

/** A card state as the store serialises it (ts-fsrs's Card with dates as ms). */
const CardState = z.looseObject({
  due: time("due"),
  stability: z.number().min(0),
  difficulty: z.number(),
  elapsed_days: z.number().min(0),
  scheduled_days: z.number().min(0),
  learning_steps: z.number().int().min(0),
  reps: z.number().int().min(0),
  lapses: z.number().int().min(0),
  state: z.number().int().min(0).max(3),
  last_review: time("last_review").optional(),
});

const cardState = (what: string) =>
  z.string(`${what} must be a card state (text)`).superRefine((s, ctx) => {
    let value: unknown;
    try {
      value = JSON.parse(s);
    } catch {
      ctx.addIssue({ code: "custom", message: `${what} is not a card state (not JSON)` });
      return;
    }
    const r = CardState.safeParse(value);
    if (!r.success) ctx.addIssue({ code: "custom", message: `${what} is not a card state (${describe(r.error.issues[0]!)})` });
  });

const ReviewParams = z.object(
  {
    retention: z
      .number("retention must be a number")
      .min(MIN_RETENTION, `retention is below ${MIN_RETENTION}`)
      .max(MAX_RETENTION, `retention is above ${MAX_RETENTION}`),
    maxIntervalDays: z
      .number("maxIntervalDays must be a number")
      .int("maxIntervalDays must be whole days")
      .min(1, "maxIntervalDays is below 1")
      .max(36500, "maxIntervalDays is above 36500"),
    dueCap: time("dueCap").optional(),
  },
  "params must be an object {retention, maxIntervalDays, dueCap?}",
);

export const ReviewRecord = z.object(
  {
    uid: text("uid", 200).regex(PRINTABLE, "uid must be printable ASCII without spaces"),
    cardId: text("cardId").regex(
      /^(scenario|fact|action|config):[A-Za-z0-9][A-Za-z0-9:._-]*$/,
      "cardId must look like scenario:ID, fact:ID, action:PREFIX:Name or config:N",
    ),
    answerHash: text("answerHash", 100).regex(PRINTABLE, "answerHash must be printable ASCII without spaces"),
    at: time("at"),
    rating: z
      .number("rating must be a number")
      .int("rating must be 1, 2, 3 or 4")
      .min(1, "rating must be 1–4 (Again, Hard, Good, Easy)")
      .max(4, "rating must be 1–4 (Again, Hard, Good, Easy)"),
    elapsedMs: z.number("elapsedMs must be a number").min(0, "elapsedMs is negative").max(MAX_TIME, "elapsedMs is too large"),
    chosen: text("chosen").regex(OPTION_ID, "chosen must be an option id").optional(),
    cram: z.boolean("cram must be true or false"),
    params: ReviewParams,
    before: cardState("before"),
    after: cardState("after"),
  },
  "a review must be an object",
);
export type ReviewRecord = z.infer<typeof ReviewRecord>;

const dateValue = (what: string) =>
  z.union([z.string(), z.number()], `${what} must be a date`).transform((v, ctx) => {
    const t = typeof v === "number" ? v : Date.parse(v);
    if (!Number.isFinite(t) || t < 0 || t > MAX_TIME) {
      ctx.addIssue({ code: "custom", message: `${what} is not a date` });
      return z.NEVER;
    }
    return t;
  });

const choiceId = text("chosen").regex(OPTION_ID, "chosen must be an option id");
/** One answer of an attempt; fields other versions may add are kept as they are. */
const AnswerRecord = z.looseObject({
  itemId: text("itemId").regex(/^[A-Za-z0-9][A-Za-z0-9:._-]*$/, "itemId must be a question id"),
  correct: z.boolean("correct must be true or false"),
  chosen: z.union([choiceId, z.array(choiceId)], "chosen must be an option id").optional(),
  elapsedMs: z.number("elapsedMs must be a number").min(0, "elapsedMs is negative"),
  domain: text("domain", 100).regex(OPTION_ID, "domain must be an id").optional(),
});

export const AttemptRow = z
  .object(
    {
      uid: text("uid", 200).regex(PRINTABLE, "uid must be printable ASCII without spaces"),
      kind: z.enum(["quiz", "exam", "drill", "cram"], "kind must be quiz, exam, drill or cram"),
      startedAt: dateValue("startedAt"),
      finishedAt: dateValue("finishedAt"),
      score: z.number("score must be a number").int("score must be whole").min(0, "score is negative"),
      total: z.number("total must be a number").int("total must be whole").min(0, "total is negative"),
      answers: z.array(AnswerRecord, "answers must be a list"),
    },
    "an attempt must be an object",
  )
  .refine((a) => a.score <= a.total, "score is more than total");
export type AttemptRow = z.infer<typeof AttemptRow>;

/** The drill settings a progress file moves, each checked as the drill checks its flag. */
export const MOVED_SETTINGS = [SETTING.retention, SETTING.newPerDay, SETTING.examDate] as const;
export type MovedSetting = (typeof MOVED_SETTINGS)[number];
const SETTING_CHECK: Record<MovedSetting, (v: string) => string | undefined> = {
  retention: (v) => (Number(v) >= MIN_RETENTION && Number(v) <= MAX_RETENTION ? undefined : `must be a number from ${MIN_RETENTION} to ${MAX_RETENTION}`),
  newPerDay: (v) => (/^\d+$/.test(v) && Number(v) <= 1000 ? undefined : "must be a whole number from 0 to 1000"),
  examDate: (v) => (Number.isNaN(examDayStart(v)) ? "must be a date YYYY-MM-DD" : undefined),
};

const Envelope = z.object({
  format: z.literal(PROGRESS_FORMAT),
  version: z.literal(1),
  settings: z.record(z.string(), z.unknown()).optional(),
  reviews: z.array(z.unknown()),
  attempts: z.array(z.unknown()),
});

export interface Refusal {
  /** Where in the file: `reviews[12]`, `attempts[0]`, `settings.retention`. */
  where: string;
  reason: string;
}

export interface ProgressFile {
  reviews: ReviewRecord[];
  attempts: AttemptRow[];
  settings: Partial<Record<MovedSetting, string>>;
  refused: Refusal[];
}

/** Shown in a reason: short, and with every control, bidi or invisible character escaped. */
export function shown(value: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(value) ?? String(value);
  } catch {
    s = String(value);
  }
  if (s.length > 40) s = s.slice(0, 39) + "…";
  return s.replace(
    /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function describe(issue: z.core.$ZodIssue): string {
  const at = issue.path.length ? issue.path.join(".") : "";
  const msg = issue.message;
  // Our messages name their field; zod's own ("Invalid input…") get the path in front.
  return at && !msg.startsWith(String(issue.path[issue.path.length - 1])) ? `${at}: ${msg}` : msg;
}

function valueAt(row: unknown, path: readonly PropertyKey[]): unknown {
  let v = row;
  for (const k of path) v = v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

function reason(row: unknown, issues: readonly z.core.$ZodIssue[]): string {
  const first = issues[0]!;
  const value = valueAt(row, first.path);
  return `${describe(first)}${first.path.length && value !== undefined && typeof value !== "object" ? ` (got ${shown(value)})` : ""}`;
}

/** Check a parsed progress file; throws ProgressFileError when it is not one at all. */
export function readProgressFile(value: unknown): ProgressFile {
  const env = Envelope.safeParse(value);
  if (!env.success) {
    const first = env.error.issues[0]!;
    throw new ProgressFileError(
      first.path[0] === "format" || first.path.length === 0
        ? "it is not a cloudtrail-tutor progress export"
        : `it is not a progress export this version reads (${describe(first)})`,
    );
  }
  const refused: Refusal[] = [];
  const reviews: ReviewRecord[] = [];
  env.data.reviews.forEach((row, i) => {
    const r = ReviewRecord.safeParse(row);
    if (r.success) reviews.push(r.data);
    else refused.push({ where: `reviews[${i}]`, reason: reason(row, r.error.issues) });
  });
  const attempts: AttemptRow[] = [];
  env.data.attempts.forEach((row, i) => {
    const r = AttemptRow.safeParse(row);
    if (r.success) attempts.push(r.data);
    else refused.push({ where: `attempts[${i}]`, reason: reason(row, r.error.issues) });
  });
  const settings: ProgressFile["settings"] = {};
  for (const key of MOVED_SETTINGS) {
    const v = env.data.settings?.[key];
    if (v === undefined) continue;
    const problem = typeof v !== "string" ? "must be text" : SETTING_CHECK[key](v);
    if (problem) refused.push({ where: `settings.${key}`, reason: `${key} ${problem} (got ${shown(v)})` });
    else settings[key] = v as string;
  }
  return { reviews, attempts, settings, refused };
}
