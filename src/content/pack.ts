// Parsed files → one immutable Pack, with the checks that need every file at once: ids unique
// across packs, answers naming known options, domains and topics that exist. Pure.
import { dirname, isAbsolute, sep } from "node:path";
import { closest } from "./did-you-mean.js";
import { MIN_DISTRACTORS } from "./limits.js";
import type { Located, ParsedFile } from "./parse-file.js";
import type { Problem, ProblemCode } from "./problem.js";
import { SECTION_KEYS, SECTIONS, type SectionData, type SectionItem, type SectionKey, type SectionSpec } from "./sections.js";
import type * as S from "./schema.js";

export type OptionKind = "service" | "event-type";

/** Anything a scenario can name as an answer or distractor: a service or an event type. */
export interface AnswerOption {
  id: string;
  name: string;
  kind: OptionKind;
  aliases: string[];
}

/** Where an item was defined: for editor links, `--only FILE`, lint and "new". */
export interface Origin {
  file: string;
  line: number;
  col: number;
}

export interface PackMeta {
  id: string;
  title: string;
  /** The pack's version from pack.yaml, as text ("" when it declares none). */
  version: string;
  description?: string;
  passingScore: number;
  domains: S.Domain[];
  topics: S.Topic[];
  mustMemorize: string[];
}

/** Every section's items (see sections.ts) but the pack descriptions, which make `meta`. */
export interface Pack extends Omit<SectionData, "packs"> {
  meta: PackMeta;
  /** Services and event types by id. */
  options: ReadonlyMap<string, AnswerOption>;
  /** `kind:id` → where it was defined (kind: scenario, fact, service, event-type, action). */
  origins: ReadonlyMap<string, Origin>;
  /** The files the pack was built from, in load order. */
  files: string[];
  /** Each pack.yaml loaded, with its file: a learner's choice of packs selects among them. */
  parts: ReadonlyArray<{ file: string; info: S.PackInfo }>;
}

export const DEFAULT_PASSING_SCORE = 0.75;

export interface BuildResult {
  pack: Pack;
  problems: Problem[];
}

export function originKey(kind: string, id: string): string {
  return `${kind}:${id}`;
}

