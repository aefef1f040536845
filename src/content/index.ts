// The content folder's public face for the learner's commands and the engines. It never loads the
// parser (YAML + zod): `loadContentLazily` imports it only when a file misses the cache. Authoring
// tools that parse on purpose (validate, new, schema) and tests use load.ts, which adds the parser and
// the zod schemas to all of this.
export type {
  FileKind,
  Domain,
  Topic,
  PackInfo,
  Service,
  EventCategory,
  EventType,
  Distractor,
  Scenario,
  FactKind,
  Claim,
  Fact,
  DecisionTree,
  DecisionStep,
  Action,
  ActionCategory,
  ResourceType,
  NetworkActivitySource,
  ContentFile,
} from "./schema.js";
export * from "./sections.js";
export * from "./problem.js";
export { closest, editDistance } from "./did-you-mean.js";
export type { ParsedFile, Located } from "./parse-file.js";
export {
  buildPack,
  errorsOf,
  originKey,
  DEFAULT_PASSING_SCORE,
  type Pack,
  type PackMeta,
  type AnswerOption,
  type OptionKind,
  type Origin,
  type BuildResult,
} from "./pack.js";
export { loadContentLazily, shippedContentDir, listContentFiles, readContentFile, type LoadOptions, type Parser } from "./load-core.js";
export { DirParseCache, cacheKey, CODE_HASH, type ParseCache, type CachedFile } from "./cache.js";
export * from "./format.js";
export * from "./labels.js";
export * from "./lint.js";
export * from "./validate.js";
