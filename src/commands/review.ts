// `cloudtrail-tutor review`: every item of the pack as it will be served, for authors — the stem,
// every option with its reason, the why-step choices with the right one marked, the source.
import type { Line } from "../present/lines.js";
import { renderLines } from "../plain/text.js";
import { isQuestionKind, QUESTION_KINDS, reviewPack, type QuestionKind, type ReviewItem } from "../quiz/index.js";
import { parseFlags } from "../shell/args.js";
import { writeJson, writeLine } from "../shell/context.js";
import { UsageError, UserError } from "../shell/errors.js";
import { loadContent } from "../content/load.js";
import { errorsOf, type Pack } from "../content/pack.js";
import type { CommandContext } from "../shell/context.js";
import { warnAboutProblems } from "./content-warning.js";
import { paintOf } from "../shell/paint.js";
import { MARK } from "../ui/theme.js";
import { loadForLearner } from "./learner-pack.js";
import type { Command } from "./types.js";

export const command: Command = {
  summary: "review: every item as learners will see it, with every reason and why step (for authors)",
  usage: `Usage: cloudtrail-tutor review [PATH…] [--standalone] [--kind K] [--ids A,B] [--seed S] [--json]

Prints every item of the pack as it will be served: its stem, every option with its reason (the
right ones marked), the "why does your pick fail?" choices of each distractor with the right
reason marked (or why it has none), and its source.

  PATH         content directories or files to review with the shipped pack (like --content)
  --standalone review PATH alone, without the shipped pack
  --kind K     scenario, action, trap or config (repeatable, or comma-separated; config: the
               drill's generated configuration items)
  --ids A,B    only these item ids (e.g. scenario:who-made-api-call)
  --seed S     the seed the why steps are drawn with (default 0; a quiz uses its own)
  --json       {"items":[{"id","kind","stem","options":[{"text","correct","reason"}],
                 "why":[{"option","choices":[{"text","correct"}]}],"source"}]}`,
  async run(ctx) {
    const { values, positionals } = parseFlags(
      {
        json: { type: "boolean" },
        standalone: { type: "boolean" },
        kind: { type: "string", multiple: true },
        ids: { type: "string" },
        seed: { type: "string" },
      },
      ctx.args,
      "review",
    );
    const kinds: QuestionKind[] = [];
    for (const k of (values.kind ?? []).flatMap((v) => v.split(","))) {
      if (!isQuestionKind(k)) throw new UsageError(`--kind must be one of ${QUESTION_KINDS.join(", ")}, not '${k}'`);
      kinds.push(k);
    }
    if (values.standalone && !positionals.length)
      throw new UsageError("--standalone needs a PATH to review", "e.g. cloudtrail-tutor review --standalone my-pack/");
    const pack = values.standalone ? standalonePack(ctx, positionals) : await loadForLearner(ctx, positionals);
    const ids = values.ids
      ? values.ids
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined;
    const items = reviewPack(pack, { seed: values.seed ?? 0, ...(kinds.length ? { kinds } : {}), ...(ids ? { ids } : {}) });
    if (values.json) {
      writeJson(ctx.stdout, {
        items: items.map((i) => ({
          id: i.id,
          kind: i.kind,
          stem: i.stem,
          choose: i.choose,
          options: i.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct, reason: o.reason })),
          why: i.why,
          ...(i.source ? { source: i.source } : {}),
        })),
      });
      return 0;
    }
    const paint = paintOf(ctx, ctx.stdout);
    for (const item of items) writeLine(ctx.stdout, renderLines(reviewLines(item), paint));
    writeLine(
      ctx.stdout,
      `${items.length} item(s); ${items.reduce((n, i) => n + i.why.length, 0)} why step(s); ${items.reduce((n, i) => n + i.noWhy.length, 0)} distractor(s) without one.`,
    );
    return 0;
  },
};

function standalonePack(ctx: CommandContext, paths: string[]): Pack {
  const { pack, problems } = loadContent({ paths, includeShipped: false, cwd: ctx.cwd });
  const missing = problems.find((p) => p.code === "CONTENT_DIR_MISSING");
  if (missing) throw new UserError(missing.message, missing.hint);
  warnAboutProblems(ctx, errorsOf(problems));
  return pack;
}

/** One item as text lines (not wrapped: authors read it in a pager or an editor). */
export function reviewLines(item: ReviewItem): Line[] {
  const out: Line[] = [{ text: `${item.id}  (${item.kind}${item.choose > 1 ? `, choose ${item.choose}` : ""})`, bold: true }, { text: `  ${item.stem}` }];
  for (const o of item.options)
    out.push({ text: `  ${o.correct ? MARK.right : MARK.wrong} ${o.text}${o.reason ? ` — ${o.reason}` : ""}`, tone: o.correct ? "good" : "bad" });
  for (const w of item.why) {
    out.push({ text: `  why does "${w.option}" fail?`, tone: "muted" });
    w.choices.forEach((c, n) => out.push({ text: `    ${c.correct ? MARK.right : " "} ${n + 1}. ${c.text}`, ...(c.correct ? { tone: "good" as const } : {}) }));
  }
  for (const n of item.noWhy) out.push({ text: `  no why step for "${n.option}": ${n.foils} foil(s), 3 needed`, tone: "warn" });
  if (item.source) out.push({ text: `  Source: ${item.source}`, tone: "muted" });
  out.push({ text: "" });
  return out;
}
