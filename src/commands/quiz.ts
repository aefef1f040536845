// `cloudtrail-tutor quiz`: the Quiz screen in a terminal; numbered prompts with --plain or when
// stdin/stdout is not a TTY; one JSON result document with --json.
import {
  buildQuiz,
  DEFAULT_QUIZ_COUNT,
  type DomainScore,
  isQuestionKind,
  type Question,
  QUESTION_KINDS,
  type QuestionKind,
  quizAttempt,
  type QuizOptions,
} from "../quiz/index.js";
import { intFlag, parseFlags } from "../shell/args.js";
import { isInteractive, writeJson, type CommandContext } from "../shell/context.js";
import { UsageError } from "../shell/errors.js";
import { paintOf } from "../shell/paint.js";
import { lineReader } from "../plain/lines.js";
import { runPlainQuiz } from "../plain/quiz.js";
import type { Pack } from "../content/index.js";
import { launchTui } from "./interactive.js";
import { commandLine, loadForLearner, packForOnly } from "./learner-pack.js";
import { openProgress } from "./progress.js";
import type { Command } from "./types.js";

export const QUIZ_FLAGS = {
  topic: { type: "string" },
  count: { type: "string" },
  seed: { type: "string" },
  typed: { type: "boolean" },
  kind: { type: "string", multiple: true },
  only: { type: "string" },
  ids: { type: "string" },
  json: { type: "boolean" },
} as const;

/** Quiz options from flags, checked against the pack (unknown topic → usage error with the list). */
export function quizOptions(
  pack: Pack,
  values: { topic?: string; count?: string; seed?: string; kind?: string[]; ids?: string; typed?: boolean },
  onlyIds?: string[],
): QuizOptions {
  const kinds: QuestionKind[] = [];
  for (const k of (values.kind ?? []).flatMap((v) => v.split(","))) {
    if (!isQuestionKind(k)) throw new UsageError(`--kind must be one of ${QUESTION_KINDS.join(", ")}, not '${k}'`);
    kinds.push(k);
  }
  checkTopic(pack, values.topic);
  const listed = values.ids
    ? values.ids
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
  // --only FILE with --ids: those ids among the file's items (a retry of the file's missed ones).
  const ids = onlyIds && listed.length ? listed.filter((id) => onlyIds.includes(id)) : [...(onlyIds ?? []), ...listed];
  if (onlyIds && listed.length && ids.length === 0) throw new UsageError("none of the --ids come from the --only file", "drop --ids, or --only");
  return {
    ...(values.topic ? { topic: values.topic } : {}),
    count: intFlag(values.count, "count", 1, 10_000, ids.length || DEFAULT_QUIZ_COUNT),
    seed: values.seed ?? Date.now(),
    ...(kinds.length ? { kinds } : {}),
    ...(ids.length ? { onlyIds: ids } : {}),
    ...(values.typed ? { typed: true } : {}),
  };
}

/** `pack` of the --json result documents: {question id: the id of the pack it comes from}. */
export function packOfQuestions(questions: readonly Question[]): Record<string, string> {
  return Object.fromEntries(questions.flatMap((q) => (q.pack ? [[q.id, q.pack]] : [])));
}

/** `byDomain` of the --json result documents: {domain: {name, correct, total}}. */
export function byDomainJson(rows: readonly DomainScore[]): Record<string, { name: string; correct: number; total: number }> {
  return Object.fromEntries(rows.map((d) => [d.domain, { name: d.name, correct: d.correct, total: d.total }]));
}

/** A --topic must be one of the pack's topics or domains. */
export function checkTopic(pack: Pack, topic: string | undefined): void {
  if (!topic) return;
  const known = [...pack.meta.topics.map((t) => t.id), ...pack.meta.domains.map((d) => d.id)];
  if (!known.includes(topic)) throw new UsageError(`unknown topic '${topic}'`, `topics and domains: ${known.join(", ")}`);
}

export function emptyQuizError(): UsageError {
  return new UsageError("no questions match these filters", "try another --topic or --kind, or drop --ids");
}

export const command: Command = {
  summary: "quiz: map requirements to event types and services, with why every distractor fails",
  usage: `Usage: cloudtrail-tutor quiz [--topic T] [--count N] [--seed S] [--typed] [--kind K] [--json]

  --topic T      a topic or domain id from pack.yaml
  --count N      number of questions (default ${DEFAULT_QUIZ_COUNT})
  --seed S       same seed, same questions in the same order
  --typed        type the answer instead of choosing it (misspellings forgiven); only
                 questions whose answer is a service or event type are asked
  --kind K       scenario, action, trap or config (repeatable, or comma-separated); config
                 items are generated from the simulator: a trail's or event data store's JSON,
                 and which call it records, which change records a call, or where a call lands
  --only FILE    only the items defined in one content file (for authors)
  --ids A,B      only these question ids (e.g. the missed ones)
  --json         plain mode; prompts on stderr, one result document on stdout:
                 {"score","total","correct":[ids],"byDomain":{id:{correct,total}},"missed":[ids],
                  "answers":[{"id","correct","answer","source"}]},
                  "pack":{id:pack id}}

Interactive in a terminal; with --plain, or when stdin/stdout is not a terminal, it prints numbered
prompts and reads one answer per line ("1,3" for a "Choose two" question; q asks to abandon).`,
  async run(ctx) {
    const { values } = parseFlags(QUIZ_FLAGS, ctx.args, "quiz");
    const { pack, ids } = values.only ? await packForOnly(ctx, values.only) : { pack: await loadForLearner(ctx), ids: undefined };
    const opts = quizOptions(pack, values, ids);
    const questions = buildQuiz(pack, opts);
    if (questions.length === 0) throw emptyQuizError();
    if (!values.json && isInteractive(ctx)) return launchTui(ctx, pack, "quiz", { questions, typed: values.typed === true, seed: opts.seed! });
    const retry = commandLine(ctx, "quiz", { only: values.only, topic: values.topic, kind: values.kind, typed: values.typed, seed: values.seed });
    return runQuizPlain(ctx, pack, questions, { typed: values.typed === true, json: values.json === true, seed: opts.seed!, retry });
  },
};

async function runQuizPlain(
  ctx: CommandContext,
  pack: Pack,
  questions: Question[],
  opts: { typed: boolean; json: boolean; seed: number | string; retry: string },
): Promise<number> {
  const out = opts.json ? ctx.stderr : ctx.stdout;
  const lines = lineReader(ctx.stdin);
  const progress = openProgress(ctx, pack);
  try {
    const paint = paintOf(ctx, out);
    const { summary, state } = await runPlainQuiz(
      pack,
      questions,
      { lines, out, paint, now: Date.now, askWhy: Boolean(ctx.stdin.isTTY) && !opts.json, echo: !ctx.stdin.isTTY },
      opts,
    );
    progress.recordAttempt(quizAttempt(state, summary, Date.now()));
    if (opts.json) {
      writeJson(ctx.stdout, {
        score: summary.score,
        total: summary.total,
        correct: state.questions.filter((_, i) => state.answers[i]?.correct === true).map((q) => q.id),
        byDomain: byDomainJson(summary.byDomain),
        missed: summary.missed.map((q) => q.id),
        answers: state.questions.map((q, i) => ({
          id: q.id,
          correct: state.answers[i]?.correct === true,
          answer: q.answerLabel,
          ...(q.source ? { source: q.source } : {}),
        })),
        pack: packOfQuestions(state.questions),
      });
    }
    return 0;
  } finally {
    lines.close();
    progress.close?.();
  }
}
