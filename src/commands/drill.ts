// `cloudtrail-tutor drill`: today's spaced-repetition cards (FSRS), the Drill screen in a terminal,
// numbered prompts otherwise. Settings given here (retention, new cards per day, exam date) are
// remembered in the store.
import { CONFIG_DECK_SIZE } from "../quiz/config-items.js";
import {
  ACTION_SAMPLE,
  buildDeck,
  dueCount,
  examDayStart,
  MAX_RETENTION,
  MIN_RETENTION,
  NEW_CARD_MIX,
  SETTING,
  startOfDay,
  todaysDrill,
} from "../srs/index.js";
import { intFlag, numberFlag, parseFlags } from "../shell/args.js";
import { clockOf, isInteractive, writeJson } from "../shell/context.js";
import { UsageError } from "../shell/errors.js";
import { paintOf } from "../shell/paint.js";
import { lineReader } from "../plain/lines.js";
import { runPlainDrill } from "../plain/drill.js";
import { launchTui } from "./interactive.js";
import { commandLine, loadForLearner, narrowToIds, packForOnly } from "./learner-pack.js";
import { openStore } from "./progress.js";
import { checkTopic } from "./quiz.js";
import type { Command } from "./types.js";

export const DRILL_FLAGS = {
  limit: { type: "string" },
  "new-per-day": { type: "string" },
  retention: { type: "string" },
  "exam-date": { type: "string" },
  cram: { type: "boolean" },
  topic: { type: "string" },
  only: { type: "string" },
  typed: { type: "boolean" },
  seed: { type: "string" },
  json: { type: "boolean" },
  now: { type: "string" },
} as const;

export const command: Command = {
  summary: "spaced-repetition drill (FSRS): due cards first, then new ones",
  usage: `Usage: cloudtrail-tutor drill [--limit N] [--cram [--topic T]] [--typed] [--json] [--now TIME]
                            [--retention R] [--new-per-day N] [--exam-date YYYY-MM-DD|none]

  --limit N          at most N cards this session
  --cram             study beyond what is due, without changing the schedule
  --topic T          only cards of a topic or domain
  --only FILE        only cards of the items defined in one content file (for authors)
  --typed            type answers instead of choosing them
  --retention R      desired retention ${MIN_RETENTION}–${MAX_RETENTION} (default 0.9)   } remembered
  --new-per-day N    new cards per day (default 20)                  } in the
  --exam-date D      no interval reaches past this day ('none' clears) } store
  --json             plain mode; ends with {"answered","correct","again","new","dueRemaining"} on stdout
  --now TIME         run as if it were TIME (ISO 8601, e.g. 2026-12-15T09:00; also CLOUDTRAIL_TUTOR_NOW)

The deck: every scenario and fact first, in the proportion ${NEW_CARD_MIX.scenario}:${NEW_CARD_MIX.fact} with one generated configuration
item (a trail's JSON: which call it records) for every ${NEW_CARD_MIX.scenario + NEW_CARD_MIX.fact}; a fixed set of ${CONFIG_DECK_SIZE} of those, the same
config:<n> ids for everyone. Then ${ACTION_SAMPLE} action cards sampled across services from the catalog,
each introduced only once you have drilled a scenario whose answer is its event type. 'stats' shows
the counts ("deck: N scenarios, M facts, K actions (of A), C configuration items").
"Choose two/three" cards: type the numbers ("1,3"), right only with every answer. --typed types
only names; other cards are still chosen.

A wrong answer rates Again; a right one proposes Good (Hard when slow). In a terminal, 1–4 override
(Again/Hard/Good/Easy, each with its next interval) and Space or Enter accepts. With --plain or a
pipe, one answer per line; the proposal is accepted (the rating line is asked only on a terminal).`,
  async run(ctx) {
    const { values } = parseFlags(DRILL_FLAGS, ctx.args, "drill");
    const clock = clockOf(ctx, values.now);
    // Every flag is checked before anything is written: a bad --topic must not leave --retention saved.
    const retention = values.retention === undefined ? undefined : numberFlag(values.retention, "retention", MIN_RETENTION, MAX_RETENTION, 0.9);
    const newPerDay = values["new-per-day"] === undefined ? undefined : intFlag(values["new-per-day"], "new-per-day", 0, 1000, 20);
    const examDate = values["exam-date"];
    if (examDate !== undefined && examDate !== "none" && Number.isNaN(examDayStart(examDate)))
      throw new UsageError(`--exam-date must be a date YYYY-MM-DD (or 'none'), not '${examDate}'`);
    if (examDate !== undefined && examDate !== "none" && examDayStart(examDate) < startOfDay(clock()))
      throw new UsageError(`--exam-date ${examDate} is in the past; give a day from today on (or 'none')`);
    const limit = values.limit === undefined ? undefined : intFlag(values.limit, "limit", 1, 10_000, 20);
    const pack = values.only ? await packForOnly(ctx, values.only).then(({ pack, ids }) => narrowToIds(pack, ids)) : await loadForLearner(ctx);
    checkTopic(pack, values.topic);
    const store = openStore(ctx);
    try {
      if (retention !== undefined) store.setSetting(SETTING.retention, String(retention));
      if (newPerDay !== undefined) store.setSetting(SETTING.newPerDay, String(newPerDay));
      if (examDate !== undefined) store.setSetting(SETTING.examDate, examDate === "none" ? undefined : examDate);
      const params = {
        ...(limit ? { limit } : {}),
        cram: values.cram === true,
        ...(values.topic ? { topic: values.topic } : {}),
        typed: values.typed === true,
      };
      if (!values.json && isInteractive(ctx)) {
        store.close();
        return launchTui(ctx, pack, "drill", { ...params, ...(values.seed ? { seed: values.seed } : {}), now: clock });
      }
      const deck = buildDeck(pack);
      const now = clock();
      const { queue, settings, misconceptions, pacing } = todaysDrill(pack, deck, store, { ...params, now });
      const out = values.json ? ctx.stderr : ctx.stdout;
      const lines = lineReader(ctx.stdin);
      try {
        const t = await runPlainDrill(
          pack,
          queue,
          store,
          settings,
          { lines, out, paint: paintOf(ctx, out), now: clock, askWhy: Boolean(ctx.stdin.isTTY) && !values.json, echo: !ctx.stdin.isTTY },
          {
            typed: params.typed,
            cram: params.cram,
            askRating: Boolean(ctx.stdin.isTTY) && !values.json,
            seed: values.seed ?? String(now),
            dueLeft: () => dueCount(deck, store.cardCache(), clock()),
            misconceptions,
            ...(pacing ? { pacing } : {}),
            cramCommand: commandLine(ctx, "drill", { only: values.only, topic: values.topic, typed: values.typed, cram: true }),
          },
        );
        if (values.json)
          writeJson(ctx.stdout, {
            answered: t.answered,
            correct: t.correct,
            again: t.again,
            new: t.newSeen,
            dueRemaining: dueCount(deck, store.cardCache(), clock()),
          });
        return 0;
      } finally {
        lines.close();
      }
    } finally {
      store.close();
    }
  },
};
