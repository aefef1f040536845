// Every answer a learner gave (quiz, exam, drill) as flat rows an instructor can merge across a class:
// who, which pack and version, which item, what was chosen, right or wrong, how long, when. Written
// as CSV or JSON by `export attempts`, read back by `report items`. Pure: the caller reads the files.
import { z } from "zod";

export type AttemptMode = "quiz" | "exam" | "drill";

export interface AttemptRow {
  learner: string;
  pack: string;
  packVersion: string;
  /** Question or card id, e.g. `scenario:who-made-api-call`, `trap:fact-id:0`, `fact:fact-id`. */
  item: string;
  mode: AttemptMode;
  domain?: string;
  /** The option id picked (several joined with `+` for choose-N items); absent when unanswered. */
  chosen?: string;
  correct: boolean;
  ms: number;
  /** ISO time of the answer (the attempt's end for quizzes and exams). */
  at: string;
}

export const ATTEMPTS_FORMAT = "cloudtrail-tutor-attempts";
export const CSV_COLUMNS = ["learner", "pack", "pack_version", "item", "mode", "domain", "chosen", "correct", "ms", "at"] as const;

/** What the store holds, in the shapes the export needs (no store types imported here). */
export interface AnsweredAttempt {
  kind: string;
  finishedAt: Date;
  answers: ReadonlyArray<{ itemId: string; correct: boolean; chosen?: string; elapsedMs: number; domain?: string }>;
}
export interface DrillReview {
  cardId: string;
  at: number;
  rating: number;
  elapsedMs: number;
  chosen?: string;
  cram: boolean;
}

export function attemptRows(
  who: { learner: string; pack: string; packVersion: string },
  attempts: readonly AnsweredAttempt[],
  reviews: readonly DrillReview[],
  domainOf: (item: string) => string | undefined = () => undefined,
): AttemptRow[] {
  const rows: AttemptRow[] = [];
  for (const a of attempts) {
    const mode: AttemptMode = a.kind === "exam" ? "exam" : a.kind === "quiz" ? "quiz" : "drill";
    for (const ans of a.answers) {
      const domain = ans.domain ?? domainOf(ans.itemId);
      rows.push({
        ...who,
        item: ans.itemId,
        mode,
        ...(domain ? { domain } : {}),
        ...(ans.chosen !== undefined ? { chosen: ans.chosen } : {}),
        correct: ans.correct,
        ms: ans.elapsedMs,
        at: a.finishedAt.toISOString(),
      });
    }
  }
  for (const r of reviews) {
    const domain = domainOf(r.cardId);
    rows.push({
      ...who,
      item: r.cardId,
      mode: "drill",
      ...(domain ? { domain } : {}),
      ...(r.chosen !== undefined ? { chosen: r.chosen } : {}),
      correct: r.rating > 1,
      ms: r.elapsedMs,
      at: new Date(r.at).toISOString(),
    });
  }
  return rows.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
}

/** RFC 4180: quote a field holding a comma, quote, CR or LF; double inner quotes. */
function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function attemptsCsv(rows: readonly AttemptRow[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of rows) {
    lines.push(
      [r.learner, r.pack, r.packVersion, r.item, r.mode, r.domain ?? "", r.chosen ?? "", r.correct ? "1" : "0", String(Math.round(r.ms)), r.at]
        .map(csvField)
        .join(","),
    );
  }
  return lines.join("\n") + "\n";
}

export function attemptsJson(rows: readonly AttemptRow[]): string {
  return JSON.stringify({ format: ATTEMPTS_FORMAT, version: 1, answers: rows }, null, 2) + "\n";
}

const Row = z.strictObject({
  learner: z.string().min(1).max(200),
  pack: z.string().min(1).max(200),
  packVersion: z.string().max(100),
  item: z.string().min(1).max(300),
  mode: z.enum(["quiz", "exam", "drill"]),
  domain: z.string().max(200).optional(),
  chosen: z.string().max(300).optional(),
  correct: z.boolean(),
  ms: z.number().finite().min(0),
  at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), "an ISO time"),
});
const Doc = z.strictObject({ format: z.literal(ATTEMPTS_FORMAT), version: z.literal(1), answers: z.array(z.unknown()) });

export class AttemptsFileError extends Error {}

/** Parse RFC 4180 CSV into records (quoted fields may hold commas, quotes and newlines). Lines
 * without a quote, nearly all of them, are split directly; a line with one is read field by field. */
export function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end > pos && text[end - 1] === "\r" ? end - 1 : end);
    if (!line.includes('"')) {
      out.push(line.split(","));
      pos = end + 1;
      continue;
    }
    const [record, next] = quotedRecord(text, pos);
    out.push(record);
    pos = next;
  }
  return out;
}

function quotedRecord(text: string, start: number): [string[], number] {
  const row: string[] = [];
  let field = "";
  let quoted = false;
  let i = start;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      break;
    } else field += c;
  }
  if (quoted) throw new AttemptsFileError("a quoted field is never closed");
  row.push(field);
  return [row, i + 1];
}

/** Rows from one exported file (CSV or JSON); every bad row is an error naming its line or index. */
export function parseAttempts(text: string, name: string): AttemptRow[] {
  const trimmed = text.trimStart();
  const raw: Array<{ where: string; value: unknown }> = [];
  if (trimmed.startsWith("{")) {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (err) {
      throw new AttemptsFileError(`${name}: not valid JSON (${(err as Error).message})`);
    }
    const d = Doc.safeParse(doc);
    if (!d.success) throw new AttemptsFileError(`${name}: not an 'export attempts' file (expected {"format":"${ATTEMPTS_FORMAT}","version":1,"answers":[…]})`);
    d.data.answers.forEach((value, i) => raw.push({ where: `answers[${i}]`, value }));
  } else {
    let records: string[][];
    try {
      records = parseCsv(text);
    } catch (err) {
      throw new AttemptsFileError(`${name}: ${(err as Error).message}`);
    }
    const header = records[0]?.map((h) => h.trim());
    if (!header || CSV_COLUMNS.some((c, i) => header[i] !== c)) throw new AttemptsFileError(`${name}:1: expected the header ${CSV_COLUMNS.join(",")}`);
    records.slice(1).forEach((cells, i) => {
      if (cells.length === 1 && cells[0] === "") return;
      const get = (c: (typeof CSV_COLUMNS)[number]) => cells[CSV_COLUMNS.indexOf(c)] ?? "";
      raw.push({
        where: `line ${i + 2}`,
        value: {
          learner: get("learner"),
          pack: get("pack"),
          packVersion: get("pack_version"),
          item: get("item"),
          mode: get("mode"),
          ...(get("domain") ? { domain: get("domain") } : {}),
          ...(get("chosen") ? { chosen: get("chosen") } : {}),
          correct: get("correct") === "1" ? true : get("correct") === "0" ? false : get("correct"),
          ms: get("ms") === "" ? Number.NaN : Number(get("ms")),
          at: get("at"),
        },
      });
    });
  }
  return raw.map(({ where, value }) => {
    const r = Row.safeParse(value);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      throw new AttemptsFileError(`${name}: ${where}: ${issue.path.join(".") || "row"}: ${issue.message}`);
    }
    return r.data as AttemptRow;
  });
}