/** Merge files into a pack. Items that fail a pack-level check are left out (and reported). */
export function buildPack(files: readonly ParsedFile[]): BuildResult {
  const problems: Problem[] = files.flatMap((f) => f.problems);
  const origins = new Map<string, Origin>();
  // Every item with the file it came from and its index among that file's valid items.
  type Placed = [item: { id?: string }, file: ParsedFile, index: number];
  const all = Object.fromEntries(SECTION_KEYS.map((k) => [k, [] as Placed[]])) as Record<SectionKey, Placed[]>;
  for (const f of files) {
    for (const k of SECTION_KEYS) (f.data[SECTIONS[k].field] as Placed[0][]).forEach((x, i) => all[k].push([x, f, i]));
  }
  const metaParts = all.pack.map(([pack, f]) => ({ pack: pack as S.PackInfo, file: f.file }));

  const report = (f: ParsedFile, key: string, code: ProblemCode, message: string, hint: string, severity: Problem["severity"] = "error") => {
    const at: Located | undefined = f.at[key] ?? f.at[key.split(".").slice(0, 2).join(".")];
    problems.push({
      file: f.file,
      line: at?.line ?? 0,
      col: at?.col ?? 0,
      code,
      message,
      hint,
      severity,
    });
  };

  // Unique ids. Services and event types share one namespace: scenarios name either by id.
  const seen = new Map<string, { file: string; line: number }>();
  const unique = <T extends { id: string }>(list: Array<[T, ParsedFile, number]>, section: string, kind: string, ns: string) =>
    list.filter(([item, f, i]) => {
      const key = `${ns}:${item.id}`;
      const prev = seen.get(key);
      if (prev) {
        report(
          f,
          `${section}.${i}.id`,
          "DUPLICATE_ID",
          `${kind} id '${item.id}' is already used at ${prev.file}:${prev.line}`,
          "ids must be unique across all loaded packs: choose another id",
        );
        return false;
      }
      const at = (f.starts ?? f.at)[`${section}.${i}`];
      seen.set(key, { file: f.file, line: at?.line ?? 0 });
      origins.set(originKey(kind, item.id), { file: f.file, line: at?.line ?? 0, col: at?.col ?? 0 });
      return true;
    });
  // Sections whose items have ids keep the first of each id; the others pass as they are.
  const kept = Object.fromEntries(
    SECTION_KEYS.map((k) => {
      const spec: SectionSpec = SECTIONS[k];
      const list = spec.unique ? unique(all[k] as Array<[{ id: string }, ParsedFile, number]>, k, spec.unique.origin, spec.unique.ns) : all[k];
      return [k, list];
    }),
  ) as Record<SectionKey, Placed[]>;
  const items = <K extends SectionKey>(k: K) => kept[k] as Array<[SectionItem<K>, ParsedFile, number]>;
  const services = items("services");
  const eventTypes = items("eventTypes");
  const scenariosU = items("scenarios");
  const factsU = items("facts");
  const decisionTrees = items("decisionTree").map(([t]) => t);

  const options = new Map<string, AnswerOption>();
  for (const [s] of services) options.set(s.id, { id: s.id, name: s.name, kind: "service", aliases: s.aliases });
  for (const [e] of eventTypes) options.set(e.id, { id: e.id, name: e.name, kind: "event-type", aliases: e.aliases });

  // Pack metadata: the first pack.yaml sets the title; domains and topics are the union.
  const domains = new Map<string, S.Domain>();
  const topics = new Map<string, S.Topic>();
  for (const { pack } of metaParts) {
    for (const d of pack.domains) if (!domains.has(d.id)) domains.set(d.id, d);
    for (const t of pack.topics) if (!topics.has(t.id)) topics.set(t.id, t);
  }
  const first = metaParts[0]?.pack;
  const meta: PackMeta = {
    id: first?.id ?? "content",
    title: first?.title ?? "CloudTrail tutor",
    version: first?.version === undefined ? "" : String(first.version),
    ...(first?.description ? { description: first.description } : {}),
    passingScore: first?.passingScore ?? DEFAULT_PASSING_SCORE,
    domains: [...domains.values()],
    topics: [...topics.values()],
    mustMemorize: metaParts.flatMap((m) => m.pack.mustMemorize ?? []),
  };

  const optionIds = [...options.keys()];
  const checkOption = (f: ParsedFile, key: string, id: string, what: string): boolean => {
    if (options.has(id)) return true;
    const guess = closest(id, optionIds);
    report(
      f,
      key,
      "UNKNOWN_OPTION",
      `${what} '${id}' is not a known service or event type`,
      guess.length ? `did you mean ${guess.map((g) => `'${g}'`).join(" or ")}?` : "add it to services.yaml or event-types.yaml, or use an existing id",
    );
    return false;
  };
  // A pack.yaml that could not be read declares domains and topics no one can see: references to
  // them in its pack (files at or below its folder) are counted, not reported one by one.
  const failed = files.filter((f) => f.failedPack).map((f) => ({ file: f, dir: dirname(f.file), unchecked: 0 }));
  const unchecked = (f: ParsedFile): boolean => {
    const broken = failed.find((b) => within(b.dir, f.file));
    if (broken) broken.unchecked++;
    return broken !== undefined;
  };
  const checkDomain = (f: ParsedFile, key: string, domain: string | undefined): boolean => {
    if (domain === undefined || domains.has(domain)) return true;
    if (unchecked(f)) return false;
    const guess = closest(domain, [...domains.keys()]);
    report(
      f,
      key,
      "UNKNOWN_DOMAIN",
      `domain '${domain}' is not declared in pack.yaml`,
      guess.length ? `did you mean '${guess[0]}'?` : `declare it under pack.domains, or use one of: ${[...domains.keys()].join(", ")}`,
    );
    return false;
  };
  const checkTopic = (f: ParsedFile, key: string, topic: string | undefined): boolean => {
    if (topic === undefined || topics.has(topic)) return true;
    if (unchecked(f)) return false;
    const guess = closest(topic, [...topics.keys()]);
    report(
      f,
      key,
      "UNKNOWN_TOPIC",
      `topic '${topic}' is not declared in pack.yaml`,
      guess.length ? `did you mean '${guess[0]}'?` : `declare it under pack.topics, or use one of: ${[...topics.keys()].join(", ")}`,
    );
    return false;
  };

  const scenarios: S.Scenario[] = [];
  for (const [s, f, i] of scenariosU) {
    // Nearly every item passes: check that without building a key or a closure (a 10,000-item pack
    // loads faster), and let the full checks below find and report what is wrong otherwise.
    if ((s.domain === undefined || domains.has(s.domain)) && (s.topic === undefined || topics.has(s.topic)) && scenarioOptionsPass(s, options)) {
      scenarios.push(s);
      continue;
    }
    const p = `scenarios.${i}`;
    let ok = checkScenarioOptions(s, p, (key, code, message, hint) => report(f, key, code, message, hint), options);
    ok = checkDomain(f, `${p}.domain`, s.domain) && ok;
    ok = checkTopic(f, `${p}.topic`, s.topic) && ok;
    if (ok) scenarios.push(s);
    else origins.delete(originKey("scenario", s.id));
  }
  const facts: S.Fact[] = [];
  for (const [x, f, i] of factsU) {
    let ok = checkDomain(f, `facts.${i}.domain`, x.domain) && checkTopic(f, `facts.${i}.topic`, x.topic);
    (x.about ?? []).forEach((id, j) => {
      ok = checkOption(f, `facts.${i}.about.${j}`, id, "about") && ok;
    });
    x.claims.forEach((c, j) =>
      (c.about ?? []).forEach((id) => {
        ok = checkOption(f, `facts.${i}.claims.${j}`, id, "claim about") && ok;
      }),
    );
    if (ok) facts.push(x);
    else origins.delete(originKey("fact", x.id));
  }
  for (const tree of decisionTrees) {
    const treeFile = files.find((f) => f.data.decisionTrees.includes(tree))?.file;
    if (treeFile) origins.set(originKey("decision-tree", tree.id), { file: treeFile, line: 0, col: 0 });
    for (const step of tree.steps) {
      for (const b of step.branches) {
        if (b.option && !options.has(b.option)) {
          problems.push({
            file: files.find((f) => f.data.decisionTrees.includes(tree))?.file ?? "",
            line: 0,
            col: 0,
            code: "UNKNOWN_OPTION",
            message: `decision tree branch '${b.label}' names unknown option '${b.option}'`,
            hint: "use the id of a service or event type",
            severity: "error",
          });
        }
      }
    }
  }

  for (const b of failed) {
    if (b.unchecked === 0) continue;
    problems.push({
      file: b.file.file,
      line: 0,
      col: 0,
      code: "REFERENCES_NOT_CHECKED",
      message: `${b.unchecked} reference(s) to domains and topics not checked: this pack.yaml could not be read`,
      hint: "fix the error in this pack.yaml first; the items that use its domains are left out until then",
      severity: "warning",
    });
  }

  const lists = Object.fromEntries(SECTION_KEYS.map((k) => [SECTIONS[k].field, kept[k].map(([x]) => x)])) as unknown as SectionData;
  const { packs: _descriptions, ...sections } = lists;
  return {
    pack: {
      ...sections,
      meta,
      scenarios,
      facts,
      options,
      origins,
      files: files.map((f) => f.file),
      parts: metaParts.map((m) => ({ file: m.file, info: m.pack })),
    },
    problems,
  };
}

