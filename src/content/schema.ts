// The content model. Every content file is a YAML map whose top-level keys name what it holds
// (`pack`, `services`, `eventTypes`, `scenarios`, `facts`, `decisionTree`, `actions`, …), so an
// instructor may name and arrange files freely. TypeScript types are inferred from these schemas and
// the JSON Schemas in content/schema/ are generated from them (`cloudtrail-tutor schema`).
import { z } from "zod";
import { MIN_DISTRACTORS } from "./limits.js";
import { SECTION_KEYS, SECTIONS, type SectionKey } from "./sections.js";

/** Stable identifier: progress is keyed by it, so it must never change once published. */
export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "ids are lower-case words joined by '-' (e.g. data-events)")
  .max(80)
  .describe("Stable id: lower-case, digits and '-'. Progress is keyed by it; never rename a published id.");

const Text = z.string().min(1, "must not be empty");
const TextList = z.array(Text);

/** Where a fact comes from: a section of the study card, or an AWS page a learner can open. */
export const Source = Text.describe(
  "Where this is documented, as a learner can open it: 'seed: <study-card section>' or '<AWS page title> (<https://docs.aws.amazon.com/... URL>)'; several joined with '; '.",
);

/** Lint codes an author may silence on one item (see content/README.md). */
export const LintIgnore = z
  .array(z.string().regex(/^[A-Z][A-Z0-9_]*$/))
  .optional()
  .describe("Lint warning codes to silence for this item, e.g. [DISTRACTOR_REPEATS_EXPLANATION].");

// ---------------------------------------------------------------- pack.yaml
export const Domain = z.strictObject({
  id: Id,
  name: Text,
  weight: z.number().min(0).max(1).optional().describe("Share of the exam (0–1) used by the readiness view."),
  summary: Text.optional(),
  source: Source.optional(),
  lintIgnore: LintIgnore,
});

export const Topic = z.strictObject({
  id: Id,
  name: Text,
  summary: Text.optional(),
});

export const PackInfo = z.strictObject({
  id: Id,
  title: Text,
  version: z.union([z.string(), z.number()]).optional(),
  requires: z.string().optional().describe('The tutor versions this pack needs, e.g. ">=0.1.0" (checked by `pack add`).'),
  description: Text.optional(),
  passingScore: z.number().gt(0).max(1).optional().describe("Exam passing mark as a fraction (default 0.75)."),
  domains: z.array(Domain).default([]),
  topics: z.array(Topic).default([]),
  mustMemorize: TextList.optional().describe("The study card's must-memorize list, shown in the study browser."),
});

// ---------------------------------------------------------------- services.yaml / event-types.yaml
export const Service = z.strictObject({
  id: Id,
  name: Text,
  aliases: TextList.default([]).describe("Other names a learner may type (typed answers and search)."),
  summary: Text,
  does: TextList.min(1),
  doesNot: TextList.min(1),
  source: Source,
  lintIgnore: LintIgnore,
});

export const EventCategory = z.enum(["Management", "Data", "NetworkActivity", "Insight"]);

export const EventType = z.strictObject({
  id: Id,
  name: Text,
  category: EventCategory,
  aliases: TextList.default([]),
  what: Text,
  defaultState: z.enum(["on", "opt-in"]),
  defaultNote: Text,
  examples: TextList.min(1),
  cost: Text,
  inEventHistory: z.boolean(),
  notes: TextList.default([]),
  source: Source,
  lintIgnore: LintIgnore,
});

// ---------------------------------------------------------------- scenarios
/**
 * What a scenario asks for. `service` and `event-type` items name catalog entries (services.yaml,
 * event-types.yaml) and can be typed; `configuration`, `statement` and `yes-no` items offer
 * authored text, each option a local id with a `label`.
 */
export const AnswerKind = z.enum(["service", "event-type", "configuration", "statement", "yes-no"]);
export const CATALOG_KINDS = ["service", "event-type"] as const satisfies ReadonlyArray<z.infer<typeof AnswerKind>>;

const OptionRef = Id.describe(
  "service/event-type items: an id from services.yaml / event-types.yaml; configuration/statement/yes-no items: a local option id, unique within the item",
);
const OptionLabel = Text.describe(
  "How the option reads among the choices. Required for configuration/statement/yes-no items; for service/event-type items give one to every option of the item or to none.",
);

