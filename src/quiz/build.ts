// Questions from a Pack: the authored scenarios, "which event type records this call?" generated
// from the simulator's action catalog, and true/false items from the facts' claims. Deterministic
// for a seed. Pure.
import { type Action, answerChoiceLabel, type AnswerOption, type EventCategory, type Fact, type Pack, type Scenario } from "../content/index.js";
import { categoryOfAction, eventTypeOfCategory } from "../simulator/index.js";
import { createRng, shuffle, type Rng } from "./rng.js";
import { QUESTION_KINDS, type Choice, type Question, type QuestionKind, type QuizOptions } from "./types.js";

export const DEFAULT_QUIZ_COUNT = 10;
const CHOICES = 4;
/** Share of a mixed quiz given to each kind; authored scenarios lead. */
const MIX: Record<QuestionKind, number> = { scenario: 0.6, action: 0.2, trap: 0.2 };

const lowerFirst = (s: string) => (s.length > 1 && s[1] === s[1]!.toLowerCase() ? s[0]!.toLowerCase() + s.slice(1) : s);
const words = (s: string) => new Set(s.toLowerCase().match(/[a-z0-9]{3,}/g) ?? []);

/** Why a catalog option fails, for a top-up choice no author wrote a reason for. */
export function genericWhy(pack: Pack, option: AnswerOption, context: string): string {
  if (option.kind === "service") {
    const svc = pack.services.find((s) => s.id === option.id);
    if (!svc) return `${option.name} does not meet this requirement.`;
    const ctx = words(context);
    const best = [...svc.doesNot].sort((a, b) => overlap(words(b), ctx) - overlap(words(a), ctx))[0]!;
    return `${svc.name} does not ${lowerFirst(best).replace(/\.$/, "")}.`;
  }
  const et = pack.eventTypes.find((e) => e.id === option.id);
  return et ? `${et.name}: ${et.what.trim().replace(/\.$/, "")}. That is not what this requirement asks for.` : `${option.name} does not meet this requirement.`;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

/** Options of the same kind an author used near this scenario's topic first, then the rest. */
function plausibleTopUps(pack: Pack, s: Scenario, exclude: Set<string>, rng: Rng): AnswerOption[] {
  const answer = pack.options.get(s.answer)!;
  const sameTopic = new Map<string, number>();
  for (const other of pack.scenarios) {
    if (other.topic !== s.topic && other.domain !== s.domain) continue;
    for (const id of [other.answer, ...other.distractors.map((d) => d.option)]) sameTopic.set(id, (sameTopic.get(id) ?? 0) + (other.topic === s.topic ? 2 : 1));
  }
  const pool = shuffle(
    [...pack.options.values()].filter((o) => o.kind === answer.kind && !exclude.has(o.id)),
    rng,
  );
  return pool.sort((a, b) => (sameTopic.get(b.id) ?? 0) - (sameTopic.get(a.id) ?? 0));
}

export function scenarioQuestion(pack: Pack, s: Scenario, rng: Rng): Question {
  const answer = pack.options.get(s.answer);
  const answerLabel = s.answerLabel ?? answer?.name ?? s.answer;
  const authored = shuffle(s.distractors, rng).slice(0, CHOICES - 1);
  const choices: Choice[] = [
    { id: s.answer, label: answerChoiceLabel(pack, s), correct: true },
    ...authored.map((d) => ({ id: d.option, label: d.label ?? pack.options.get(d.option)?.name ?? d.option, correct: false, why: d.why })),
  ];
  if (choices.length < CHOICES && answer) {
    const taken = new Set([s.answer, ...s.accept, ...s.distractors.map((d) => d.option)]);
    for (const o of plausibleTopUps(pack, s, taken, rng).slice(0, CHOICES - choices.length)) {
      choices.push({ id: o.id, label: o.name, correct: false, why: genericWhy(pack, o, `${s.requirement} ${s.keywords.join(" ")}`), generic: true });
    }
  }
  return {
    id: `scenario:${s.id}`,
    kind: "scenario",
    domain: s.domain,
    ...(s.topic ? { topic: s.topic } : {}),
    prompt: s.requirement.trim(),
    keywords: s.keywords,
    choices: shuffle(choices, rng),
    answerLabel,
    explanation: s.explanation.trim(),
    source: s.source,
    accept: [s.answer, ...s.accept],
  };
}

/** Why an event type of the wrong category does not record a direct call. */
function categoryWhy(action: Action, wrong: EventCategory, right: EventCategory): string {
  switch (wrong) {
    case "Management":
      return `${action.id} works on or in a resource${action.resourceType ? ` (${action.resourceType})` : ""} — a data-plane operation, not a control-plane change.`;
    case "Data":
      return right === "Management"
        ? `${action.id} is a control-plane operation; data events cover operations on or in a resource, such as object reads or function invocations.`
        : `${action.id} is not a data-plane operation.`;
    case "NetworkActivity":
      return "Network activity events record calls that traverse a VPC endpoint (opt-in per event source); this call is made directly, not through an endpoint.";
    case "Insight":
      return "Insights events record unusual API call or error rates against a learned baseline, never an individual call.";
  }
}

export function actionQuestion(pack: Pack, action: Action, rng: Rng): Question | undefined {
  const right = categoryOfAction(action);
  const answer = eventTypeOfCategory(pack, right);
  if (!answer) return undefined;
  const choices: Choice[] = pack.eventTypes.slice(0, CHOICES).map((e) =>
    e.id === answer.id ? { id: e.id, label: e.name, correct: true } : { id: e.id, label: e.name, correct: false, why: categoryWhy(action, e.category, right) },
  );
  const home = homeOf(pack, answer.id);
  return {
    id: `action:${action.id}`,
    kind: "action",
    ...home,
    prompt: `Which event type records ${action.id} (${action.eventSource} ${action.eventName}) when it is called directly, not through a VPC endpoint?`,
    keywords: [action.id],
    choices: shuffle(choices, rng),
    answerLabel: answer.name,
    explanation: `${action.description ? action.description.trim() + " " : ""}${action.id} is recorded as a ${right === "Data" ? "data" : "management"} event${action.readOnly ? " (read-only)" : ""}. ${answer.defaultNote}`,
    source: action.source,
    accept: [answer.id],
  };
}

/** The domain and topic where the pack's scenarios teach an option most. */
function homeOf(pack: Pack, optionId: string): { domain?: string; topic?: string } {
  const count = (key: "domain" | "topic") => {
    const n = new Map<string, number>();
    for (const s of pack.scenarios) if (s.answer === optionId && s[key]) n.set(s[key]!, (n.get(s[key]!) ?? 0) + 1);
    return [...n.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  };
  const domain = count("domain");
  const topic = count("topic");
  return { ...(domain ? { domain } : {}), ...(topic ? { topic } : {}) };
}

export function trapQuestions(fact: Fact): Question[] {
  return fact.claims.map((c, n) => ({
    id: `trap:${fact.id}:${n}`,
    kind: "trap" as const,
    ...(fact.domain ? { domain: fact.domain } : {}),
    ...(fact.topic ? { topic: fact.topic } : {}),
    prompt: `True or false? ${c.text.trim()}`,
    keywords: [],
    choices: [
      { id: "true", label: "True", correct: c.isTrue, ...(c.isTrue ? {} : { why: c.why ?? fact.back.trim() }) },
      { id: "false", label: "False", correct: !c.isTrue, ...(c.isTrue ? { why: c.why ?? fact.back.trim() } : {}) },
    ],
    answerLabel: c.isTrue ? "True" : "False",
    explanation: (c.why ?? fact.back).trim(),
    ...(fact.source ? { source: fact.source } : {}),
    accept: [c.isTrue ? "true" : "false"],
  }));
}

/** Every question the pack can ask, in content order, before filtering and sampling. */
export function allQuestions(pack: Pack, rng: Rng, kinds: readonly QuestionKind[] = QUESTION_KINDS): Question[] {
  const out: Question[] = [];
  if (kinds.includes("scenario")) for (const s of pack.scenarios) out.push(scenarioQuestion(pack, s, rng));
  if (kinds.includes("action")) for (const a of pack.actions) {
    const q = actionQuestion(pack, a, rng);
    if (q) out.push(q);
  }
  if (kinds.includes("trap")) for (const f of pack.facts) out.push(...trapQuestions(f));
  return out;
}

/** A quiz: filtered by topic, kind or ids, sampled to `count` with the kinds mixed, shuffled. */
export function buildQuiz(pack: Pack, opts: QuizOptions = {}): Question[] {
  const rng = createRng(opts.seed ?? Date.now());
  let pool = allQuestions(pack, rng, opts.kinds ?? QUESTION_KINDS);
  if (opts.topic) pool = pool.filter((q) => q.topic === opts.topic || q.domain === opts.topic);
  if (opts.onlyIds) {
    const only = new Set(opts.onlyIds);
    pool = pool.filter((q) => only.has(q.id));
  }
  const count = Math.max(1, opts.count ?? DEFAULT_QUIZ_COUNT);
  return shuffle(sample(pool, count, rng), rng);
}

function sample(pool: Question[], count: number, rng: Rng): Question[] {
  if (pool.length <= count) return pool;
  const byKind = new Map<QuestionKind, Question[]>();
  for (const q of pool) byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), q]);
  const present = [...byKind.keys()];
  const totalShare = present.reduce((n, k) => n + MIX[k], 0);
  const picked: Question[] = [];
  const rest: Question[] = [];
  for (const k of present) {
    const list = shuffle(byKind.get(k)!, rng);
    const want = Math.round((count * MIX[k]) / totalShare);
    picked.push(...list.slice(0, want));
    rest.push(...list.slice(want));
  }
  return [...picked.slice(0, count), ...shuffle(rest, rng)].slice(0, count);
}

/** Is this a valid --kind value? */
export function isQuestionKind(s: string): s is QuestionKind {
  return (QUESTION_KINDS as readonly string[]).includes(s);
}
