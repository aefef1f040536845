// Entry point: split global flags from the subcommand's own, dispatch, and turn every failure
// into one clear line and an exit code (a stack trace only under --debug).
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { closest } from "./content/did-you-mean.js";
import { COMMANDS } from "./commands/registry.js";
import type { CommandContext, GlobalOptions } from "./shell/context.js";
import { EXIT_FAILED, EXIT_USAGE, UsageError, UserError } from "./shell/errors.js";
import { endQuietlyOnClosedPipe } from "./shell/pipes.js";
import { visible } from "./shell/sanitize.js";
import { StoreError } from "./store/errors.js";

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === "string" ? __VERSION__ : "0.1.0";

const GLOBAL_VALUE_FLAGS = new Set(["--content", "--data-dir"]);
const GLOBAL_BOOL_FLAGS = new Set(["--plain", "--no-color", "--screen-reader", "--debug"]);

export interface SplitArgs {
  command: string | undefined;
  rest: string[];
  globals: GlobalOptions;
}

/** Pull the global flags out of argv wherever they stand; the first bare word is the command. */
export function splitArgs(argv: readonly string[], env: NodeJS.ProcessEnv): SplitArgs {
  const globals: GlobalOptions = {
    content: [],
    plain: false,
    color: !("NO_COLOR" in env && env.NO_COLOR !== "") && env.TERM !== "dumb",
    screenReader: env.INK_SCREEN_READER === "true",
    debug: false,
  };
  if (env.CLOUDTRAIL_TUTOR_DATA) globals.dataDir = env.CLOUDTRAIL_TUTOR_DATA;
  let command: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      rest.push(...argv.slice(i));
      break;
    }
    const [flag, inline] = a.startsWith("--") && a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    if (GLOBAL_VALUE_FLAGS.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith("--"))) throw new UsageError(`${flag} needs a value`, `write ${flag} DIR`);
      if (flag === "--content") globals.content.push(value);
      else globals.dataDir = value;
      continue;
    }
    if (GLOBAL_BOOL_FLAGS.has(a)) {
      if (a === "--plain") globals.plain = true;
      else if (a === "--no-color") globals.color = false;
      else if (a === "--screen-reader") globals.screenReader = true;
      else globals.debug = true;
      continue;
    }
    if (command === undefined && !a.startsWith("-")) command = a;
    else rest.push(a);
  }
  return { command, rest, globals };
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
    "Global flags: --content DIR (repeatable)  --data-dir DIR  --plain  --no-color  --screen-reader  --debug",
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
    const { command, rest, globals } = splitArgs(argv, io.env);
    debug = globals.debug;
    if (!globals.color) io.env.FORCE_COLOR = "0";
    if (command === undefined && (rest.includes("--help") || rest.includes("-h"))) {
      io.stdout.write((await mainHelp()) + "\n");
      return 0;
    }
    const name = command ?? "home";
    const load = COMMANDS[name];
    if (!load) {
      const guess = closest(name, Object.keys(COMMANDS));
      throw new UsageError(`unknown command '${name}'`, guess.length ? `did you mean '${guess[0]}'?` : "run 'cloudtrail-tutor --help' for the list of commands");
    }
    const cmd = await load();
    if (rest.includes("--help") || rest.includes("-h")) {
      io.stdout.write(cmd.usage.trimEnd() + "\n");
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
