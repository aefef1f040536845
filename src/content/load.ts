// Loading content synchronously with the parser at hand: for validate, the author's tools, tests
// and benchmarks. Learners' commands use `loadContentLazily` (load-core.ts), which skips the parser
// when every file comes from the cache.
import { loadContentWith, type LoadOptions } from "./load-core.js";
import type { BuildResult } from "./pack.js";
import { parseContentBytes } from "./parse-file.js";

export { listContentFiles, loadContentLazily, readContentFile, shippedContentDir, type LoadOptions, type Parser } from "./load-core.js";

export function loadContent(options: LoadOptions = {}): BuildResult {
  return loadContentWith(parseContentBytes, options);
}
