// Warnings an author wants before learners see the content (never errors: the pack still loads).
// Each has a code and can be silenced on one item with `lintIgnore: [CODE]`. Pure; positions come
// from the pack's origins.
import { foilsOf, namedIn, normWords } from "./foils.js";
import { isCatalogKind, labelled, scenarioOptions } from "./labels.js";
import type { Origin, Pack } from "./pack.js";
import { originKey } from "./pack.js";
import type { Problem } from "./problem.js";
import type { Scenario } from "./schema.js";
import { dirname } from "node:path";
import { within } from "./pack.js";

export const LINT_CODES = {
  DISTRACTOR_REPEATS_EXPLANATION: "a distractor's reason repeats the explanation word for word",
  NEAR_DUPLICATE_SCENARIO: "two scenarios with a similar requirement and the same answer",
  ANSWER_LENGTH_GIVEAWAY: "the answer's wording is much longer than every distractor's, which gives it away",
  FACT_WITHOUT_SOURCE: "a fact with no source",
  THIN_DOMAIN: "a domain with fewer than 3 scenarios",
  UNUSED_OPTION: "an event type or service never used as an answer",
  AUTHORING_NOTE: 'an authoring note in text learners read ("second distractor added", "the seed\'s pattern", TODO)',
  LABEL_IN_REASON: "an option's label repeated inside its own reason",
  MIXED_OPTIONS: "options of mixed kinds or forms: some shown by an authored label, others by their catalog name",
  SYNONYM_OPTIONS: "two options of one item that are names of the same thing (they share a name or alias)",
  FEW_DISTRACTORS: "fewer than three distractors",
  WHY_STEP_UNAVAILABLE: "a distractor whose why step cannot be built (fewer than three foils)",
  KEYWORD_ECHOES_ANSWER: "a keyword that names the answer, so highlighting it gives the answer away",
  SOURCE_NOT_OPENABLE: "a source a learner cannot open: neither 'seed: <section>' nor an AWS page with its https:// URL",
} as const;
export type LintCode = keyof typeof LINT_CODES;

const MIN_PER_DOMAIN = 3;
const MIN_DISTRACTORS = 3;
const FOILS_NEEDED = 3;
/** Notes for authors that must never reach a learner. */
export const AUTHORING_NOTE = /second distractor|distractor (was )?added|the seed'?s pattern|\bTODO\b|\bFIXME\b|\bTBD\b|\bXXX\b|lorem ipsum/i;
/** A source part a learner can open: a study-card section, or a page with its https:// URL. */
export const OPENABLE_SOURCE = /^seed: \S|https:\/\/\S+/;

/** Is every `; `-separated part of a source openable? */
export function openableSource(source: string): boolean {
  return source
    .split("; ")
    .map((p) => p.trim())
    .filter(Boolean)
    .every((p) => OPENABLE_SOURCE.test(p));
}

/** Every piece of text a learner reads in a scenario, with where it is. */
function learnerText(s: Scenario): Array<[where: string, text: string]> {
  return [
    ["situation", s.situation ?? ""],
    ["requirement", s.requirement],
    ["explanation", s.explanation],
    ["answerLabel", s.answerLabel ?? ""],
    ...s.keywords.map((k) => ["keywords", k] as [string, string]),
    ...(s.moreAnswers ?? []).flatMap(
      (m) =>
        [
          [`moreAnswers ${m.option}`, m.label ?? ""],
          [`moreAnswers ${m.option}`, m.why],
        ] as Array<[string, string]>,
    ),
    ...s.distractors.flatMap(
      (d) =>
        [
          [`distractor ${d.option}`, d.label ?? ""],
          [`distractor ${d.option}`, d.why],
          ...(d.misconceptions ?? []).map((m) => [`distractor ${d.option} misconception`, m] as [string, string]),
        ] as Array<[string, string]>,
    ),
  ];
}
const SIMILAR = 0.75;
const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
const tokenSet = (s: string) =>
  new Set(
    words(s)
      .split(" ")
      .filter((w) => w.length > 2),
  );

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter || 1);
}

