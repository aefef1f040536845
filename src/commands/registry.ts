// Subcommands by name, loaded lazily so `--version` or `validate` never pay for Ink, SQLite or the
// simulator. Adding a command: one line here and a module in src/commands/ exporting `command`.
import type { Command } from "./types.js";

export const COMMANDS: Record<string, () => Promise<Command>> = {
  home: async () => (await import("./home.js")).command,
  validate: async () => (await import("./validate.js")).command,
  quiz: async () => (await import("./quiz.js")).command,
  exam: async () => (await import("./exam.js")).command,
  drill: async () => (await import("./drill.js")).command,
  stats: async () => (await import("./stats.js")).command,
  export: async () => (await import("./export.js")).command,
  import: async () => (await import("./export.js")).importCommand,
  search: async () => (await import("./search.js")).command,
  simulate: async () => (await import("./simulate.js")).command,
  explain: async () => (await import("./explain.js")).command,
  new: async () => (await import("./new.js")).command,
  schema: async () => (await import("./schema.js")).command,
  review: async () => (await import("./review.js")).command,
};
