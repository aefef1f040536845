// Flag parsing for every subcommand: node's util.parseArgs plus "did you mean" for typos.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { closest } from "../content/index.js";
import { UsageError } from "./errors.js";

export type FlagSpec = NonNullable<ParseArgsConfig["options"]>;

/** A flag as the usage text shows it: its value's name (`DIR`) and one line of help. */
export interface FlagDoc {
  arg?: string;
  help: string;
}
export type DocumentedFlags = Record<string, FlagSpec[string] & FlagDoc>;

/** Flags every command accepts, wherever they stand on the command line. */
export const GLOBAL_FLAGS = {
  pack: {
    type: "string",
    multiple: true,
    arg: "ID",
    help: "study this installed pack (repeatable; default: the packs chosen with 'pack use', else the shipped pack)",
  },
  content: { type: "string", multiple: true, arg: "DIR", help: "also load the content in DIR (repeatable; a folder with its own pack.yaml is studied alone)" },
  "data-dir": { type: "string", arg: "DIR", help: "keep progress in DIR (default: your data directory, or $CLOUDTRAIL_TUTOR_DATA)" },
  plain: { type: "boolean", help: "numbered prompts and plain lines instead of the full-screen tutor" },
  "no-color": { type: "boolean", help: "no colour (also NO_COLOR=1; FORCE_COLOR=1 forces it into a pipe)" },
  "screen-reader": { type: "boolean", help: "output laid out for a screen reader" },
  debug: { type: "boolean", help: "print stack traces for errors" },
  help: { type: "boolean", short: "h", help: "show help (after a command: that command's flags)" },
} as const satisfies DocumentedFlags;

export interface Parsed<T extends FlagSpec> {
  values: {
    [K in keyof T]?: T[K] extends { multiple: true }
      ? T[K] extends { type: "boolean" }
        ? boolean[]
        : string[]
      : T[K] extends { type: "boolean" }
        ? boolean
        : string;
  };
  positionals: string[];
}

/** The part of a documented spec that parseArgs reads. */
export function parseSpec(flags: DocumentedFlags): FlagSpec {
  return Object.fromEntries(Object.entries(flags).map(([k, { arg: _arg, help: _help, ...spec }]) => [k, spec]));
}

/** Usage lines generated from a documented spec: `  --content DIR   also load …`. */
export function flagUsage(flags: DocumentedFlags, indent = "  "): string[] {
  const heads = Object.entries(flags).map(([k, f]) => `${f.short ? `-${f.short}, ` : ""}--${k}${f.arg ? ` ${f.arg}` : ""}`);
  const width = Math.max(...heads.map((h) => h.length));
  return Object.values(flags).map((f, i) => `${indent}${heads[i]!.padEnd(width)}  ${f.help}`);
}

export interface GlobalSplit {
  /** The global flags' values (by the GLOBAL_FLAGS spec). */
  values: Parsed<typeof GLOBAL_FLAGS>["values"];
  /** The first bare word: the command. */
  command: string | undefined;
  /** Everything else, in order, for the command's own spec. */
  rest: string[];
}

/**
 * Take the global flags out of argv wherever they stand, with parseArgs and the GLOBAL_FLAGS spec
 * (non-strict, so the command's own flags pass through untouched, for its own strict parse).
 */
export function splitGlobals(argv: readonly string[]): GlobalSplit {
  const args = [...argv];
  const { tokens } = parseArgs({ args, options: parseSpec(GLOBAL_FLAGS), allowPositionals: true, strict: false, tokens: true });
  const values: Record<string, unknown> = {};
  const taken = new Set<number>();
  let command: string | undefined;
  let end = args.length;
  for (const t of tokens) {
    if (t.kind === "option-terminator") {
      end = t.index;
      break;
    }
    if (t.kind === "positional") {
      if (command === undefined) {
        command = t.value;
        taken.add(t.index);
      }
      continue;
    }
    const spec = (GLOBAL_FLAGS as DocumentedFlags)[t.name];
    // A command's own flag, or `-x` in a group: left as written for the command.
    if (!spec || (t.rawName !== `--${t.name}` && t.rawName !== `-${spec.short}`)) continue;
    taken.add(t.index);
    if (spec.type === "string") {
      // parseArgs (non-strict) reads a missing value as a boolean, and takes a following flag as a value.
      if (typeof t.value !== "string" || (t.inlineValue === false && t.value.startsWith("--"))) {
        throw new UsageError(`${t.rawName} needs a value`, `write ${t.rawName} ${spec.arg ?? "VALUE"}`);
      }
      taken.add(t.index + (t.inlineValue ? 0 : 1));
      values[t.name] = spec.multiple ? [...((values[t.name] as string[] | undefined) ?? []), t.value] : t.value;
    } else values[t.name] = true;
  }
  const rest = args.slice(0, end).filter((_, i) => !taken.has(i));
  return { values: values as GlobalSplit["values"], command, rest: [...rest, ...args.slice(end)] };
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