/**
 * The id of the pack an item comes from (`kind`: scenario, fact, action, service, event-type): the
 * pack.yaml whose folder holds the item's file, the deepest when folders nest.
 */
export function packOfItem(pack: Pick<Pack, "origins" | "parts">, kind: string, id: string): string | undefined {
  const file = pack.origins.get(originKey(kind, id))?.file;
  if (file === undefined) return undefined;
  let best: { id: string; depth: number } | undefined;
  for (const part of pack.parts) {
    const dir = dirname(part.file);
    if (within(dir, file) && (!best || dir.length > best.depth)) best = { id: part.info.id, depth: dir.length };
  }
  return best?.id;
}

/** Is `file` at or below `dir` (both as displayed: relative to the same directory, or absolute)? */
export function within(dir: string, file: string): boolean {
  if (dir === ".") return !isAbsolute(file) && !file.startsWith("..");
  return file.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

type Report = (key: string, code: ProblemCode, message: string, hint: string) => void;

/**
 * True exactly when `checkScenarioOptions` would report nothing, found with plain loops (no
 * closures, sets or keys): the fast path for the items that pass, which is nearly all of them.
 */
export function scenarioOptionsPass(s: S.Scenario, options: ReadonlyMap<string, AnswerOption>): boolean {
  if (s.distractors.length < MIN_DISTRACTORS) return false;
  const more = s.moreAnswers ?? [];
  const catalog = s.answerKind === "service" || s.answerKind === "event-type" ? s.answerKind : undefined;
  const ids: string[] = [s.answer];
  for (const m of more) ids.push(m.option);
  for (const d of s.distractors) ids.push(d.option);
  // Option ids are unique within the item (this also keeps every answer out of the distractors).
  for (let a = 1; a < ids.length; a++) for (let b = 0; b < a; b++) if (ids[a] === ids[b]) return false;
  if (catalog) {
    for (const id of ids) if (options.get(id)?.kind !== catalog) return false;
    for (const a of s.accept) {
      if (!options.has(a)) return false;
      for (const d of s.distractors) if (d.option === a) return false;
    }
    return true;
  }
  if (s.accept.length || s.answerLabel === undefined) return false;
  if (s.answerKind === "yes-no" && more.length) return false;
  for (const m of more) if (m.label === undefined) return false;
  for (const d of s.distractors) if (d.label === undefined) return false;
  return true;
}

/**
 * The option rules of a scenario: every option is of the item's `answerKind`. Catalog kinds
 * (service, event-type) name ids of that kind; text kinds (configuration, statement, yes-no) use
 * local ids, each with a label. Option ids are unique within the item. True when it may be served.
 */
export function checkScenarioOptions(s: S.Scenario, p: string, report: Report, options: ReadonlyMap<string, AnswerOption>): boolean {
  let ok = true;
  const fail: Report = (...a) => {
    report(...a);
    ok = false;
  };
  const refs: Array<{ key: string; id: string; what: string; label: string | undefined }> = [
    { key: `${p}.answer`, id: s.answer, what: "answer", label: s.answerLabel },
    ...(s.moreAnswers ?? []).map((m, j) => ({ key: `${p}.moreAnswers.${j}.option`, id: m.option, what: "answer", label: m.label })),
    ...s.distractors.map((d, j) => ({ key: `${p}.distractors.${j}.option`, id: d.option, what: "distractor", label: d.label })),
  ];
  const catalog = s.answerKind === "service" || s.answerKind === "event-type" ? s.answerKind : undefined;
  if (catalog) {
    const check = (key: string, id: string, what: string) => {
      const o = options.get(id);
      if (!o) {
        const guess = closest(
          id,
          [...options.values()].filter((o) => o.kind === catalog).map((o) => o.id),
        );
        return fail(
          key,
          "UNKNOWN_OPTION",
          `${what} '${id}' is not a known service or event type`,
          guess.length
            ? `did you mean ${guess.map((g) => `'${g}'`).join(" or ")}?`
            : `add it to ${catalog === "service" ? "services.yaml" : "event-types.yaml"}, or use an existing id`,
        );
      }
      if (o.kind !== catalog)
        fail(
          key,
          "WRONG_OPTION_KIND",
          `${what} '${id}' is ${o.kind === "service" ? "a service" : "an event type"}, but scenario '${s.id}' has answerKind: ${catalog}`,
          `every option of the item is a${catalog === "event-type" ? "n event type" : " service"}; change the option or the answerKind`,
        );
    };
    for (const r of refs) check(r.key, r.id, r.what);
    // A typed answer may be a near-synonym of the other kind (cloudtrail-insights ~ insights-events).
    s.accept.forEach((a, j) => {
      if (options.has(a)) return;
      const guess = closest(a, [...options.keys()]);
      fail(
        `${p}.accept.${j}`,
        "UNKNOWN_OPTION",
        `accepted answer '${a}' is not a known service or event type`,
        guess.length ? `did you mean ${guess.map((g) => `'${g}'`).join(" or ")}?` : "use the id of a service or event type",
      );
    });
  } else {
    for (const r of refs) {
      if (r.label === undefined) {
        const main = r.key === `${p}.answer`;
        fail(
          r.key,
          "MISSING_LABEL",
          `scenario '${s.id}' is a ${s.answerKind} item: ${main ? "answerLabel is required" : `the ${r.what} '${r.id}' needs a label`}`,
          `${main ? "add answerLabel:" : "add label:"} the text the learner reads, of similar length and form to the other options`,
        );
      }
    }
    if (s.accept.length)
      fail(
        `${p}.accept`,
        "ACCEPT_ON_TEXT_ITEM",
        `scenario '${s.id}' is a ${s.answerKind} item, so it is never typed; accept lists catalog ids for typed answers`,
        "remove accept, or make the item a service or event-type item",
      );
    if (s.answerKind === "yes-no" && s.moreAnswers?.length)
      fail(
        `${p}.moreAnswers`,
        "MORE_ANSWERS_ON_YES_NO",
        `scenario '${s.id}' is a yes-no item with more than one answer`,
        "remove moreAnswers, or make it a statement item",
      );
  }
  const answers = new Set([s.answer, ...(s.moreAnswers ?? []).map((m) => m.option)]);
  const seen = new Set<string>();
  for (const r of refs) {
    if (r.what === "distractor" && answers.has(r.id)) {
      fail(r.key, "ANSWER_AS_DISTRACTOR", `scenario '${s.id}' lists its own answer '${r.id}' as a distractor`, "remove this distractor or change the answer");
    } else if (seen.has(r.id)) {
      fail(
        r.key,
        r.what === "distractor" ? "DUPLICATE_DISTRACTOR" : "DUPLICATE_OPTION",
        `scenario '${s.id}' lists the option '${r.id}' twice`,
        "option ids are unique within an item: give each option its own id",
      );
    }
    seen.add(r.id);
  }
  const distractorIds = new Set(s.distractors.map((d) => d.option));
  s.accept.forEach((a, j) => {
    if (distractorIds.has(a))
      fail(
        `${p}.accept.${j}`,
        "ACCEPTS_DISTRACTOR",
        `scenario '${s.id}' accepts '${a}', which is also a distractor`,
        "a typed distractor would be marked right: remove it from accept or from the distractors",
      );
  });
  if (s.distractors.length < MIN_DISTRACTORS) {
    fail(
      `${p}.distractors`,
      "TOO_FEW_DISTRACTORS",
      `scenario '${s.id}' has ${s.distractors.length} distractor(s); at least ${MIN_DISTRACTORS} are needed`,
      "add distractors, each with the specific reason it fails this requirement",
    );
  }
  return ok;
}

export function errorsOf(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.severity === "error");
}
