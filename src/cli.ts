// Entry point: split global flags from the subcommand's own (one parseArgs spec, shell/args.ts), dispatch, and turn every failure
// into one clear line and an exit code (a stack trace only under --debug).
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { closest } from "./content/did-you-mean.js";
import { COMMANDS } from "./commands/registry.js";
import type { CommandContext, GlobalOptions } from "./shell/context.js";
import { flagUsage, GLOBAL_FLAGS, splitGlobals } from "./shell/args.js";
import { EXIT_FAILED, EXIT_USAGE, UsageError, UserError } from "./shell/errors.js";
import { colorChoice } from "./shell/paint.js";
import { endQuietlyOnClosedPipe } from "./shell/pipes.js";
import { visible } from "./shell/sanitize.js";
import { StoreError } from "./store/errors.js";

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === "string" ? __VERSION__ : "0.1.0";

export interface SplitArgs {
  command: string | undefined;
  rest: string[];
  globals: GlobalOptions;
  help: boolean;
}

/** The global flags (GLOBAL_FLAGS, wherever they stand) and the environment; the first bare word is the command. */
export function splitArgs(argv: readonly string[], env: NodeJS.ProcessEnv): SplitArgs {
  const { values, command, rest } = splitGlobals(argv);
  const color = colorChoice(env, values["no-color"] === true);
  const dataDir = values["data-dir"] ?? (env.CLOUDTRAIL_TUTOR_DATA || undefined);
  const globals: GlobalOptions = {
    content: values.content ?? [],
    ...(values.pack?.length ? { packs: values.pack } : {}),
    plain: values.plain === true,
    color: color !== "never",
    ...(color === "always" ? { forceColor: true } : {}),
    screenReader: values["screen-reader"] === true || env.INK_SCREEN_READER === "true",
    debug: values.debug === true,
    ...(dataDir ? { dataDir } : {}),
  };
  return { command, rest, globals, help: values.help === true };
}

async function mainHelp(): Promise<string> {
  // Help is not on the start-up path: load every command for its one-line summary.
  const names = Object.keys(COMMANDS);
  const summaries = await Promise.all(names.map(async (n) => (await COMMANDS[n]!()).summary));
  const width = Math.max(...names.map((n) => n.length));
  return [
    "cloudtrail-tutor — learn AWS CloudTrail for security exams, in the terminal",
    "",
    "Usage: cloudtrail-tutor [COMMAND] [FLAGS]",
    "",
    "With no command, opens the tutor's home screen.",
    "",
    "Commands:",
    ...names.map((c, i) => `  ${c.padEnd(width)}  ${summaries[i]}`),
    "",
    "Global flags (before or after the command):",
    ...flagUsage(GLOBAL_FLAGS),
    "",
    "Run 'cloudtrail-tutor COMMAND --help' for a command's flags.",
  ].join("\n");
}

export async function main(argv: readonly string[], io: Omit<CommandContext, "args" | "globals">): Promise<number> {
  let debug = argv.includes("--debug");
  try {
    if (argv[0] === "--version" || argv[0] === "-v") {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    const { command, rest, globals, help } = splitArgs(argv, io.env);
    debug = globals.debug;
    if (!globals.color) io.env.FORCE_COLOR = "0";
    if (command === undefined && help) {
      io.stdout.write((await mainHelp()) + "\n");
      return 0;
    }
    const name = command ?? "home";
    const load = COMMANDS[name];
    if (!load) {
      const guess = closest(name, Object.keys(COMMANDS));
      throw new UsageError(
        `unknown command '${name}'`,
        guess.length ? `did you mean '${guess[0]}'?` : "run 'cloudtrail-tutor --help' for the list of commands",
      );
    }
    const cmd = await load();
    if (help) {
      io.stdout.write(`${cmd.usage.trimEnd()}\n\nGlobal flags:\n${flagUsage(GLOBAL_FLAGS).join("\n")}\n`);
      return 0;
    }
    return await cmd.run({ ...io, args: rest, globals });
  } catch (err) {
    // A store that fails mid-command (full disk, lock timeout, damaged pages) speaks for itself.
    if (err instanceof StoreError) {
      io.stderr.write(`cloudtrail-tutor: ${visible(err.message)}\n  ${err.hint}\n`);
      if (debug && err.stack) io.stderr.write(err.stack + "\n");
      return EXIT_FAILED;
    }
    if (err instanceof UsageError || err instanceof UserError) {
      // Messages quote file names and snippets of the user's files: shown, never obeyed.
      io.stderr.write(`cloudtrail-tutor: ${visible(err.message)}\n`);
      if (err.hint) io.stderr.write(`  ${visible(err.hint)}\n`);
      if (debug && err.stack) io.stderr.write(err.stack + "\n");
      return err instanceof UsageError ? EXIT_USAGE : err.exitCode;
    }
    const e = err as Error;
    io.stderr.write(`cloudtrail-tutor: unexpected error: ${visible(e?.message ?? String(err))}\n`);
    io.stderr.write(debug ? `${e?.stack ?? ""}\n` : "  run again with --debug to see the details, and please report it\n");
    return EXIT_FAILED;
  }
}

/** True when this module is the program being run (also through npm's bin symlink), not an import. */
function isEntryPoint(): boolean {
  const invokedAs = process.argv[1];
  if (!invokedAs) return false;
  try {
    return realpathSync(invokedAs) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  endQuietlyOnClosedPipe([process.stdout, process.stderr]);
  main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`cloudtrail-tutor: ${String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
