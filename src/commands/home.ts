// The default command: the interactive home screen. Without a terminal, say what works instead.
import { parseFlags } from "../shell/args.js";
import { isInteractive, writeLine } from "../shell/context.js";
import { launchTui, preloadTui } from "./interactive.js";
import { loadForLearner } from "./learner-pack.js";
import type { Command } from "./types.js";

export const command: Command = {
  summary: "open the interactive tutor (the default command)",
  usage: `Usage: cloudtrail-tutor [home]

Opens the home screen: Study, Quiz, Exam, Drill, Simulate, Search, Stats, Help.
Needs an interactive terminal; in scripts use 'quiz --plain', 'exam --plain' or the other commands.`,
  async run(ctx) {
    parseFlags({}, ctx.args, "home");
    if (!isInteractive(ctx)) {
      writeLine(ctx.stderr, "cloudtrail-tutor: the home screen needs an interactive terminal (stdin and stdout must be a TTY).");
      writeLine(ctx.stderr, "  try 'cloudtrail-tutor quiz --plain' or 'cloudtrail-tutor exam --plain' (answers read line by line),");
      writeLine(ctx.stderr, "  or 'cloudtrail-tutor --help' for every command.");
      return 2;
    }
    const ui = preloadTui(); // read Ink and React from disk while the content loads
    const pack = await loadForLearner(ctx);
    await ui;
    return launchTui(ctx, pack, "home");
  },
};