export const Distractor = z.strictObject({
  option: OptionRef,
  label: OptionLabel.optional(),
  why: Text.describe("TRUE, specific reason this option fails THIS requirement."),
  misconceptions: z
    .array(Text)
    .min(1)
    .max(3)
    .optional()
    .describe(
      "1-3 FALSE reasons a learner might believe for why this option fails (foils of the 'why does your pick fail?' step). Each must be false about this option and name no other service or action.",
    ),
});

export const MoreAnswer = z.strictObject({
  option: OptionRef,
  label: OptionLabel.optional(),
  why: Text.describe("Why this option is ALSO right, specific to this scenario."),
});

export const Scenario = z.strictObject({
  id: Id,
  domain: Id.describe("an exam domain id from pack.yaml"),
  topic: Id.optional().describe("a topic id from pack.yaml"),
  situation: Text.optional().describe("1-3 sentences of context shown before the requirement (exam style)."),
  requirement: Text.describe("The question itself."),
  keywords: TextList.min(1).describe("Words highlighted in the TUI; never printed before answering in plain mode."),
  answerKind: AnswerKind.describe("What kind of answer the requirement wants; every option of the item is of this kind."),
  answer: OptionRef,
  answerLabel: Text.optional().describe("How the answer reads. Required for configuration/statement/yes-no items."),
  moreAnswers: z.array(MoreAnswer).max(2).optional().describe('"Choose two/three" items: the other correct options (same id rules as answer).'),
  accept: z.array(Id).default([]).describe("service/event-type items: other catalog ids also accepted as a typed answer."),
  // The count is checked by the pack builder (TOO_FEW_DISTRACTORS), not here: editors get it as minItems.
  distractors: z
    .array(Distractor)
    .meta({ minItems: MIN_DISTRACTORS })
    .describe(`At least ${MIN_DISTRACTORS} (three is the house style), each written for this scenario.`),
  explanation: Text.describe("Why the answer is right."),
  source: Source,
  lintIgnore: LintIgnore,
});

// ---------------------------------------------------------------- facts
export const FactKind = z.enum(["must-memorize", "must-understand", "exam-trap", "cost-mistake", "cost-optimization", "limit", "fact"]);

const About = z
  .array(Id)
  .min(1)
  .optional()
  .describe(
    "Ids of the services or event types this is about. A false claim about an option is a foil of the 'why does your pick fail?' step when a learner picks that option.",
  );

export const Claim = z.strictObject({
  text: Text.describe("A statement the learner judges true or false."),
  isTrue: z.boolean(),
  why: Text.optional(),
  about: About,
});

export const Fact = z.strictObject({
  id: Id,
  kind: FactKind,
  domain: Id.optional(),
  topic: Id.optional(),
  front: Text.describe("The question side of the flashcard."),
  back: Text.describe("The answer side."),
  claims: z.array(Claim).default([]).describe("True/false statements generated as quiz items."),
  about: About.describe("Ids of the services or event types every claim of this fact is about (a claim's own `about` wins)."),
  source: Source.optional(),
  lintIgnore: LintIgnore,
});

// ---------------------------------------------------------------- decision-tree.yaml
export const DecisionBranch = z.strictObject({
  label: Text,
  text: Text.optional(),
  option: Id.optional().describe("a service or event type this branch leads to"),
});

export const DecisionStep = z.strictObject({
  id: Id,
  label: Text,
  text: Text,
  branches: z.array(DecisionBranch).default([]),
});

export const DecisionTree = z.strictObject({
  id: Id,
  title: Text,
  steps: z.array(DecisionStep).min(1),
  source: Source,
});

// ---------------------------------------------------------------- simulator/actions.yaml
export const ActionCategory = z.enum(["Management", "Data"]);

export const Action = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9-]+:[A-Za-z0-9_]+$/, "action ids are PREFIX:EventName, e.g. s3:GetObject")
    .describe("PREFIX:EventName, e.g. s3:GetObject"),
  eventSource: z.string().regex(/^[a-z0-9.-]+\.amazonaws\.com$/, "an eventSource looks like s3.amazonaws.com"),
  // Underscores: Managed Blockchain records Ethereum JSON-RPC calls under their method names (web3_clientVersion).
  eventName: z.string().regex(/^[A-Za-z0-9_]+$/),
  category: ActionCategory.describe("Category of the service-side event (network activity is decided by the call's path)."),
  readOnly: z.boolean(),
  resourceType: z.string().optional().describe("For data events: the resources.type, e.g. AWS::S3::Object"),
  eventType: z.enum(["AwsApiCall", "AwsServiceEvent", "AwsConsoleAction", "AwsConsoleSignIn"]).default("AwsApiCall"),
  global: z.boolean().default(false).describe("A global service event, recorded in us-east-1 (IAM, STS global endpoint, CloudFront…)."),
  description: Text.optional(),
  source: Source,
  lintIgnore: LintIgnore,
});

