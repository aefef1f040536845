// `cloudtrail-tutor exam`: a timed practice exam. The Exam screen in a terminal; numbered prompts
// with --plain or without a TTY; one JSON result with --json.
import { DEFAULT_EXAM_COUNT, MINUTES_PER_QUESTION } from "../exam/session.js";
import { examForm, FORM_MIX } from "../exam/form.js";
import { intFlag, numberFlag, parseFlags } from "../shell/args.js";
import { isInteractive, writeJson } from "../shell/context.js";
import { paintOf } from "../shell/paint.js";
import { lineReader } from "../plain/lines.js";
import { runPlainExam } from "../plain/exam.js";
import { launchTui } from "./interactive.js";
import { loadForLearner, packForOnly } from "./learner-pack.js";
import { openProgress } from "./progress.js";
import { byDomainJson, emptyQuizError, packOfQuestions, quizOptions } from "./quiz.js";
import type { Command } from "./types.js";

export const command: Command = {
  summary: "timed practice exam: flag, review, pass/fail by domain",
  usage: `Usage: cloudtrail-tutor exam [--count N] [--minutes M] [--seed S] [--topic T] [--json]

  --count N      questions (default ${DEFAULT_EXAM_COUNT})
  --minutes M    time limit (default ${MINUTES_PER_QUESTION} minutes per question)
  --seed S       same seed, same exam
  --topic T      a topic or domain id
  --kind K       scenario, action or trap (repeatable, or comma-separated)
  --only FILE    only the items defined in one content file (for authors)
  --json         plain mode; prompts on stderr, one result document on stdout

An exam is drawn as a form: questions by domain weight (pack.yaml), never one twice, mostly
single-answer scenarios with about ${FORM_MIX.multi * 100}% "Choose two/three" and ${FORM_MIX.config * 100}% configuration items (a
trail's JSON, generated from the simulator). --kind K picks other kinds (scenario, action, trap,
config) instead.

In a terminal: 1-9 answer (toggle for "Choose two"), ←/→ or n/p move, f flags, r reviews,
s submits from the review list, Space pauses, Esc or q asks "submit now / keep going / abandon".
Plain mode: a number per line ("1 3" for "Choose two"), blank skips, q asks the same. The passing
mark comes from pack.yaml (default 75%). When time runs out the exam is submitted as it stands.`,
  async run(ctx) {
    const { values } = parseFlags(
      {
        count: { type: "string" },
        minutes: { type: "string" },
        seed: { type: "string" },
        topic: { type: "string" },
        kind: { type: "string", multiple: true },
        only: { type: "string" },
        json: { type: "boolean" },
      },
      ctx.args,
      "exam",
    );
    const { pack, ids } = values.only ? await packForOnly(ctx, values.only) : { pack: await loadForLearner(ctx), ids: undefined };
    const count = intFlag(values.count, "count", 1, 500, DEFAULT_EXAM_COUNT);
    const minutes = values.minutes === undefined ? undefined : numberFlag(values.minutes, "minutes", 0.1, 600, 0);
    const opts = quizOptions(pack, { ...values, count: String(count) }, ids);
    const questions = examForm(pack, {
      count,
      seed: opts.seed!,
      ...(opts.topic ? { topic: opts.topic } : {}),
      ...(opts.kinds ? { kinds: opts.kinds } : {}),
      ...(opts.onlyIds ? { onlyIds: opts.onlyIds } : {}),
    });
    if (questions.length === 0) throw emptyQuizError();
    if (!values.json && isInteractive(ctx)) return launchTui(ctx, pack, "exam", { questions, ...(minutes !== undefined ? { minutes } : {}) });
    const out = values.json ? ctx.stderr : ctx.stdout;
    const lines = lineReader(ctx.stdin);
    const progress = openProgress(ctx, pack);
    try {
      const paint = paintOf(ctx, out);
      const { result } = await runPlainExam(
        pack,
        questions,
        { lines, out, paint, now: Date.now, askWhy: false, echo: !ctx.stdin.isTTY },
        { ...(minutes !== undefined ? { minutes } : {}), record: (a) => progress.recordAttempt(a) },
      );
      if (!result) {
        if (values.json) writeJson(ctx.stdout, { abandoned: true });
        return 0;
      }
      if (values.json) {
        writeJson(ctx.stdout, {
          score: result.score,
          total: result.total,
          percent: result.percent,
          passMark: result.passMark,
          passed: result.passed,
          timedOut: result.timedOut,
          unanswered: result.unanswered,
          byDomain: byDomainJson(result.byDomain),
          missed: result.missed.map((q) => q.id),
          pack: packOfQuestions(questions),
        });
      }
      return 0;
    } finally {
      lines.close();
      progress.close?.();
    }
  },
};
