// The content loader alone, bundled with the screens' bundle (bench/shipped.ts): the warm-load
// figure times it in a fresh process that has imported nothing else, as the previous figures did.
export { loadContentLazily } from "../src/content/load-core.js";
export { DirParseCache } from "../src/content/cache.js";