export const ResourceType = z.strictObject({
  type: z.string().regex(/^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/),
  eventSource: z
    .string()
    .regex(/^[a-z0-9.-]+\.amazonaws\.com$/)
    .optional()
    .describe("The eventSource of this type's data events; left out where no AWS page we found states it (the type is still accepted in selectors)"),
  basicSelectors: z.boolean().default(false).describe("Reachable through basic EventSelectors DataResources"),
  arnPrefix: z.string().optional().describe("ARN prefix of resources of this type"),
  source: Source,
});

export const NetworkActivitySource = z.strictObject({
  eventSource: z.string().regex(/^[a-z0-9.-]+\.amazonaws\.com$/),
  original: z.boolean().default(false).describe("One of the five sources at GA (February 2025)"),
  source: Source,
});

// ---------------------------------------------------------------- a content file
/** The schema of one item of each section (the sections themselves are listed in sections.ts). */
export const SECTION_SCHEMAS = {
  pack: PackInfo,
  services: Service,
  eventTypes: EventType,
  scenarios: Scenario,
  facts: Fact,
  decisionTree: DecisionTree,
  actions: Action,
  resourceTypes: ResourceType,
  networkActivitySources: NetworkActivitySource,
} as const satisfies Record<SectionKey, z.ZodType>;

type SectionValue<K extends SectionKey> = (typeof SECTIONS)[K]["many"] extends true ? z.ZodArray<(typeof SECTION_SCHEMAS)[K]> : (typeof SECTION_SCHEMAS)[K];

function sectionValue<K extends SectionKey>(key: K): SectionValue<K> {
  return (SECTIONS[key].many ? z.array(SECTION_SCHEMAS[key]) : SECTION_SCHEMAS[key]) as SectionValue<K>;
}

function fileSchema(keys: readonly SectionKey[], optional: (key: SectionKey) => boolean): z.ZodType {
  return z.strictObject(Object.fromEntries(keys.map((k) => [k, optional(k) ? sectionValue(k).optional() : sectionValue(k)])));
}

/** Any mix of sections in one file. */
export const ContentFile = fileSchema(SECTION_KEYS, () => true) as z.ZodObject<{ [K in SectionKey]: z.ZodOptional<SectionValue<K>> }, z.core.$strict>;

type KindOf<K extends SectionKey> = (typeof SECTIONS)[K]["kind"];
/** The kinds of content file, each with its own JSON Schema for editors: one per section (with its
 *  companions, e.g. an actions file's resourceTypes), and `content` for any mix. */
export const FILE_KINDS = {
  ...(Object.fromEntries(
    [...new Set(SECTION_KEYS.map((k) => SECTIONS[k].kind))].map((kind) => [
      kind,
      fileSchema(
        SECTION_KEYS.filter((k) => SECTIONS[k].kind === kind),
        (k) => "companion" in SECTIONS[k],
      ),
    ]),
  ) as Record<KindOf<SectionKey>, z.ZodType>),
  content: ContentFile,
};
export type FileKind = keyof typeof FILE_KINDS;

export type Domain = z.infer<typeof Domain>;
export type Topic = z.infer<typeof Topic>;
export type PackInfo = z.infer<typeof PackInfo>;
export type Service = z.infer<typeof Service>;
export type EventCategory = z.infer<typeof EventCategory>;
export type EventType = z.infer<typeof EventType>;
export type AnswerKind = z.infer<typeof AnswerKind>;
export type Distractor = z.infer<typeof Distractor>;
export type MoreAnswer = z.infer<typeof MoreAnswer>;
export type Scenario = z.infer<typeof Scenario>;
export type FactKind = z.infer<typeof FactKind>;
export type Claim = z.infer<typeof Claim>;
export type Fact = z.infer<typeof Fact>;
export type DecisionTree = z.infer<typeof DecisionTree>;
export type DecisionStep = z.infer<typeof DecisionStep>;
export type Action = z.infer<typeof Action>;
export type ActionCategory = z.infer<typeof ActionCategory>;
export type ResourceType = z.infer<typeof ResourceType>;
export type NetworkActivitySource = z.infer<typeof NetworkActivitySource>;
export type ContentFile = z.infer<typeof ContentFile>;
