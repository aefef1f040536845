// What every command receives: its own arguments, the global options, and the process's streams.
// Commands write through `out`/`err` (never console.*) so tests can capture them.
import type { Readable, Writable } from "node:stream";
import { UsageError } from "./errors.js";

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

// ------------------------------------------------------------------ clock
/** Environment variable that sets the clock for a whole run (tests, demos): an ISO 8601 time. */
export const NOW_ENV = "CLOUDTRAIL_TUTOR_NOW";
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?$/;

/**
 * The one place the shell reads the time. Real time, unless `--now TIME` (drill, stats, export) or
 * CLOUDTRAIL_TUTOR_NOW gives an ISO 8601 time (`2026-12-15T09:00`, local time without an offset):
 * then the clock starts at that instant and runs at real speed from there, so answer times and
 * "next in 10m" stay true. The flag wins over the variable. A bad value is a usage error (exit 2).
 */
export function clockOf(ctx: Pick<CommandContext, "env">, flag?: string): () => number {
  const [text, source] = flag !== undefined ? [flag, "--now"] : [ctx.env[NOW_ENV], NOW_ENV];
  if (text === undefined || (text === "" && flag === undefined)) return Date.now;
  const start = ISO_TIME.test(text) ? Date.parse(text) : NaN;
  if (!Number.isFinite(start)) {
    throw new UsageError(
      `${source} must be an ISO 8601 time such as 2026-12-15T09:00 or 2026-12-15T09:00:00Z, not '${text.slice(0, 40).replace(/[^\x20-\x7e]/g, "?")}'`,
    );
  }
  const origin = Date.now();
  return () => start + (Date.now() - origin);
}

/** The current time (ms) by the run's clock: see `clockOf`. */
export function now(ctx: Pick<CommandContext, "env">, flag?: string): number {
  return clockOf(ctx, flag)();
}
