// A learner's choice of packs: from everything loaded, keep the items of the chosen packs only, and
// let the chosen pack.yaml files alone decide the title, domains, weights, pass mark and topics.
// Services and event types of other packs stay only where a chosen item names them (a pack may build
// on the shipped catalog), so Study and the quiz show the chosen packs' own content. Pure.
import { resolve } from "node:path";
import { DEFAULT_PASSING_SCORE, originKey, within, type Pack, type PackMeta } from "./pack.js";

/**
 * Is `file` inside one of `roots` (directories or single files)? Both may be relative: the pack names
 * its files relative to the directory it was loaded from, `cwd`.
 */
export function inRoots(roots: readonly string[], file: string, cwd = process.cwd()): boolean {
  const f = resolve(cwd, file);
  return roots.some((r) => {
    const root = resolve(cwd, r);
    return f === root || within(root, f);
  });
}

export function selectPacks(pack: Pack, roots: readonly string[], cwd = process.cwd()): Pack {
  const inside = (file: string) => inRoots(roots, file, cwd);
  const mine = (kind: string, id: string) => {
    const o = pack.origins.get(originKey(kind, id));
    return o !== undefined && inside(o.file);
  };
  const scenarios = pack.scenarios.filter((s) => mine("scenario", s.id));
  const facts = pack.facts.filter((f) => mine("fact", f.id));
  const actions = pack.actions.filter((a) => mine("action", a.id));
  const named = new Set<string>();
  for (const s of scenarios) {
    named.add(s.answer);
    for (const a of s.accept) named.add(a);
    for (const d of s.distractors) named.add(d.option);
  }
  const decisionTrees = pack.decisionTrees.filter((t) => mine("decision-tree", t.id));
  for (const t of decisionTrees) for (const st of t.steps) for (const b of st.branches) if (b.option) named.add(b.option);
  // Action items are answered with event types: a pack with a simulator catalog keeps them.
  const services = pack.services.filter((s) => mine("service", s.id) || named.has(s.id));
  const eventTypes = pack.eventTypes.filter((e) => mine("event-type", e.id) || named.has(e.id) || actions.length > 0);
  const keep = new Set([...services.map((s) => s.id), ...eventTypes.map((e) => e.id)]);
  const options = new Map([...pack.options].filter(([id]) => keep.has(id)));
  const parts = pack.parts.filter((p) => inside(p.file));
  const first = parts[0]?.info;
  const domains = new Map<string, PackMeta["domains"][number]>();
  const topics = new Map<string, PackMeta["topics"][number]>();
  for (const { info } of parts) {
    for (const d of info.domains) if (!domains.has(d.id)) domains.set(d.id, d);
    for (const t of info.topics) if (!topics.has(t.id)) topics.set(t.id, t);
  }
  const meta: PackMeta = {
    id: parts.length === 1 ? first!.id : parts.map((p) => p.info.id).join("+") || pack.meta.id,
    title: parts.length === 1 ? first!.title : parts.map((p) => p.info.title).join(" + ") || pack.meta.title,
    version: parts.length === 1 ? String(first!.version ?? "") : "",
    ...(first?.description ? { description: first.description } : {}),
    passingScore: first?.passingScore ?? DEFAULT_PASSING_SCORE,
    domains: [...domains.values()],
    topics: [...topics.values()],
    mustMemorize: parts.flatMap((p) => p.info.mustMemorize ?? []),
  };
  return {
    ...pack,
    meta,
    services,
    eventTypes,
    scenarios,
    facts,
    actions,
    decisionTrees,
    resourceTypes: actions.length ? pack.resourceTypes : [],
    networkActivitySources: actions.length ? pack.networkActivitySources : [],
    options,
    parts,
    files: pack.files.filter(inside),
  };
}
