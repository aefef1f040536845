// The progress store's public face. The SQLite implementation (sqlite.ts) is not here: it loads a
// native module, so commands import it lazily (`await import("../store/sqlite.js")`) when they need it.
export * from "./deferred.js";
export * from "./errors.js";
export * from "./paths.js";
export * from "./port.js";