export function lintPack(pack: Pack): Problem[] {
  const out: Problem[] = [];
  const warn = (kind: string, id: string, code: LintCode, message: string, hint: string, ignore: readonly string[] | undefined) => {
    if (ignore?.includes(code)) return;
    const o: Origin | undefined = pack.origins.get(originKey(kind, id));
    out.push({
      file: o?.file ?? "pack.yaml",
      line: o?.line ?? 0,
      col: o?.col ?? 0,
      code,
      message,
      hint: `${hint} (silence with lintIgnore: [${code}])`,
      severity: "warning",
    });
  };

  const synonyms = synonymPairs(pack);
  for (const s of pack.scenarios) {
    const ig = s.lintIgnore;
    const w = (code: LintCode, message: string, hint: string) => warn("scenario", s.id, code, `scenario '${s.id}': ${message}`, hint, ig);
    const expl = words(s.explanation);
    for (const d of s.distractors) {
      const why = words(d.why);
      if (why.length >= 20 && (expl.includes(why) || why.includes(expl))) {
        w(
          "DISTRACTOR_REPEATS_EXPLANATION",
          `the reason for '${d.option}' repeats the explanation`,
          "say why this option fails the requirement, in its own words",
        );
      }
    }
    const options = scenarioOptions(pack, s);
    const answer = options[0]!.label;
    const longest = Math.max(...options.filter((o) => !o.correct).map((o) => o.label.length));
    if (answer.length >= 30 && answer.length > 1.8 * longest) {
      w(
        "ANSWER_LENGTH_GIVEAWAY",
        `the answer reads ${answer.length} characters, the longest distractor ${longest}`,
        "give the distractors labels as specific as the answer, or shorten answerLabel",
      );
    }

    const notes = learnerText(s).filter(([, t]) => AUTHORING_NOTE.test(t));
    for (const [where, t] of notes)
      w("AUTHORING_NOTE", `${where} reads like a note for authors: "${AUTHORING_NOTE.exec(t)![0]}"`, "rewrite it as text for the learner, or remove it");

    for (const o of options) {
      if (!o.why) continue;
      const label = normWords(o.label);
      const why = normWords(o.why);
      const heading = new RegExp(`^\\s*${escapeRe(o.label)}\\s*[:—–-]`, "i").test(o.why);
      if (heading || (label.split(" ").length >= 4 && why.includes(label))) {
        w(
          "LABEL_IN_REASON",
          `the reason for '${o.id}' repeats its label "${o.label}"`,
          "the feedback prints the label before the reason: start the reason with what it says",
        );
      }
    }

    if (isCatalogKind(s) && !labelled(s)) {
      const withLabel = [
        ...(s.answerLabel ? ["answer"] : []),
        ...(s.moreAnswers ?? []).filter((m) => m.label).map((m) => m.option),
        ...s.distractors.filter((d) => d.label).map((d) => d.option),
      ];
      if (withLabel.length)
        w(
          "MIXED_OPTIONS",
          `only ${withLabel.join(", ")} of its options ${withLabel.length === 1 ? "has" : "have"} a label, so every option is shown by its catalog name`,
          "give every option a label of similar form (answerLabel for the answer), or none",
        );
    }

    const ids = options.map((o) => o.id);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        if (isCatalogKind(s) && synonyms.has(pairKey(ids[i]!, ids[j]!)))
          w(
            "SYNONYM_OPTIONS",
            `'${ids[i]}' and '${ids[j]}' are names of the same thing (${synonyms.get(pairKey(ids[i]!, ids[j]!))})`,
            "keep one of them; list the other under accept if a learner may type it",
          );
      }
    }

    if (s.distractors.length < MIN_DISTRACTORS)
      w(
        "FEW_DISTRACTORS",
        `${s.distractors.length} distractor(s); write at least ${MIN_DISTRACTORS}`,
        "add distractors of the same kind, each with the specific reason it fails this requirement (never filler)",
      );

    const stem = `${s.situation ?? ""} ${s.requirement}`;
    const lacking: string[] = [];
    for (const o of options.filter((x) => !x.correct)) {
      const f = foilsOf(pack, { id: o.id, label: o.label, why: o.why! }, o.misconceptions ?? [], isCatalogKind(s), stem);
      if (f.foils.length < FOILS_NEEDED)
        lacking.push(`'${o.id}' has ${f.foils.length}${f.dropped.length ? ` (${f.dropped.length} left out for naming another service or action)` : ""}`);
    }
    if (lacking.length)
      w(
        "WHY_STEP_UNAVAILABLE",
        `no why step for ${lacking.join("; ")} — ${FOILS_NEEDED} foils needed`,
        "add misconceptions (false reasons learners believe) to the distractor, or false claims about it with about: [option] in facts",
      );

    const answerIds = new Set(options.filter((o) => o.correct).map((o) => o.id));
    const answerLabels = options.filter((o) => o.correct).map((o) => normWords(o.label));
    for (const k of s.keywords) {
      const nk = normWords(k);
      const names = isCatalogKind(s) ? [...namedIn(pack, k).options].filter((id) => answerIds.has(id)) : [];
      const inLabel = (nk.includes(" ") || nk.length >= 6) && answerLabels.some((l) => ` ${l} `.includes(` ${nk} `));
      if (names.length || inLabel)
        w(
          "KEYWORD_ECHOES_ANSWER",
          `the keyword "${k}" names the answer`,
          "highlight the cue in the requirement that leads to the answer, not the answer's name",
        );
    }

    if (!openableSource(s.source))
      w(
        "SOURCE_NOT_OPENABLE",
        `source "${s.source}" has a part a learner cannot open`,
        "write 'seed: <study-card section>' or '<AWS page title> (<https://docs.aws.amazon.com/...>)', joined with '; '",
      );
  }
  for (const f of pack.facts) {
    const texts: Array<[string, string]> = [
      ["front", f.front],
      ["back", f.back],
      ...f.claims.flatMap(
        (c) =>
          [
            ["claim", c.text],
            ["claim why", c.why ?? ""],
          ] as Array<[string, string]>,
      ),
    ];
    for (const [where, t] of texts)
      if (AUTHORING_NOTE.test(t))
        warn(
          "fact",
          f.id,
          "AUTHORING_NOTE",
          `fact '${f.id}': ${where} reads like a note for authors: "${AUTHORING_NOTE.exec(t)![0]}"`,
          "rewrite it as text for the learner, or remove it",
          f.lintIgnore,
        );
    if (f.source && !openableSource(f.source))
      warn(
        "fact",
        f.id,
        "SOURCE_NOT_OPENABLE",
        `fact '${f.id}': source "${f.source}" has a part a learner cannot open`,
        "write 'seed: <study-card section>' or '<AWS page title> (<https://docs.aws.amazon.com/...>)', joined with '; '",
        f.lintIgnore,
      );
  }
  for (const a of pack.actions) {
    if (!openableSource(a.source))
      warn(
        "action",
        a.id,
        "SOURCE_NOT_OPENABLE",
        `action '${a.id}': source "${a.source}" has a part a learner cannot open`,
        "write 'seed: <study-card section>' or '<AWS page title> (<https://docs.aws.amazon.com/...>)', joined with '; '",
        a.lintIgnore,
      );
  }

  nearDuplicates(pack, warn);

  for (const f of pack.facts)
    if (!f.source)
      warn(
        "fact",
        f.id,
        "FACT_WITHOUT_SOURCE",
        `fact '${f.id}' has no source`,
        "add source: 'seed: <study-card section>' or an AWS page with its https:// URL, so learners can check it",
        f.lintIgnore,
      );

  // Each pack's domains, counted in that pack's own scenarios (those under its pack.yaml's folder)
  // and reported on its own pack.yaml: one pack's thin domain is never blamed on another.
  for (const part of pack.parts) {
    const root = dirname(part.file);
    for (const d of part.info.domains) {
      if (d.lintIgnore?.includes("THIN_DOMAIN")) continue;
      const n = pack.scenarios.filter((s) => s.domain === d.id && within(root, pack.origins.get(originKey("scenario", s.id))?.file ?? "")).length;
      if (n < MIN_PER_DOMAIN) {
        out.push({
          file: part.file,
          line: 0,
          col: 0,
          code: "THIN_DOMAIN",
          message: `domain '${d.id}' of pack '${part.info.id}' has ${n} scenario(s)`,
          hint: `write at least ${MIN_PER_DOMAIN} so its readiness bar means something (silence with lintIgnore: [THIN_DOMAIN])`,
          severity: "warning",
        });
      }
    }
  }

  const answers = new Set(pack.scenarios.flatMap((s) => [s.answer, ...s.accept]));
  const options = [...pack.eventTypes.map((o) => ["event-type", "event type", o] as const), ...pack.services.map((o) => ["service", "service", o] as const)];
  for (const [origin, noun, o] of options)
    if (!answers.has(o.id))
      warn(origin, o.id, "UNUSED_OPTION", `${noun} '${o.id}' is never an answer`, "write a scenario it answers, or it is only ever a distractor", o.lintIgnore);
  return out;
}

