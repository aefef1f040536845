// Every drillable item of a pack as a card: scenarios, facts and simulator actions. A card is keyed
// by its content id plus a hash of its answer key, so editing wording keeps its history while
// changing the answer starts it afresh. Pure.
import type { Pack } from "../content/index.js";
import { hashString } from "../quiz/index.js";

export type CardKind = "scenario" | "fact" | "action";

export interface DeckCard {
  /** `scenario:<id>`, `fact:<id>` or `action:<PREFIX:EventName>`. */
  id: string;
  kind: CardKind;
  /** Hash of what makes the answer right; a change restarts the card. */
  answerHash: string;
  domain?: string;
  topic?: string;
  title: string;
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();
const h = (s: string) => hashString(s).toString(16).padStart(8, "0");

export function buildDeck(pack: Pack): DeckCard[] {
  const deck: DeckCard[] = [];
  for (const s of pack.scenarios) {
    deck.push({ id: `scenario:${s.id}`, kind: "scenario", answerHash: h(`${s.answer}|${[...s.accept].sort().join(",")}`), domain: s.domain, ...(s.topic ? { topic: s.topic } : {}), title: s.requirement });
  }
  for (const f of pack.facts) {
    const key = f.claims.length ? f.claims.map((c) => (c.isTrue ? "T" : "F")).join("") : norm(f.back);
    deck.push({ id: `fact:${f.id}`, kind: "fact", answerHash: h(key), ...(f.domain ? { domain: f.domain } : {}), ...(f.topic ? { topic: f.topic } : {}), title: f.front });
  }
  for (const a of pack.actions) deck.push({ id: `action:${a.id}`, kind: "action", answerHash: h(a.category), title: `Which event type records ${a.id}?` });
  return deck;
}

/** Cards whose answer key no longer matches the one they were drilled under: their history restarts. */
export function changedAnswers(pack: Pack, drilled: ReadonlyMap<string, string>): DeckCard[] {
  return buildDeck(pack).filter((c) => drilled.has(c.id) && drilled.get(c.id) !== c.answerHash);
}
