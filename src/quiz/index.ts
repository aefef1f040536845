export * from "./types.js";
export * from "./rng.js";
export * from "./build.js";
export * from "./grade.js";
export * from "./session.js";
export * from "./why.js";
export * from "./review.js";
export * from "./flow.js";
