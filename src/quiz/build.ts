// Questions from a Pack: the authored scenarios (their answers and authored distractors only, never
// generated filler), "which event type records this call?" generated from the simulator's action
// catalog, and true/false items from the facts' claims. Deterministic for a seed; building is
// linear in the pack (what needs the whole pack is indexed once per pack). Pure.
import { packOfItem, type Pack } from "../content/pack.js";
import { foilsFor } from "../content/foils.js";
import { isCatalogKind, scenarioOptions } from "../content/labels.js";
import type { Action, EventCategory, Fact, Scenario } from "../content/schema.js";
import { categoryOfAction, eventTypeOfCategory } from "../simulator/catalog.js";
import { CONFIG_POOL, configQuestions, configQuestionsById } from "./config-items.js";
import { createRng, shuffle, type Rng } from "./rng.js";
import { QUESTION_KINDS, type Choice, type Question, type QuestionKind, type QuizOptions } from "./types.js";

export const DEFAULT_QUIZ_COUNT = 10;
/** Options shown for a single-answer question, and at most for a "Choose two/three" one. */
export const CHOICES = 4;
export const CHOICES_MULTI = 5;
/** Share of a mixed quiz given to each kind; authored scenarios lead. */
const MIX: Record<QuestionKind, number> = { scenario: 0.6, action: 0.2, trap: 0.2, config: 0.15 };
const CHOOSE_WORD = ["", "one", "two", "three"];

export { foilsFor, namedIn } from "../content/foils.js";

/** Option id → the domain and topic where the pack's scenarios teach it most (once per pack). */
const homesByPack = new WeakMap<Pack, Map<string, { domain?: string; topic?: string }>>();
function homes(pack: Pack): Map<string, { domain?: string; topic?: string }> {
  let homes = homesByPack.get(pack);
  if (homes) return homes;
  const counts = new Map<string, { domain: Map<string, number>; topic: Map<string, number> }>();
  for (const s of pack.scenarios) {
    const c = counts.get(s.answer) ?? { domain: new Map(), topic: new Map() };
    c.domain.set(s.domain, (c.domain.get(s.domain) ?? 0) + 1);
    if (s.topic) c.topic.set(s.topic, (c.topic.get(s.topic) ?? 0) + 1);
    counts.set(s.answer, c);
  }
  const top = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  homes = new Map();
  for (const [id, c] of counts) {
    const domain = top(c.domain);
    const topic = top(c.topic);
    homes.set(id, { ...(domain ? { domain } : {}), ...(topic ? { topic } : {}) });
  }
  homesByPack.set(pack, homes);
  return homes;
}

// ---------------------------------------------------------------- scenarios
/** `allOptions`: every authored distractor, not only as many as a question shows (for review). */
export function scenarioQuestion(pack: Pack, s: Scenario, rng: Rng, opts: { allOptions?: boolean } = {}): Question {
  const options = scenarioOptions(pack, s);
  const answers = options.filter((o) => o.correct);
  const choose = answers.length;
  const room = opts.allOptions ? options.length : Math.max(0, (choose > 1 ? CHOICES_MULTI : CHOICES) - choose);
  const catalog = isCatalogKind(s);
  const distractors = shuffle(
    options.filter((o) => !o.correct),
    rng,
  ).slice(0, room);
  const choices: Choice[] = [
    ...answers.map((a) => ({ id: a.id, label: a.label, correct: true, ...(a.why ? { why: a.why } : {}) })),
    ...distractors.map((d) => ({ id: d.id, label: d.label, correct: false, why: d.why!, foils: [] as string[] })),
  ];
  const misconceptionsOf = new Map(distractors.map((d) => [d.id, d.misconceptions ?? []]));
  const prompt = s.requirement.trim();
  const stem = `${s.situation ?? ""} ${prompt}`;
  for (const c of choices) if (c.foils) c.foils = foilsFor(pack, { id: c.id, label: c.label, why: c.why! }, misconceptionsOf.get(c.id) ?? [], catalog, stem);
  return {
    id: `scenario:${s.id}`,
    kind: "scenario",
    domain: s.domain,
    ...(s.topic ? { topic: s.topic } : {}),
    ...(s.situation ? { situation: s.situation.trim() } : {}),
    prompt: choose > 1 ? `${prompt} (Choose ${CHOOSE_WORD[choose] ?? choose}.)` : prompt,
    keywords: s.keywords,
    choices: shuffle(choices, rng),
    choose,
    answerLabel: answers.map((a) => a.label).join("; "),
    explanation: s.explanation.trim(),
    source: s.source,
    accept: catalog && choose === 1 ? [s.answer, ...s.accept] : answers.map((a) => a.id),
    typeable: catalog && choose === 1,
  };
}

