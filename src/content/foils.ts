// The foils of the "why does your pick fail?" step, as one rule for the quiz that asks it, review
// and lint: a distractor's misconceptions, then the false claims the pack links to the same catalog
// option with `about`, minus any that repeat the right reason or name a service, event type or
// action the pick, its reason and the question's stem do not. What needs the whole pack is indexed
// once per pack, so building every question stays linear in its size. Pure.
import type { Pack } from "./pack.js";

interface FoilIndex {
  /** Option id → the text of false claims the pack links to it with `about` (at most MAX_CLAIM_FOILS). */
  falseClaims: Map<string, string[]>;
  /** Normalised catalog name or alias → option id. */
  names: Map<string, string>;
  /** Longest name in words. */
  maxWords: number;
  /** Event names and PREFIX:EventName ids of the action catalog, as written (a "query" in a sentence is not the Query action). */
  actionNames: Set<string>;
  /** Text → what it names (pack texts repeat across questions: claims, reasons). */
  named: Map<string, Named>;
}

export interface Named {
  options: ReadonlySet<string>;
  actions: ReadonlySet<string>;
}

/** False claims kept per option as foils (the first in content order): enough for a why step, bounded per question. */
export const MAX_CLAIM_FOILS = 8;
/** One-word aliases that are everyday words in a sentence, not the name of an option. */
const GENERIC_WORDS = new Set(["data", "management", "mgmt", "trail", "notification", "org", "runbook", "network", "insight", "integrity", "events", "event"]);

const indexes = new WeakMap<Pack, FoilIndex>();
const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9:]+/g, " ")
    .split(" ")
    .filter((w) => w && w !== "aws" && w !== "amazon");
export const normWords = (s: string) => words(s).join(" ");

function foilIndex(pack: Pack): FoilIndex {
  let ix = indexes.get(pack);
  if (ix) return ix;
  const falseClaims = new Map<string, string[]>();
  for (const f of pack.facts) {
    for (const c of f.claims) {
      if (c.isTrue) continue;
      for (const id of c.about ?? f.about ?? []) {
        const list = falseClaims.get(id);
        if (!list) falseClaims.set(id, [c.text.trim()]);
        else if (list.length < MAX_CLAIM_FOILS) list.push(c.text.trim());
      }
    }
  }
  const names = new Map<string, string>();
  let maxWords = 1;
  for (const o of pack.options.values()) {
    for (const text of [o.name, ...o.aliases]) {
      const n = normWords(text);
      if (n.length < 2 || (text !== o.name && GENERIC_WORDS.has(n))) continue;
      if (!names.has(n)) names.set(n, o.id);
      maxWords = Math.max(maxWords, n.split(" ").length);
    }
  }
  const actionNames = new Set<string>();
  for (const a of pack.actions) {
    actionNames.add(a.id);
    actionNames.add(a.eventName);
  }
  ix = { falseClaims, names, maxWords, actionNames, named: new Map() };
  indexes.set(pack, ix);
  return ix;
}

/** The catalog options and actions a text names (runs of words matched against names and aliases). */
export function namedIn(pack: Pack, text: string): Named {
  const ix = foilIndex(pack);
  const known = ix.named.get(text);
  if (known) return known;
  const ws = words(text);
  const options = new Set<string>();
  const actions = new Set<string>();
  for (const t of text.match(/[A-Za-z0-9-]+(?::[A-Za-z0-9]+)?/g) ?? []) if (ix.actionNames.has(t)) actions.add(t.replace(/^[a-z0-9-]+:/, ""));
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    let phrase = "";
    for (let n = 0; n < ix.maxWords && i + n < ws.length; n++) {
      phrase = n === 0 ? w : `${phrase} ${ws[i + n]}`;
      const id = ix.names.get(phrase);
      if (id) options.add(id);
    }
  }
  const out = { options, actions };
  ix.named.set(text, out);
  return out;
}

export interface FoilSet {
  foils: string[];
  /** Candidates left out because they name another option or action. */
  dropped: string[];
}

/** The foils of one distractor (see the file's header); `catalogOption`: its id is a service or event type. */
export function foilsOf(
  pack: Pack,
  pick: { id: string; label: string; why: string },
  misconceptions: readonly string[],
  catalogOption: boolean,
  stem: string,
): FoilSet {
  const candidates = [...misconceptions.map((m) => m.trim()), ...(catalogOption ? (foilIndex(pack).falseClaims.get(pick.id) ?? []) : [])];
  const mine = namedIn(pack, `${pick.label} ${pick.why} ${stem}`);
  const ownOptions = new Set(mine.options);
  if (catalogOption) ownOptions.add(pick.id);
  const seen = new Set([normWords(pick.why)]);
  const foils: string[] = [];
  const dropped: string[] = [];
  for (const text of candidates) {
    const key = normWords(text);
    if (seen.has(key)) continue;
    seen.add(key);
    const named = namedIn(pack, text);
    if ([...named.options].some((o) => !ownOptions.has(o)) || [...named.actions].some((a) => !mine.actions.has(a))) dropped.push(text);
    else foils.push(text);
  }
  return { foils, dropped };
}

/** Just the foils. */
export function foilsFor(
  pack: Pack,
  pick: { id: string; label: string; why: string },
  misconceptions: readonly string[],
  catalogOption: boolean,
  stem: string,
): string[] {
  return foilsOf(pack, pick, misconceptions, catalogOption, stem).foils;
}
