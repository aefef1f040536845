// Flag parsing for every subcommand: node's util.parseArgs plus "did you mean" for typos.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { closest } from "../content/index.js";
import { UsageError } from "./errors.js";

export type FlagSpec = NonNullable<ParseArgsConfig["options"]>;

/** Flags every command accepts (see ARCHITECTURE.md "Command-line contract"). */
export const GLOBAL_FLAGS = {
  content: { type: "string", multiple: true },
  "data-dir": { type: "string" },
  plain: { type: "boolean" },
  "no-color": { type: "boolean" },
  "screen-reader": { type: "boolean" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies FlagSpec;

export interface Parsed<T extends FlagSpec> {
  values: { [K in keyof T]?: T[K] extends { multiple: true } ? (T[K] extends { type: "boolean" } ? boolean[] : string[]) : T[K] extends { type: "boolean" } ? boolean : string };
  positionals: string[];
}

export function parseFlags<T extends FlagSpec>(spec: T, args: readonly string[], command: string): Parsed<T> {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options: spec, allowPositionals: true, strict: true });
    return { values: values as Parsed<T>["values"], positionals };
  } catch (err) {
    const msg = (err as Error).message;
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(msg)?.[1];
    if (unknown) {
      const names = Object.keys(spec).map((k) => `--${k}`);
      const guess = closest(unknown, names);
      throw new UsageError(
        `unknown flag ${unknown} for '${command}'`,
        guess.length ? `did you mean ${guess[0]}? (see 'cloudtrail-tutor ${command} --help')` : `see 'cloudtrail-tutor ${command} --help'`,
      );
    }
    const missing = /Option '(-{1,2}[^']+?)(?: <value>)?' argument missing/.exec(msg)?.[1];
    if (missing) throw new UsageError(`${missing} needs a value`, `write ${missing} VALUE`);
    throw new UsageError(msg.split("\n")[0]!, `see 'cloudtrail-tutor ${command} --help'`);
  }
}

/** A whole number flag in a range, or a usage error naming the flag. */
export function intFlag(value: string | undefined, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not '${value}'`);
  return n;
}

/** A number flag in a range, or a usage error naming the flag. */
export function numberFlag(value: string | undefined, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new UsageError(`--${name} must be a number from ${min} to ${max}, not '${value}'`);
  return n;
}
