// `cloudtrail-tutor search QUERY`: scenarios, facts, services, event types and actions, best first.
import { visibleInline } from "../shell/sanitize.js";
import { buildIndex, search } from "../search/index.js";
import { intFlag, parseFlags } from "../shell/args.js";
import { writeJson, writeLine } from "../shell/context.js";
import { UsageError } from "../shell/errors.js";
import { paintOf } from "../shell/paint.js";
import { launchTui } from "./interactive.js";
import { isInteractive } from "../shell/context.js";
import { loadForLearner } from "./learner-pack.js";
import { packOfItem } from "../content/pack.js";
import type { Command } from "./types.js";

export const command: Command = {
  summary: "find scenarios, facts, services, event types and API actions",
  usage: `Usage: cloudtrail-tutor search QUERY… [--limit N] [--json]

Ranks by the words of QUERY (misspellings forgiven, the last word completed). Without QUERY in a
terminal, opens the Search screen, which updates as you type.

  --json   [{"kind","id","title","score","pack"}] best first (pack: the id of the pack it comes from)`,
  async run(ctx) {
    const { values, positionals } = parseFlags({ json: { type: "boolean" }, limit: { type: "string" } }, ctx.args, "search");
    const pack = await loadForLearner(ctx);
    const query = positionals.join(" ").trim();
    if (!query) {
      if (isInteractive(ctx) && !values.json) return launchTui(ctx, pack, "search");
      throw new UsageError("search needs a QUERY", "e.g. cloudtrail-tutor search denied at vpc endpoint");
    }
    const hits = search(buildIndex(pack), query, intFlag(values.limit, "limit", 1, 1000, 10));
    if (values.json) {
      writeJson(
        ctx.stdout,
        hits.map(({ kind, id, title, score }) => ({ kind, id, title, score, ...withPack(packOfItem(pack, kind, id)) })),
      );
      return 0;
    }
    const paint = paintOf(ctx, ctx.stdout);
    if (!hits.length) writeLine(ctx.stdout, `Nothing matches "${visibleInline(query)}".`);
    hits.forEach((h, i) =>
      writeLine(
        ctx.stdout,
        `${String(i + 1).padStart(2)}. ${paint.dim(h.kind.padEnd(10))} ${paint.bold(h.id)}  ${visibleInline(h.title.length > 90 ? h.title.slice(0, 89) + "…" : h.title)}`,
      ),
    );
    return 0;
  },
};

function withPack(pack: string | undefined): { pack?: string } {
  return pack ? { pack } : {};
}
