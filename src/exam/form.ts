// An exam drawn as a form, the way a real certification exam is assembled: items picked by domain
// weight (pack.yaml), never one twice, and mixed as the real exam mixes them — mostly single-answer
// scenarios, some "Choose two/three", some configuration-reading items generated from the
// simulator. The same seed gives the same form. Pure.
import type { Pack } from "../content/pack.js";
import { allQuestions } from "../quiz/build.js";
import { createRng, shuffle } from "../quiz/rng.js";
import type { Question, QuestionKind } from "../quiz/types.js";

/** The kinds an exam asks by default: the exam's own scenarios and configuration items, not drill mechanics. */
export const EXAM_KINDS: readonly QuestionKind[] = ["scenario", "config"];
/** Shares of a form given to multi-answer scenarios and to configuration items (the rest: single-answer scenarios). */
export const FORM_MIX = { multi: 0.15, config: 0.15 } as const;

export interface FormOptions {
  count: number;
  seed: number | string;
  /** Only these domains (the exam setup's choice); all of the pack's by default. */
  domains?: readonly string[];
  /** A topic or domain id: only its items. */
  topic?: string;
  kinds?: readonly QuestionKind[];
  /** Only these question ids (`--only FILE`, retaking the missed ones). */
  onlyIds?: readonly string[];
}

type Slot = "single" | "multi" | "config" | "other";
const slotOf = (q: Question): Slot => (q.kind === "config" ? "config" : q.kind === "scenario" ? (q.choose > 1 ? "multi" : "single") : "other");

/**
 * Whole counts proportional to `weights` summing to `total` (largest remainder), each within one of
 * its exact share; a key with no room (`room`) passes its share to the others.
 */
export function apportion(total: number, weights: ReadonlyMap<string, number>, room: ReadonlyMap<string, number> = new Map()): Map<string, number> {
  const out = new Map<string, number>([...weights.keys()].map((k) => [k, 0]));
  let left = total;
  let open = [...weights.keys()].filter((k) => (weights.get(k) ?? 0) > 0 && (room.get(k) ?? Infinity) > 0);
  while (left > 0 && open.length) {
    const sum = open.reduce((n, k) => n + weights.get(k)!, 0);
    const exact = open.map((k) => ({ k, x: (left * weights.get(k)!) / sum }));
    const give = new Map(exact.map(({ k, x }) => [k, Math.floor(x)]));
    let rest = left - [...give.values()].reduce((a, b) => a + b, 0);
    for (const { k } of [...exact].sort((a, b) => b.x - Math.floor(b.x) - (a.x - Math.floor(a.x)) || a.k.localeCompare(b.k))) {
      if (rest <= 0) break;
      give.set(k, give.get(k)! + 1);
      rest--;
    }
    let placed = 0;
    for (const k of open) {
      const cap = (room.get(k) ?? Infinity) - out.get(k)!;
      const n = Math.min(give.get(k)!, cap);
      out.set(k, out.get(k)! + n);
      placed += n;
    }
    left -= placed;
    open = open.filter((k) => (room.get(k) ?? Infinity) > out.get(k)!);
    if (placed === 0) break;
  }
  return out;
}

/** One domain's picks: its share of configuration and multi-answer items first, single-answer scenarios fill, then anything left. */
function pickForDomain(pool: Map<Slot, Question[]>, quota: number, want: { config: number; multi: number }): Question[] {
  const picked: Question[] = [];
  const take = (slot: Slot, n: number) => {
    const list = pool.get(slot) ?? [];
    picked.push(...list.splice(0, Math.max(0, Math.min(n, quota - picked.length))));
  };
  take("config", want.config);
  take("multi", want.multi);
  take("single", quota);
  for (const slot of ["multi", "config", "other"] as Slot[]) take(slot, quota);
  return picked;
}

/** The exam's questions: `count` of them (fewer only when the pack has fewer), by domain weight, no repeats. */
export function examForm(pack: Pack, opts: FormOptions): Question[] {
  const rng = createRng(opts.seed);
  const kinds = opts.kinds ?? EXAM_KINDS;
  const count = Math.max(1, opts.count);
  let pool = allQuestions(pack, rng, kinds, kinds.includes("config") ? Math.ceil(count * FORM_MIX.config * 2) + 4 : 0);
  if (opts.topic) pool = pool.filter((q) => q.topic === opts.topic || q.domain === opts.topic);
  if (opts.onlyIds) {
    const only = new Set(opts.onlyIds);
    pool = pool.filter((q) => only.has(q.id));
  }
  const domains = pack.meta.domains.filter((d) => !opts.domains || opts.domains.includes(d.id));
  const unique = new Map<string, Question>();
  for (const q of pool) if (q.domain && domains.some((d) => d.id === q.domain) && !unique.has(q.id)) unique.set(q.id, q);
  const byDomain = new Map<string, Map<Slot, Question[]>>(domains.map((d) => [d.id, new Map()]));
  for (const q of shuffle([...unique.values()], rng)) {
    const slots = byDomain.get(q.domain!)!;
    const list = slots.get(slotOf(q));
    if (list) list.push(q);
    else slots.set(slotOf(q), [q]);
  }
  const room = new Map([...byDomain].map(([d, slots]) => [d, [...slots.values()].reduce((n, l) => n + l.length, 0)]));
  const weights = new Map(domains.map((d) => [d.id, d.weight ?? 1]));
  const total = Math.min(
    count,
    [...room.values()].reduce((a, b) => a + b, 0),
  );
  const quotas = apportion(total, weights, room);
  // The mix is the form's, not each domain's: its configuration and multi-answer items shared out
  // over the domains by their quotas, as far as each domain has such items.
  const share = (slot: Slot, target: number, taken: Map<string, number>) =>
    apportion(
      target,
      quotas,
      new Map([...byDomain].map(([d, slots]) => [d, Math.min(slots.get(slot)?.length ?? 0, (quotas.get(d) ?? 0) - (taken.get(d) ?? 0))])),
    );
  const config = share("config", Math.round(total * FORM_MIX.config), new Map());
  const multi = share("multi", Math.round(total * FORM_MIX.multi), config);
  const picked = [...byDomain].flatMap(([d, slots]) => pickForDomain(slots, quotas.get(d) ?? 0, { config: config.get(d) ?? 0, multi: multi.get(d) ?? 0 }));
  return shuffle(picked, rng);
}

/** How a form is made up, for `exam --help` and tests: per domain and per slot. */
export function formMix(questions: readonly Question[]): { byDomain: Record<string, number>; single: number; multi: number; config: number; other: number } {
  const byDomain: Record<string, number> = {};
  const slots = { single: 0, multi: 0, config: 0, other: 0 };
  for (const q of questions) {
    if (q.domain) byDomain[q.domain] = (byDomain[q.domain] ?? 0) + 1;
    slots[slotOf(q)]++;
  }
  return { byDomain, ...slots };
}