// ---------------------------------------------------------------- generated from the action catalog
/** Why an event type of the wrong category does not record a direct call. */
function categoryWhy(action: Action, wrong: EventCategory, right: EventCategory): string {
  switch (wrong) {
    case "Management":
      return `${action.id} works on or in a resource${action.resourceType ? ` (${action.resourceType})` : ""} — a data-plane operation, not a control-plane change.`;
    case "Data":
      if (right !== "Management") return `${action.id} is not a data event.`;
      // Not "a control-plane operation": kms:Decrypt or secretsmanager:GetSecretValue touch data, yet
      // are management events because their services have no data-event resource type.
      return action.eventType === "AwsConsoleSignIn"
        ? `${action.id} is a console sign-in event, recorded as a management event; data events cover operations on or in resources, such as S3 object reads.`
        : `CloudTrail records ${action.id} as a management event: data events cover only operations on the resource types that have a data-event type (such as S3 object reads or Lambda invocations), and this call is not one of them.`;
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
  const choices: Choice[] = pack.eventTypes.slice(0, CHOICES).map((e) => {
    if (e.id === answer.id) return { id: e.id, label: e.name, correct: true };
    const why = categoryWhy(action, e.category, right);
    return {
      id: e.id,
      label: e.name,
      correct: false,
      why,
      foils: foilsFor(pack, { id: e.id, label: e.name, why }, [], true, `${action.id} ${action.eventName}`),
    };
  });
  const home = homes(pack).get(answer.id) ?? {};
  return {
    id: `action:${action.id}`,
    kind: "action",
    ...home,
    prompt: `Which event type records ${action.id} (${action.eventSource} ${action.eventName}) when it is called directly, not through a VPC endpoint?`,
    keywords: [action.id],
    choices: shuffle(choices, rng),
    choose: 1,
    answerLabel: answer.name,
    explanation: `${action.description ? action.description.trim() + " " : ""}${action.id} is recorded as a ${right === "Data" ? "data" : "management"} event${action.readOnly ? " (read-only)" : ""}. ${answer.defaultNote}`,
    source: action.source,
    accept: [answer.id],
    typeable: true,
  };
}

// ---------------------------------------------------------------- true/false from the facts
/** True/false items: one wrong option, so no why step. */
export function trapQuestions(fact: Fact): Question[] {
  return fact.claims.map((c, n) => ({
    id: `trap:${fact.id}:${n}`,
    kind: "trap" as const,
    ...(fact.domain ? { domain: fact.domain } : {}),
    ...(fact.topic ? { topic: fact.topic } : {}),
    prompt: `True or false? ${c.text.trim()}`,
    keywords: [],
    choices: [
      { id: "true", label: "True", correct: c.isTrue, ...(c.isTrue ? {} : { why: (c.why ?? fact.back).trim() }) },
      { id: "false", label: "False", correct: !c.isTrue, ...(c.isTrue ? { why: (c.why ?? fact.back).trim() } : {}) },
    ],
    choose: 1,
    answerLabel: c.isTrue ? "True" : "False",
    explanation: (c.why ?? fact.back).trim(),
    ...(fact.source ? { source: fact.source } : {}),
    accept: [c.isTrue ? "true" : "false"],
    typeable: false,
  }));
}

// ---------------------------------------------------------------- quizzes
/**
 * Every question the pack can ask, in content order, before filtering and sampling; configuration
 * items are generated (their supply has no end), `configCount` of them drawn with `rng`, after the rest.
 */
export function allQuestions(pack: Pack, rng: Rng, kinds: readonly QuestionKind[] = QUESTION_KINDS, configCount = 0): Question[] {
  const out: Question[] = [];
  if (kinds.includes("scenario")) for (const s of pack.scenarios) out.push(scenarioQuestion(pack, s, rng));
  if (kinds.includes("action"))
    for (const a of pack.actions) {
      const q = actionQuestion(pack, a, rng);
      if (q) out.push(q);
    }
  if (kinds.includes("trap")) for (const f of pack.facts) out.push(...trapQuestions(f));
  if (kinds.includes("config")) out.push(...configQuestions(pack, rng, configCount));
  return withPacks(pack, out);
}

/** Each question names the pack it comes from; generated configuration items, the pack of the simulator's catalog. */
function withPacks(pack: Pack, questions: Question[]): Question[] {
  const catalogPack = pack.actions[0] ? packOfItem(pack, "action", pack.actions[0].id) : undefined;
  for (const q of questions) {
    const [kind, id] = q.kind === "trap" ? ["fact", q.id.split(":")[1]!] : [q.kind, q.id.slice(q.id.indexOf(":") + 1)];
    const from = q.kind === "config" ? catalogPack : packOfItem(pack, kind, id);
    if (from) q.pack = from;
  }
  return questions;
}

/** A quiz: filtered by topic, kind, ids or typed mode, sampled to `count` with the kinds mixed, shuffled. */
export function buildQuiz(pack: Pack, opts: QuizOptions = {}): Question[] {
  const rng = createRng(opts.seed ?? Date.now());
  const kinds = opts.kinds ?? QUESTION_KINDS;
  const count = Math.max(1, opts.count ?? DEFAULT_QUIZ_COUNT);
  // Configuration items: as many as a config-only quiz asks for, else enough for their share.
  const configCount = opts.onlyIds ? 0 : kinds.length === 1 && kinds[0] === "config" ? count : Math.min(CONFIG_POOL, Math.ceil(count * MIX.config) + 2);
  let pool = allQuestions(pack, rng, kinds, configCount);
  if (opts.topic) pool = pool.filter((q) => q.topic === opts.topic || q.domain === opts.topic);
  if (opts.onlyIds) {
    const only = new Set(opts.onlyIds);
    pool = pool.filter((q) => only.has(q.id));
    if (kinds.includes("config")) pool.push(...withPacks(pack, configQuestionsById(pack, opts.onlyIds)));
  }
  if (opts.typed) pool = pool.filter((q) => q.typeable);
  return shuffle(sample(pool, count, rng), rng);
}

function sample(pool: Question[], count: number, rng: Rng): Question[] {
  if (pool.length <= count) return pool;
  const byKind = new Map<QuestionKind, Question[]>();
  for (const q of pool) {
    const list = byKind.get(q.kind);
    if (list) list.push(q);
    else byKind.set(q.kind, [q]);
  }
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
