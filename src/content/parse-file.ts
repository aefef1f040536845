// One content file: bytes → validated items + problems with file:line:col. Pure (no I/O): the
// caller reads the file. Every item is validated on its own, so one bad scenario costs only itself.
// The stages live beside it: parse-file-text (bytes → text, refusals before parsing), parse-file-yaml
// (a safe YAML read), parse-file-issues (zod issues → problems); this file maps sections to items
// and records the positions the pack-level checks report.
import { isMap, isNode, isSeq } from "yaml";
import type { Document } from "yaml";
import type { z } from "zod";
import { closest } from "./did-you-mean.js";
import { MAX_FILE_BYTES, tooLargeMessage } from "./limits.js";
import { FileContext, type Located, type Path } from "./parse-file-context.js";
import { validate } from "./parse-file-issues.js";
import { decodeUtf8, notUtf8, refuseRawText, tooLarge } from "./parse-file-text.js";
import { nodeAt, readYaml } from "./parse-file-yaml.js";
import type { Problem } from "./problem.js";
import { SECTION_SCHEMAS } from "./schema.js";
import { emptyData, PACK_FILE, SECTION_KEYS, SECTIONS, type SectionData } from "./sections.js";

export { MAX_FILE_BYTES };
export { MAX_ALIAS_COUNT } from "./parse-file-yaml.js";
export { MAX_DEPTH, decodeUtf8 } from "./parse-file-text.js";
export type { Located, Path } from "./parse-file-context.js";

/** Item-level data of one file: only the items that passed their schema. */
export type FileData = SectionData;

export interface ParsedFile {
  file: string;
  data: FileData;
  problems: Problem[];
  /**
   * Positions the pack-level checks need (ids, cross references), keyed by a path like
   * `scenarios.3.answer`, and the start of every item (`scenarios.3`). Kept small and plain so
   * a parsed file can be cached as JSON.
   */
  at: Record<string, Located>;
  /**
   * Where each item starts (`scenarios.3`), when `at` is loaded lazily (a cached file): enough for
   * the pack's origins without reading every position.
   */
  starts?: Record<string, Located>;
  /**
   * The file's pack description could not be read (a pack.yaml that does not parse, or a `pack`
   * section that fails its schema): the domains and topics it declares are unknown, so references
   * to them are not checked (one error, not one per reference).
   */
  failedPack?: true;
}

const TOP_KEYS: readonly string[] = SECTION_KEYS;

/** Parse one file's bytes. Never throws for bad input: problems come back as values. */
export function parseContentBytes(file: string, bytes: Uint8Array): ParsedFile {
  if (bytes.length > MAX_FILE_BYTES) return { file, data: emptyData(), at: {}, problems: [tooLarge(file, bytes.length)] };
  const decoded = decodeUtf8(bytes);
  if (!("text" in decoded)) return { file, data: emptyData(), at: {}, problems: [notUtf8(file, decoded)] };
  return parseContentText(file, decoded.text);
}

export function parseContentText(file: string, input: string): ParsedFile {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const data = emptyData();
  const at: Record<string, Located> = {};
  if (text.length > MAX_FILE_BYTES) {
    const refused = parseContentBytes(file, new Uint8Array(MAX_FILE_BYTES + 1));
    // The real size, not the cap's.
    refused.problems[0]!.message = tooLargeMessage(Buffer.byteLength(text));
    return refused;
  }
  const refused = refuseRawText(file, text);
  if (refused.length > 0) return { file, data, at, problems: refused };

  const ctx = new FileContext(file, text);
  // A pack.yaml that cannot be read at all still declares a pack: its references go unchecked.
  const unread = (): ParsedFile => ({ file, data, at, problems: ctx.problems, ...(PACK_FILE.test(file) ? { failedPack: true as const } : {}) });
  const read = readYaml(ctx);
  if (!read) return unread();
  const { doc, js } = read;

  if (js === null || js === undefined) {
    ctx.add(0, "EMPTY_FILE", "the file holds no content", `start it with one of: ${TOP_KEYS.join(", ")}`, "warning");
    return { file, data, at, problems: ctx.problems };
  }
  if (typeof js !== "object" || Array.isArray(js)) {
    ctx.add(doc.contents?.range?.[0] ?? 0, "NOT_A_MAP", "a content file must be a map of sections", `start it with one of: ${TOP_KEYS.join(", ")}`);
    return unread();
  }
  let failedPack = false;

  const obj = js as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (TOP_KEYS.includes(key)) continue;
    const node = nodeAt(doc, [key], true);
    const guess = closest(key, TOP_KEYS);
    ctx.add(
      node?.range?.[0] ?? 0,
      "UNKNOWN_SECTION",
      `unknown section '${key}'`,
      guess.length ? `did you mean '${guess[0]}'?` : `sections are: ${TOP_KEYS.join(", ")}`,
    );
  }

  for (const key of SECTION_KEYS) {
    if (!(key in obj)) continue;
    const { many, field, refs } = SECTIONS[key];
    const schema = SECTION_SCHEMAS[key] as z.ZodType;
    const items = data[field] as unknown[];
    if (!many) {
      const value = validate(doc, ctx, schema, obj[key], [key]);
      if (value === undefined) {
        if (key === "pack") failedPack = true;
        continue;
      }
      items.push(value);
      markStart(doc, ctx, at, [key], `${key}.${items.length - 1}`);
      continue;
    }
    const list = obj[key];
    // The list's node, found once: each item's positions are read from its own node.
    const listNode = nodeAt(doc, [key], false);
    if (!Array.isArray(list)) {
      ctx.add(listNode?.range?.[0] ?? 0, "SCHEMA_TYPE", `'${key}' must be a list`, `write each item on its own line starting with '- '`);
      continue;
    }
    const nodes = isSeq(listNode) ? listNode.items : [];
    list.forEach((raw, i) => {
      const value = validate(doc, ctx, schema, raw, [key, i]);
      if (value === undefined) return;
      items.push(value);
      const idx = items.length - 1;
      const itemNode = nodes[i];
      // Record positions under the item's index among the *valid* items of this file.
      at[`${key}.${idx}`] = ctx.locate(isNode(itemNode) ? (itemNode.range?.[0] ?? 0) : (listNode?.range?.[0] ?? 0));
      if (isMap(itemNode)) recordRefs(ctx, at, `${key}.${idx}`, itemNode, refs);
    });
  }
  return { file, data, at, problems: ctx.problems, ...(failedPack ? { failedPack: true as const } : {}) };
}

/** Positions of the fields pack-level checks report (and of each list entry and its `option`). */
function recordRefs(ctx: FileContext, at: Record<string, Located>, base: string, itemNode: import("yaml").YAMLMap, refs: readonly string[]) {
  for (const field of refs) {
    const node = itemNode.get(field, true);
    if (!isNode(node)) continue;
    at[`${base}.${field}`] = ctx.locate(node.range?.[0] ?? 0);
    if (!isSeq(node)) continue;
    node.items.forEach((item, j) => {
      if (!isNode(item)) return;
      at[`${base}.${field}.${j}`] = ctx.locate(item.range?.[0] ?? 0);
      if (isMap(item)) {
        const opt = item.get("option", true);
        if (isNode(opt)) at[`${base}.${field}.${j}.option`] = ctx.locate(opt.range?.[0] ?? 0);
      }
    });
  }
}

function markStart(doc: Document.Parsed, ctx: FileContext, at: Record<string, Located>, path: Path, as: string) {
  const node = nodeAt(doc, path, false);
  at[as] = ctx.locate(node?.range?.[0] ?? 0);
}
