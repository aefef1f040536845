// Reading the simulator's inputs from disk: a configuration (YAML or JSON in AWS's shape) and an
// activity file (JSON lines of calls, or CloudTrail records, optionally .gz). Errors name the file,
// the line or the JSON path, and what to do.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { parse, YAMLParseError } from "yaml";
import type { Pack } from "../content/index.js";
import { ConfigError, parseConfig, type SimConfig } from "../simulator/index.js";
import { UserError } from "../shell/errors.js";

const MAX_BYTES = 512 * 1024 * 1024;

export function readInputFile(cwd: string, file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(cwd, file));
  } catch (err) {
    throw new UserError(`cannot read '${file}' (${(err as NodeJS.ErrnoException).code ?? "error"})`, "check the path and that you may read it");
  }
  if (bytes.length > MAX_BYTES) throw new UserError(`'${file}' is larger than ${MAX_BYTES / 1024 / 1024} MB`);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_BYTES });
    } catch {
      throw new UserError(`'${file}' looks gzipped but cannot be decompressed`);
    }
  }
  return bytes.toString("utf8").replace(/^\uFEFF/, "");
}

export function loadConfig(pack: Pack, cwd: string, file: string): SimConfig {
  const text = readInputFile(cwd, file);
  let raw: unknown;
  try {
    raw = parse(text, { maxAliasCount: 100, customTags: [], uniqueKeys: true });
  } catch (err) {
    if (err instanceof YAMLParseError) {
      const pos = err.linePos?.[0];
      throw new UserError(`${file}${pos ? `:${pos.line}:${pos.col}` : ""}: not valid YAML or JSON: ${err.message.split("\n")[0]}`, "fix the syntax, or paste the output of 'aws cloudtrail describe-trails' / 'get-event-selectors'");
    }
    throw err;
  }
  try {
    return parseConfig(pack, raw ?? {});
  } catch (err) {
    if (err instanceof ConfigError) {
      const first = err.problems[0]!;
      const more = err.problems.length > 1 ? ` (and ${err.problems.length - 1} more: ${err.problems.slice(1, 4).map((p) => p.path).join(", ")})` : "";
      throw new UserError(`${file}: ${first.path}: ${first.message}${more}`, "field names are AWS's own (describe-trails, get-event-selectors); see 'cloudtrail-tutor simulate --help'");
    }
    throw err;
  }
}

/** A document that is JSON lines, or a single JSON document (records or calls). */
export function parseJsonOrLines(text: string, file: string): { document?: unknown; lines?: Array<{ line: number; value: unknown }> } {
  const trimmed = text.trim();
  try {
    return { document: JSON.parse(trimmed) };
  } catch {
    const lines: Array<{ line: number; value: unknown }> = [];
    text.split("\n").forEach((l, i) => {
      if (!l.trim()) return;
      try {
        lines.push({ line: i + 1, value: JSON.parse(l) });
      } catch (err) {
        throw new UserError(`${file}:${i + 1}: not JSON: ${(err as Error).message}`, "give one JSON object per line, or one JSON document");
      }
    });
    return { lines };
  }
}
