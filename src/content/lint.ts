// Warnings an author wants before learners see the content (never errors: the pack still loads).
// Each has a code and can be silenced on one item with `lintIgnore: [CODE]`. Pure; positions come
// from the pack's origins.
import type { Origin, Pack } from "./pack.js";
import { originKey } from "./pack.js";
import type { Problem } from "./problem.js";
import { answerChoiceLabel } from "./labels.js";
import { dirname } from "node:path";
import { within } from "./pack.js";

export const LINT_CODES = {
  DISTRACTOR_REPEATS_EXPLANATION: "a distractor's reason repeats the explanation word for word",
  NEAR_DUPLICATE_SCENARIO: "two scenarios with a similar requirement and the same answer",
  ANSWER_LENGTH_GIVEAWAY: "the answer's wording is much longer than every distractor's, which gives it away",
  FACT_WITHOUT_SOURCE: "a fact with no source",
  THIN_DOMAIN: "a domain with fewer than 3 scenarios",
  UNUSED_OPTION: "an event type or service never used as an answer",
} as const;
export type LintCode = keyof typeof LINT_CODES;

const MIN_PER_DOMAIN = 3;
const SIMILAR = 0.75;
const words = (s: string) => s.toLowerCase().replace(/[^a-z0-9 ]+/g, " ").replace(/\s+/g, " ").trim();
const tokenSet = (s: string) => new Set(words(s).split(" ").filter((w) => w.length > 2));

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
    out.push({ file: o?.file ?? "pack.yaml", line: o?.line ?? 0, col: o?.col ?? 0, code, message, hint: `${hint} (silence with lintIgnore: [${code}])`, severity: "warning" });
  };

  for (const s of pack.scenarios) {
    const expl = words(s.explanation);
    for (const d of s.distractors) {
      const why = words(d.why);
      if (why.length >= 20 && (expl.includes(why) || why.includes(expl))) {
        warn("scenario", s.id, "DISTRACTOR_REPEATS_EXPLANATION", `scenario '${s.id}': the reason for '${d.option}' repeats the explanation`, "say why this option fails the requirement, in its own words", s.lintIgnore);
      }
    }
    const answer = answerChoiceLabel(pack, s);
    const longest = Math.max(...s.distractors.map((d) => (d.label ?? pack.options.get(d.option)?.name ?? d.option).length));
    if (answer.length >= 30 && answer.length > 1.8 * longest) {
      warn("scenario", s.id, "ANSWER_LENGTH_GIVEAWAY", `scenario '${s.id}': the answer reads ${answer.length} characters, the longest distractor ${longest}`, "give the distractors labels as specific as the answer, or shorten answerLabel", s.lintIgnore);
    }
  }

  // Near duplicates: compare only scenarios with the same answer that share a rare word.
  const byAnswer = new Map<string, Array<{ id: string; set: Set<string>; ignore?: string[] }>>();
  for (const s of pack.scenarios) {
    const list = byAnswer.get(s.answer) ?? [];
    list.push({ id: s.id, set: tokenSet(s.requirement), ...(s.lintIgnore ? { ignore: s.lintIgnore } : {}) });
    byAnswer.set(s.answer, list);
  }
  for (const list of byAnswer.values()) {
    const df = new Map<string, number>();
    for (const x of list) for (const w of x.set) df.set(w, (df.get(w) ?? 0) + 1);
    const buckets = new Map<string, number[]>();
    list.forEach((x, i) => {
      const rare = [...x.set].sort((a, b) => df.get(a)! - df.get(b)! || a.localeCompare(b)).slice(0, 3);
      for (const w of rare) buckets.set(w, [...(buckets.get(w) ?? []), i]);
    });
    const reported = new Set<string>();
    for (const idxs of buckets.values()) {
      for (let i = 0; i < idxs.length; i++) {
        for (let j = i + 1; j < idxs.length; j++) {
          const a = list[idxs[i]!]!;
          const b = list[idxs[j]!]!;
          const key = [a.id, b.id].sort().join("|");
          if (reported.has(key) || jaccard(a.set, b.set) < SIMILAR) continue;
          reported.add(key);
          warn("scenario", b.id, "NEAR_DUPLICATE_SCENARIO", `scenario '${b.id}' is nearly the same as '${a.id}' (same answer, ${Math.round(jaccard(a.set, b.set) * 100)}% of words shared)`, "merge them, or make each test a different cue", b.ignore ?? a.ignore);
        }
      }
    }
  }

  for (const f of pack.facts) if (!f.source) warn("fact", f.id, "FACT_WITHOUT_SOURCE", `fact '${f.id}' has no source`, "add source: 'seed: <card section>' or '<AWS page title> (<https URL>)' so learners can check it", f.lintIgnore);

  // Each pack's domains, counted in that pack's own scenarios (those under its pack.yaml's folder)
  // and reported on its own pack.yaml: one pack's thin domain is never blamed on another.
  for (const part of pack.parts) {
    const root = dirname(part.file);
    for (const d of part.info.domains) {
      if (d.lintIgnore?.includes("THIN_DOMAIN")) continue;
      const n = pack.scenarios.filter((s) => s.domain === d.id && within(root, pack.origins.get(originKey("scenario", s.id))?.file ?? "")).length;
      if (n < MIN_PER_DOMAIN) {
        out.push({ file: part.file, line: 0, col: 0, code: "THIN_DOMAIN", message: `domain '${d.id}' of pack '${part.info.id}' has ${n} scenario(s)`, hint: `write at least ${MIN_PER_DOMAIN} so its readiness bar means something (silence with lintIgnore: [THIN_DOMAIN])`, severity: "warning" });
      }
    }
  }

  const answers = new Set(pack.scenarios.flatMap((s) => [s.answer, ...s.accept]));
  for (const e of pack.eventTypes) if (!answers.has(e.id)) warn("event-type", e.id, "UNUSED_OPTION", `event type '${e.id}' is never an answer`, "write a scenario it answers, or it is only ever a distractor", e.lintIgnore);
  for (const s of pack.services) if (!answers.has(s.id)) warn("service", s.id, "UNUSED_OPTION", `service '${s.id}' is never an answer`, "write a scenario it answers, or it is only ever a distractor", s.lintIgnore);
  return out;
}
