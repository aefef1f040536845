// What every command receives: its own arguments, the global options, and the process's streams.
// Commands write through `out`/`err` (never console.*) so tests can capture them.
import type { Readable, Writable } from "node:stream";

export interface GlobalOptions {
  /** Extra content directories (`--content`, repeatable). */
  content: string[];
  /** Installed packs to study (`--pack ID`, repeatable); empty means the remembered choice. */
  packs?: string[];
  dataDir?: string;
  plain: boolean;
  color: boolean;
  /** FORCE_COLOR: colour even when the output is not a terminal. */
  forceColor?: boolean;
  screenReader: boolean;
  debug: boolean;
}

export interface CommandContext {
  /** Arguments after the subcommand name (global flags already removed). */
  args: string[];
  globals: GlobalOptions;
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean; columns?: number; rows?: number };
  stderr: Writable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Interactive (Ink) only with a real terminal on both ends and no --plain. */
export function isInteractive(ctx: CommandContext): boolean {
  return !ctx.globals.plain && Boolean(ctx.stdin.isTTY) && Boolean(ctx.stdout.isTTY) && ctx.env.TERM !== "dumb";
}

export function writeLine(stream: Writable, line = ""): void {
  stream.write(line + "\n");
}

export function writeJson(stream: Writable, value: unknown): void {
  stream.write(JSON.stringify(value, null, 2) + "\n");
}
