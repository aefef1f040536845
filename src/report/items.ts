// Classical item analysis over a class's answers, as Moodle's quiz statistics do it, so an
// instructor finds miskeyed and ambiguous items: per item the number of learners, facility (share
// correct), discrimination and how often each distractor was picked; the same per domain. Each
// learner counts once per item, with their first answer to it (later answers are practice).
// Discrimination is the corrected item–rest point-biserial correlation: the item's 0/1 score
// against the learner's share correct on the OTHER items, so an item does not correlate with itself.
// Linear in the number of rows. Pure.
import type { AttemptRow } from "./attempts.js";

export interface DistractorUse {
  option: string;
  picks: number;
  share: number;
}

export interface ItemStats {
  item: string;
  domain?: string;
  learners: number;
  /** Share of learners who answered correctly (0–1). */
  facility: number;
  /** Corrected item–rest point-biserial (−1…1); null when it cannot be computed (fewer than 3 learners, or no spread). */
  discrimination: number | null;
  distractors: DistractorUse[];
  flags: string[];
}

export interface DomainStats {
  domain: string;
  items: number;
  answers: number;
  facility: number;
  /** Mean discrimination of the domain's items that have one. */
  discrimination: number | null;
}

export interface ItemReport {
  learners: number;
  answers: number;
  items: ItemStats[];
  domains: DomainStats[];
  method: string;
}

export const METHOD = "first answer per learner per item; discrimination = corrected item-rest point-biserial correlation";
/** Below this many learners a distractor nobody picked is not yet evidence of anything. */
export const MIN_LEARNERS_FOR_FLAGS = 5;

export interface ReportOptions {
  /** The wrong options an item offers (from the pack), so a distractor no one picked is seen. */
  distractorsOf?: (item: string) => readonly string[] | undefined;
  domainOf?: (item: string) => string | undefined;
}

export function itemReport(rows: readonly AttemptRow[], opts: ReportOptions = {}): ItemReport {
  // First answer of each learner to each item.
  const first = new Map<string, AttemptRow>();
  for (const r of rows) {
    const key = `${r.learner}\u0000${r.item}`;
    const seen = first.get(key);
    if (!seen || r.at < seen.at) first.set(key, r);
  }
  const totals = new Map<string, { right: number; n: number }>();
  const byItem = new Map<string, AttemptRow[]>();
  for (const r of first.values()) {
    const t = totals.get(r.learner) ?? { right: 0, n: 0 };
    t.n++;
    if (r.correct) t.right++;
    totals.set(r.learner, t);
    const list = byItem.get(r.item);
    if (list) list.push(r);
    else byItem.set(r.item, [r]);
  }

  const items: ItemStats[] = [];
  for (const [item, list] of byItem) {
    const n = list.length;
    const right = list.filter((r) => r.correct).length;
    const discrimination = pointBiserial(list, totals);
    const picks = new Map<string, number>();
    for (const o of opts.distractorsOf?.(item) ?? []) picks.set(o, 0);
    for (const r of list) {
      if (r.correct || r.chosen === undefined) continue;
      for (const o of r.chosen.split("+")) picks.set(o, (picks.get(o) ?? 0) + 1);
    }
    const distractors = [...picks.entries()]
      .map(([option, p]) => ({ option, picks: p, share: n ? p / n : 0 }))
      .sort((a, b) => b.picks - a.picks || a.option.localeCompare(b.option));
    const flags: string[] = [];
    if (discrimination !== null && discrimination < 0) flags.push("negative discrimination: likely miskeyed or ambiguous");
    if (n >= MIN_LEARNERS_FOR_FLAGS) for (const d of distractors) if (d.picks === 0) flags.push(`distractor '${d.option}' was never picked`);
    const domain = list.find((r) => r.domain)?.domain ?? opts.domainOf?.(item);
    items.push({ item, ...(domain ? { domain } : {}), learners: n, facility: n ? right / n : 0, discrimination, distractors, flags });
  }
  items.sort((a, b) => a.item.localeCompare(b.item));

  const domains = new Map<string, { items: number; answers: number; right: number; disc: number[] }>();
  for (const it of items) {
    const key = it.domain ?? "(no domain)";
    const d = domains.get(key) ?? { items: 0, answers: 0, right: 0, disc: [] };
    d.items++;
    d.answers += it.learners;
    d.right += Math.round(it.facility * it.learners);
    if (it.discrimination !== null) d.disc.push(it.discrimination);
    domains.set(key, d);
  }
  return {
    learners: totals.size,
    answers: first.size,
    items,
    domains: [...domains.entries()]
      .map(([domain, d]) => ({
        domain,
        items: d.items,
        answers: d.answers,
        facility: d.answers ? d.right / d.answers : 0,
        discrimination: d.disc.length ? d.disc.reduce((s, x) => s + x, 0) / d.disc.length : null,
      }))
      .sort((a, b) => a.domain.localeCompare(b.domain)),
    method: METHOD,
  };
}

/** Pearson correlation of the item's 0/1 score with each learner's share correct on their other items. */
function pointBiserial(list: readonly AttemptRow[], totals: ReadonlyMap<string, { right: number; n: number }>): number | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const r of list) {
    const t = totals.get(r.learner)!;
    if (t.n < 2) continue;
    const x = r.correct ? 1 : 0;
    xs.push(x);
    ys.push((t.right - x) / (t.n - 1));
  }
  const n = xs.length;
  if (n < 3) return null;
  const mx = xs.reduce((s, v) => s + v, 0) / n;
  const my = ys.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}
