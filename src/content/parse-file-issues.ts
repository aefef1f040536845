// zod issues → problems an author can act on: the position of the field, the field's name, and a
// hint ("did you mean 'answer'?", "write a list: one '- item' per line").
import type { Document } from "yaml";
import type { z } from "zod";
import { closest } from "./did-you-mean.js";
import type { FileContext, Path } from "./parse-file-context.js";
import { nodeAt } from "./parse-file-yaml.js";

/** The value if it passes `schema`; otherwise undefined, with each issue recorded in `ctx`. */
export function validate(doc: Document.Parsed, ctx: FileContext, schema: z.ZodType, raw: unknown, base: Path): unknown {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const rel = issue.path as Array<string | number>;
    reportIssue(doc, ctx, schema, issue, [...base, ...rel], base, valueAt(raw, rel));
  }
  return undefined;
}

type Issue = z.core.$ZodIssue;

function valueAt(raw: unknown, rel: Path): unknown {
  let cur: unknown = raw;
  for (const step of rel) {
    if (cur === null || typeof cur !== "object" || !Object.hasOwn(cur, step)) return undefined;
    cur = (cur as Record<string | number, unknown>)[step];
  }
  return cur;
}

function reportIssue(doc: Document.Parsed, ctx: FileContext, root: z.ZodType, issue: Issue, path: Path, base: Path, input: unknown) {
  const where = path.join(".");
  const field = String(path.at(-1));
  switch (issue.code) {
    case "unrecognized_keys": {
      for (const k of issue.keys) {
        const node = nodeAt(doc, [...path, k], true);
        const known = knownKeys(root, path.slice(base.length));
        const guess = closest(k, known);
        ctx.add(
          node?.range?.[0] ?? 0,
          "SCHEMA_UNKNOWN_FIELD",
          `unknown field '${k}' in ${where}`,
          guess.length ? `did you mean '${guess[0]}'?` : `allowed fields: ${known.join(", ")}`,
        );
      }
      return;
    }
    case "invalid_type": {
      const node = nodeAt(doc, path, false);
      const missing = input === undefined;
      if (missing) {
        const parent = nodeAt(doc, path.slice(0, -1), false);
        ctx.add(
          parent?.range?.[0] ?? 0,
          "SCHEMA_MISSING_FIELD",
          `${path.slice(0, -1).join(".")} is missing '${field}'`,
          `add '${field}: …' (${issue.expected})`,
        );
      } else {
        ctx.add(node?.range?.[0] ?? 0, "SCHEMA_TYPE", `${where} should be ${article(issue.expected)}, not ${describe(input)}`, typeHint(issue.expected));
      }
      return;
    }
    case "invalid_value": {
      const allowed = issue.values.map(String);
      if (input === undefined) {
        const parent = nodeAt(doc, path.slice(0, -1), false);
        ctx.add(
          parent?.range?.[0] ?? 0,
          "SCHEMA_MISSING_FIELD",
          `${path.slice(0, -1).join(".")} is missing '${field}'`,
          `add '${field}: …' (one of: ${allowed.join(", ")})`,
        );
        return;
      }
      const node = nodeAt(doc, path, false);
      const guess = typeof input === "string" ? closest(input, allowed) : [];
      ctx.add(
        node?.range?.[0] ?? 0,
        "SCHEMA_VALUE",
        `${where} is '${String(input)}', which is not allowed`,
        guess.length ? `did you mean '${guess[0]}'? (allowed: ${allowed.join(", ")})` : `use one of: ${allowed.join(", ")}`,
      );
      return;
    }
    default: {
      const node = nodeAt(doc, path, false);
      const range = typeof input === "number" ? outOfRange(issue, field, input, where) : undefined;
      if (range) return ctx.add(node?.range?.[0] ?? 0, "SCHEMA_INVALID", range.message, range.hint);
      ctx.add(node?.range?.[0] ?? 0, "SCHEMA_INVALID", `${where}: ${issue.message}`, hintFor(issue));
    }
  }
}

/** What a bounded number means, for the fields whose unit is easy to get wrong. */
const MEANING: Record<string, string> = {
  passingScore: "passingScore is a fraction: 0.8 means 80%",
  weight: "weight is the domain's share of the exam, a fraction: 0.25 means 25%",
};

/** A number out of its range: the bound it breaks, and what the number means. */
function outOfRange(issue: Issue, field: string, value: number, where: string): { message: string; hint: string } | undefined {
  if (issue.code !== "too_big" && issue.code !== "too_small") return undefined;
  const big = issue.code === "too_big";
  const bound = String(big ? issue.maximum : issue.minimum);
  const inclusive = issue.inclusive !== false;
  const rule = big ? (inclusive ? `at most ${bound}` : `below ${bound}`) : inclusive ? `at least ${bound}` : `above ${bound}`;
  const meaning = MEANING[field];
  const percent = meaning && value > 1 && value <= 100 ? ` (for ${value}% write ${value / 100})` : "";
  return { message: `${where} is ${value}; it must be ${rule}`, hint: meaning ? `${meaning}${percent}` : `use a number ${rule}` };
}

function hintFor(issue: Issue): string {
  if (issue.code === "too_small") return issue.origin === "array" ? `add at least ${String(issue.minimum)} item(s)` : "fill in a value";
  if (issue.code === "too_big") return `shorten it to at most ${String(issue.maximum)}`;
  if (issue.code === "invalid_format") return issue.message;
  return "see content/README.md for this field";
}

function article(t: string): string {
  if (t === "array") return "a list";
  if (t === "object") return "a map";
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

function describe(v: unknown): string {
  if (v === null) return "empty";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a map";
  return `${typeof v} '${String(v).slice(0, 40)}'`;
}

function typeHint(expected: string): string {
  if (expected === "string") return "write the text (quote it if it contains ': ' or starts with a special character)";
  if (expected === "array") return "write a list: one '- item' per line";
  if (expected === "object") return "write a map of 'field: value' lines";
  if (expected === "boolean") return "write true or false";
  return `write ${article(expected)}`;
}

/** Field names the schema allows at a (relative) path, for "did you mean". */
function knownKeys(root: z.ZodType, rel: Path): string[] {
  let s: unknown = root;
  for (const step of rel) {
    s = unwrap(s);
    const def = (s as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } }).def;
    if (def?.type === "object" && typeof step === "string") s = def.shape?.[step];
    else if (def?.type === "array") s = def.element;
    else return [];
  }
  s = unwrap(s);
  const def = (s as { def?: { type?: string; shape?: Record<string, unknown> } }).def;
  return def?.type === "object" ? Object.keys(def.shape ?? {}) : [];
}

function unwrap(s: unknown): unknown {
  let cur = s as { def?: { type?: string; innerType?: unknown } } | undefined;
  while (cur?.def && (cur.def.type === "optional" || cur.def.type === "default" || cur.def.type === "nullable")) {
    cur = cur.def.innerType as typeof cur;
  }
  return cur;
}
