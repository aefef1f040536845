// The content folder's authoring face: everything in index.ts, plus the parser and the zod schemas,
// loaded on purpose. For validate, new, schema, the author's tools, tests and benchmarks. Learners'
// commands use index.ts (`loadContentLazily` skips the parser when every file comes from the cache).
import { loadContentWith, type LoadOptions } from "./load-core.js";
import type { BuildResult } from "./pack.js";
import { parseContentBytes } from "./parse-file.js";

export * from "./index.js";
// The zod schemas (values), with the types of the same names that index.ts exports.
export {
  Id,
  Source,
  LintIgnore,
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
  DecisionBranch,
  DecisionStep,
  DecisionTree,
  ActionCategory,
  Action,
  ResourceType,
  NetworkActivitySource,
  SECTION_SCHEMAS,
  ContentFile,
  FILE_KINDS,
} from "./schema.js";
export { parseContentBytes, parseContentText, MAX_FILE_BYTES, MAX_ALIAS_COUNT, MAX_DEPTH, decodeUtf8 } from "./parse-file.js";
export { buildJsonSchemas, schemaFileName } from "./json-schema.js";
export * from "./scaffold.js";

export function loadContent(options: LoadOptions = {}): BuildResult {
  return loadContentWith(parseContentBytes, options);
}
