// Every drillable item of a pack as a card: scenarios, facts, a fixed set of generated
// configuration items and a sample of the simulator's actions. A card is keyed by its content id
// plus a hash of its answer key, so editing wording keeps its history while changing the answer
// starts it afresh. The deck is balanced: scenarios and facts lead (with a configuration item
// mixed in now and then), and the mechanical action cards are a sample that comes last, each
// waiting until a scenario teaching its event type has been drilled. Pure.
import type { Pack } from "../content/index.js";
import { configAnswerKey, configDeck, hashString } from "../quiz/index.js";
import { eventTypeOfCategory } from "../simulator/catalog.js";

export type CardKind = "scenario" | "fact" | "action" | "config";

export interface DeckCard {
  /** `scenario:<id>`, `fact:<id>`, `action:<PREFIX:EventName>` or `config:<n>`. */
  id: string;
  kind: CardKind;
  /** Hash of what makes the answer right; a change restarts the card. */
  answerHash: string;
  domain?: string;
  topic?: string;
  title: string;
  /** Introduced only once one of these cards has been drilled (an action card waits for a scenario teaching its event type). */
  after?: string[];
}

/** Action cards in the deck: a sample across services, not the whole catalog. */
export const ACTION_SAMPLE = 40;
/** New cards are introduced in this proportion: scenarios, facts, configuration items. */
export const NEW_CARD_MIX = { scenario: 6, fact: 3, config: 1 } as const;

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();
const h = (s: string) => hashString(s).toString(16).padStart(8, "0");

/** ACTION_SAMPLE actions, one service at a time in a fixed hashed order, so every service is represented before any repeats. */
export function sampleActions<T extends { id: string; eventSource: string }>(actions: readonly T[], n = ACTION_SAMPLE): T[] {
  const bySource = new Map<string, T[]>();
  for (const a of [...actions].sort((x, y) => hashString(x.id) - hashString(y.id) || x.id.localeCompare(y.id))) {
    const list = bySource.get(a.eventSource);
    if (list) list.push(a);
    else bySource.set(a.eventSource, [a]);
  }
  const groups = [...bySource.entries()].sort((x, y) => hashString(x[0]) - hashString(y[0]) || x[0].localeCompare(y[0])).map(([, l]) => l);
  const out: T[] = [];
  for (let round = 0; out.length < n && groups.some((g) => g.length > round); round++)
    for (const g of groups) if (out.length < n && g[round]) out.push(g[round]!);
  return out;
}

/** Streams merged so each has had its share (by weight) at every point: a fair round-robin. */
function interleave<T>(streams: Array<{ items: T[]; weight: number }>): T[] {
  const taken = streams.map(() => 0);
  const out: T[] = [];
  for (;;) {
    let best = -1;
    streams.forEach((s, i) => {
      if (taken[i]! < s.items.length && (best < 0 || taken[i]! / s.weight < taken[best]! / streams[best]!.weight)) best = i;
    });
    if (best < 0) return out;
    out.push(streams[best]!.items[taken[best]!++]!);
  }
}

export function buildDeck(pack: Pack): DeckCard[] {
  const scenarios: DeckCard[] = pack.scenarios.map((s) => ({
    id: `scenario:${s.id}`,
    kind: "scenario",
    answerHash: h(`${s.answer}|${[...s.accept].sort().join(",")}`),
    domain: s.domain,
    ...(s.topic ? { topic: s.topic } : {}),
    title: s.requirement,
  }));
  const facts: DeckCard[] = pack.facts.map((f) => {
    const key = f.claims.length ? f.claims.map((c) => (c.isTrue ? "T" : "F")).join("") : norm(f.back);
    return {
      id: `fact:${f.id}`,
      kind: "fact",
      answerHash: h(key),
      ...(f.domain ? { domain: f.domain } : {}),
      ...(f.topic ? { topic: f.topic } : {}),
      title: f.front,
    };
  });
  const configs: DeckCard[] = configDeck(pack).map((q) => ({
    id: q.id,
    kind: "config",
    answerHash: configAnswerKey(q),
    ...(q.domain ? { domain: q.domain } : {}),
    ...(q.topic ? { topic: q.topic } : {}),
    title: q.prompt,
  }));
  // Scenarios that teach an event type: their answer (or one of their answers) is it.
  const teaching = new Map<string, string[]>();
  for (const s of pack.scenarios)
    for (const id of [s.answer, ...(s.moreAnswers ?? []).map((m) => m.option)]) {
      if (!pack.eventTypes.some((e) => e.id === id)) continue;
      teaching.set(id, [...(teaching.get(id) ?? []), `scenario:${s.id}`]);
    }
  const actions: DeckCard[] = sampleActions(pack.actions).map((a) => {
    const after = teaching.get(eventTypeOfCategory(pack, a.category)?.id ?? "");
    return { id: `action:${a.id}`, kind: "action", answerHash: h(a.category), title: `Which event type records ${a.id}?`, ...(after?.length ? { after } : {}) };
  });
  return [
    ...interleave([
      { items: scenarios, weight: NEW_CARD_MIX.scenario },
      { items: facts, weight: NEW_CARD_MIX.fact },
      { items: configs, weight: NEW_CARD_MIX.config },
    ]),
    ...actions,
  ];
}

export interface DeckMix {
  scenarios: number;
  facts: number;
  actions: number;
  /** Actions in the simulator's catalog (the deck drills a sample of them). */
  actionsInCatalog: number;
  config: number;
}

export function deckMix(pack: Pack, deck: readonly DeckCard[]): DeckMix {
  const n = (k: CardKind) => deck.filter((c) => c.kind === k).length;
  return { scenarios: n("scenario"), facts: n("fact"), actions: n("action"), actionsInCatalog: pack.actions.length, config: n("config") };
}

/** `deck: 163 scenarios, 60 facts, 40 actions (of 192), 24 configuration items` */
export function deckMixText(m: DeckMix): string {
  return `deck: ${m.scenarios} scenarios, ${m.facts} facts, ${m.actions} actions (of ${m.actionsInCatalog}), ${m.config} configuration items`;
}

/** Cards whose answer key no longer matches the one they were drilled under: their history restarts. */
export function changedAnswers(pack: Pack, drilled: ReadonlyMap<string, string>): DeckCard[] {
  return buildDeck(pack).filter((c) => drilled.has(c.id) && drilled.get(c.id) !== c.answerHash);
}
