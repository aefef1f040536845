// The sections a content file may hold: the one list that the file schema, the JSON Schemas, the
// parser, the cache and the pack builder derive from. No runtime imports (the learner's warm start
// reads it without loading YAML or zod); the zod schema of each section is `SECTION_SCHEMAS` in
// schema.ts, which the compiler keeps in step with this table.
import type { z } from "zod";
import type { SECTION_SCHEMAS } from "./schema.js";

export interface SectionSpec {
  /** A list of items (`- …` under the key) or one map. */
  readonly many: boolean;
  /** The field of a parsed file and of the pack that holds this section's items (always a list). */
  readonly field: string;
  /** The file kind (JSON Schema) the section belongs to; `companion`: optional in that kind. */
  readonly kind: string;
  readonly companion?: true;
  /** Item fields whose positions pack-level checks report. */
  readonly refs: readonly string[];
  /** Items with ids: their origin kind (`kind:id` keys) and the namespace ids must be unique in. */
  readonly unique?: { readonly origin: string; readonly ns: string };
}

export const SECTIONS = {
  pack: { many: false, field: "packs", kind: "pack", refs: [] },
  services: { many: true, field: "services", kind: "services", refs: ["id", "aliases"], unique: { origin: "service", ns: "option" } },
  eventTypes: { many: true, field: "eventTypes", kind: "event-types", refs: ["id", "aliases"], unique: { origin: "event-type", ns: "option" } },
  scenarios: {
    many: true,
    field: "scenarios",
    kind: "scenarios",
    refs: ["id", "domain", "topic", "answerKind", "answer", "moreAnswers", "accept", "distractors"],
    unique: { origin: "scenario", ns: "scenario" },
  },
  facts: { many: true, field: "facts", kind: "facts", refs: ["id", "domain", "topic", "about", "claims"], unique: { origin: "fact", ns: "fact" } },
  decisionTree: { many: false, field: "decisionTrees", kind: "decision-tree", refs: [] },
  actions: { many: true, field: "actions", kind: "actions", refs: ["id", "resourceType", "eventSource"], unique: { origin: "action", ns: "action" } },
  resourceTypes: { many: true, field: "resourceTypes", kind: "actions", companion: true, refs: ["type"] },
  networkActivitySources: { many: true, field: "networkActivitySources", kind: "actions", companion: true, refs: ["eventSource"] },
} as const satisfies Record<string, SectionSpec>;

export type SectionKey = keyof typeof SECTIONS;
export const SECTION_KEYS = Object.keys(SECTIONS) as SectionKey[];

type Spec<K extends SectionKey> = (typeof SECTIONS)[K];
/** The validated item of a section. */
export type SectionItem<K extends SectionKey> = z.output<(typeof SECTION_SCHEMAS)[K]>;
export type SectionField = Spec<SectionKey>["field"];
/** Section key of a data field (`decisionTrees` → `decisionTree`). */
type KeyOfField<F extends SectionField> = { [K in SectionKey]: Spec<K>["field"] extends F ? K : never }[SectionKey];

/** The items of every section, by field: what one parsed file holds, and (merged) a pack. */
export type SectionData = { [F in SectionField]: Array<SectionItem<KeyOfField<F>>> };

export function emptyData(): SectionData {
  return Object.fromEntries(SECTION_KEYS.map((k) => [SECTIONS[k].field, []])) as unknown as SectionData;
}

/** `scenarios.3`, `pack.0`: the key of where an item starts in a parsed file's positions. */
export const ITEM_START = /^[a-zA-Z]+\.\d+$/;

/**
 * A pack description's file name. Its parse depends on it (a pack.yaml that cannot be read still
 * declares a pack), so the parsed-content cache keys a file by its bytes and this.
 */
export const PACK_FILE = /(^|[\\/])pack\.ya?ml$/i;
