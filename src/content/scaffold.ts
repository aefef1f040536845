// New content entries for authors: a fresh id, the fields in the schema's order, appended to a
// scenarios or facts file with its comments kept (or a new file with the schema modeline). Pure:
// text in, text out.
import { isSeq, parseDocument, YAMLMap } from "yaml";
import type { Pack } from "./pack.js";

export function slug(text: string, max = 6): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim()
      .split(" ")
      .filter(
        (w) =>
          w.length > 1 &&
          !["the", "a", "an", "of", "to", "and", "which", "what", "for", "in", "on", "is", "are", "does", "do", "how", "who", "why"].includes(w),
      )
      .slice(0, max)
      .join("-") || "item"
  ).slice(0, 60);
}

/** An id not used by any scenario or fact of the pack. */
export function freshId(pack: Pack, base: string, kind: "scenario" | "fact" | "service"): string {
  const taken = new Set((kind === "scenario" ? pack.scenarios : kind === "fact" ? pack.facts : [...pack.options.values()]).map((x) => x.id));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Append `entry` under `key` in an existing file's text, or start a new file with the modeline. */
export function appendEntry(existing: string | undefined, key: "scenarios" | "facts" | "services", entry: Record<string, unknown>, schemaPath: string): string {
  if (existing === undefined || !existing.trim()) {
    const doc = parseDocument(`${key}: []\n`);
    (doc.get(key) as { flow?: boolean }).flow = false;
    doc.addIn([key], doc.createNode(entry));
    return `# yaml-language-server: $schema=${schemaPath}\n${doc.toString({ lineWidth: 100 })}`;
  }
  const doc = parseDocument(existing);
  if (doc.errors.length) throw new Error(`the file does not parse (${doc.errors[0]!.message.split("\n")[0]}); fix it first`);
  const list = doc.get(key);
  if (list === undefined) {
    if (!(doc.contents instanceof YAMLMap)) throw new Error(`the file is not a map of ${key}`);
    doc.set(key, doc.createNode([entry]));
  } else if (isSeq(list)) {
    list.flow = false;
    doc.addIn([key], doc.createNode(entry));
  } else throw new Error(`'${key}' in the file is not a list`);
  return doc.toString({ lineWidth: 100 });
}
