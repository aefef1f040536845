// The default command: the interactive home screen. Without a terminal, say what works instead.
import { loadContent } from "../content/load.js";
import { errorsOf } from "../content/pack.js";
import { parseFlags } from "../shell/args.js";
import { isInteractive, writeLine } from "../shell/context.js";
import { launchTui } from "./interactive.js";
import type { Command } from "./types.js";
import { warnAboutProblems } from "./content-warning.js";

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
    const { pack, problems } = loadContent({ paths: ctx.globals.content, cwd: ctx.cwd });
    warnAboutProblems(ctx, errorsOf(problems));
    return launchTui(ctx, pack, "home");
  },
};
