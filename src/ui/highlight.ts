// The text helpers live in src/present/highlight.ts (pure, shared with plain mode); screens may
// import them from here.
export * from "../present/highlight.js";
