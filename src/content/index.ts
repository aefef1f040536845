export * from "./schema.js";
export type { Problem, Severity } from "./problem.js";
export { problemToJson, byPosition } from "./problem.js";
export { closest, editDistance } from "./did-you-mean.js";
export { parseContentText, parseContentBytes, MAX_FILE_BYTES, type ParsedFile } from "./parse-file.js";
export { buildPack, errorsOf, originKey, DEFAULT_PASSING_SCORE, type Pack, type PackMeta, type AnswerOption, type OptionKind, type Origin } from "./pack.js";
export { loadContent, shippedContentDir, listContentFiles, readContentFile, type LoadOptions } from "./load.js";