/** Near-duplicate warnings listed at most; the rest are counted in one more warning. */
export const MAX_NEAR_DUPLICATES = 25;
/** Each scenario is compared with at most this many earlier ones per rare word it has. */
const WINDOW = 24;

/**
 * Near duplicates: compare only scenarios with the same answer that share one of their three rarest
 * words, and within each such word only the last WINDOW scenarios that had it, so the work grows
 * with the pack (n × 3 × WINDOW comparisons at most), not with its square; 3,000 copies of one
 * scenario are one warning each for the first MAX_NEAR_DUPLICATES and one line for the rest.
 */
function nearDuplicates(
  pack: Pack,
  warn: (kind: string, id: string, code: LintCode, message: string, hint: string, ignore: readonly string[] | undefined) => void,
): void {
  const byAnswer = new Map<string, Array<{ id: string; set: Set<string>; ignore?: string[] }>>();
  for (const s of pack.scenarios) {
    const list = byAnswer.get(s.answer) ?? [];
    list.push({ id: s.id, set: tokenSet(s.requirement), ...(s.lintIgnore ? { ignore: s.lintIgnore } : {}) });
    byAnswer.set(s.answer, list);
  }
  let found = 0;
  let firstUnlisted: { id: string; ignore: readonly string[] | undefined } | undefined;
  for (const list of byAnswer.values()) {
    const df = new Map<string, number>();
    for (const x of list) for (const w of x.set) df.set(w, (df.get(w) ?? 0) + 1);
    const recent = new Map<string, number[]>();
    list.forEach((b, j) => {
      const rare = [...b.set].sort((x, y) => df.get(x)! - df.get(y)! || x.localeCompare(y)).slice(0, 3);
      const seen = new Set<number>();
      let match: number | undefined;
      for (const w of rare) {
        const idxs = recent.get(w) ?? [];
        for (let k = idxs.length - 1; k >= 0 && match === undefined; k--) {
          const i = idxs[k]!;
          if (seen.has(i)) continue;
          seen.add(i);
          if (jaccard(list[i]!.set, b.set) >= SIMILAR) match = i;
        }
        idxs.push(j);
        if (idxs.length > WINDOW) idxs.shift();
        recent.set(w, idxs);
      }
      if (match === undefined) return;
      const a = list[match]!;
      if (b.ignore?.includes("NEAR_DUPLICATE_SCENARIO") || a.ignore?.includes("NEAR_DUPLICATE_SCENARIO")) return;
      found++;
      if (found <= MAX_NEAR_DUPLICATES)
        warn(
          "scenario",
          b.id,
          "NEAR_DUPLICATE_SCENARIO",
          `scenario '${b.id}' is nearly the same as '${a.id}' (same answer, ${Math.round(jaccard(a.set, b.set) * 100)}% of words shared)`,
          "merge them, or make each test a different cue",
          b.ignore ?? a.ignore,
        );
      else firstUnlisted ??= { id: b.id, ignore: b.ignore };
    });
  }
  if (found > MAX_NEAR_DUPLICATES && firstUnlisted) {
    warn(
      "scenario",
      firstUnlisted.id,
      "NEAR_DUPLICATE_SCENARIO",
      `… and ${found - MAX_NEAR_DUPLICATES} more near-duplicate scenarios, not listed (from '${firstUnlisted.id}' on)`,
      "merge them, or make each test a different cue",
      firstUnlisted.ignore,
    );
  }
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * Catalog options that are names of the same thing: they share a name or alias. (An item's own
 * `accept` listing one of its options is a loader error; another scenario's `accept` says only that
 * both answer that scenario, not that they are synonyms.)
 */
function synonymPairs(pack: Pack): Map<string, string> {
  const out = new Map<string, string>();
  const byName = new Map<string, Set<string>>();
  for (const o of pack.options.values()) {
    for (const text of [o.name, o.id.replace(/-/g, " "), ...o.aliases]) {
      const n = normWords(text);
      if (!n) continue;
      const set = byName.get(n) ?? new Set<string>();
      set.add(o.id);
      byName.set(n, set);
    }
  }
  for (const [name, ids] of byName) {
    const list = [...ids];
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) if (!out.has(pairKey(list[i]!, list[j]!))) out.set(pairKey(list[i]!, list[j]!), `both are called "${name}"`);
  }
  return out;
}
