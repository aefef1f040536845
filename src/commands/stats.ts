// `cloudtrail-tutor stats`: progress from the review log — the Stats screen in a terminal, text or
// JSON otherwise. --rebuild recomputes the card cache from the log; --reset sets a damaged store
// aside (renamed, never deleted) so a new one can start.
import { statsLines } from "../present/stats.js";
import { PLAIN_WIDTH, renderLines } from "../plain/text.js";
import { buildDeck, computeStats, deckMix, deckMixText, drillSettings, fsrsStep } from "../srs/index.js";
import { parseFlags } from "../shell/args.js";
import { clockOf, isInteractive, writeJson, writeLine } from "../shell/context.js";
import { UserError } from "../shell/errors.js";
import { paintOf } from "../shell/paint.js";
import { SqliteStore } from "../store/sqlite.js";
import { StoreError } from "../store/index.js";
import { launchTui } from "./interactive.js";
import { loadForLearner } from "./learner-pack.js";
import { dataDirOf, openStore } from "./progress.js";
import type { Command } from "./types.js";

export const command: Command = {
  summary: "your progress: reviews, streak, forecast, readiness by domain, misconceptions",
  usage: `Usage: cloudtrail-tutor stats [--json] [--rebuild] [--reset] [--now TIME]

  --json      {"totalReviews","reviewsToday","dueToday","streakDays","forecast","retention30",
               "byDomain","weakestTopics","leeches","misconceptions", …, "deck":{"scenarios","facts",
               "actions","actionsInCatalog","config"}}
  --rebuild   recompute every card's schedule from the review log (the log is the source of truth)
  --reset     only for a damaged store: rename it aside (progress.db.corrupt-TIMESTAMP) and start anew
  --now TIME  as if it were TIME (ISO 8601, e.g. 2026-12-15T09:00; also CLOUDTRAIL_TUTOR_NOW)`,
  async run(ctx) {
    const { values } = parseFlags(
      { json: { type: "boolean" }, rebuild: { type: "boolean" }, reset: { type: "boolean" }, now: { type: "string" } },
      ctx.args,
      "stats",
    );
    const clock = clockOf(ctx, values.now);
    if (values.reset) {
      // "Fails its check": it does not open as a progress store, or SQLite's quick_check finds damage.
      let problem: string | undefined;
      try {
        const store = SqliteStore.open(dataDirOf(ctx), { checkOnOpen: true });
        try {
          problem = store.check();
        } finally {
          store.close();
        }
        if (!problem) {
          writeLine(ctx.stdout, "The progress store opens and passes its check; nothing was reset.");
          return 0;
        }
      } catch (err) {
        if (!(err instanceof StoreError)) throw err;
        if (err.problem !== "corrupt") throw new UserError(err.message, err.hint);
        problem = err.message;
      }
      const aside = SqliteStore.setAside(dataDirOf(ctx));
      writeLine(ctx.stdout, `Set the damaged store aside as ${aside}; a new one starts with your next answer.`);
      return 0;
    }
    const pack = await loadForLearner(ctx);
    const store = openStore(ctx);
    try {
      if (values.rebuild) {
        const r = store.rebuild(fsrsStep);
        writeLine(
          values.json ? ctx.stderr : ctx.stdout,
          `Rebuilt ${r.cards} card${r.cards === 1 ? "" : "s"} from ${store.reviewCount()} reviews; ${r.changed} differed from the cache.`,
        );
      }
      if (!values.json && !values.rebuild && isInteractive(ctx)) {
        store.close();
        return launchTui(ctx, pack, "stats", { now: clock });
      }
      const settings = drillSettings((k) => store.getSetting(k));
      const t = clock();
      const deck = buildDeck(pack);
      const stats = computeStats(pack, deck, store.cardCache(), store.reviews(), t, settings.examDateText, store.attempts());
      const mix = deckMix(pack, deck);
      if (values.json) writeJson(ctx.stdout, { ...stats, deck: mix });
      else
        writeLine(
          ctx.stdout,
          renderLines(
            [...statsLines(stats, Math.min(PLAIN_WIDTH, ctx.stdout.columns ?? 100), t), { text: "" }, { text: deckMixText(mix), tone: "muted" }],
            paintOf(ctx, ctx.stdout),
          ),
        );
      return 0;
    } finally {
      store.close();
    }
  },
};
