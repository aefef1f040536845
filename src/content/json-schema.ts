// JSON Schemas for editors (yaml-language-server), generated from the zod schemas so the two can
// never disagree. `cloudtrail-tutor schema` writes them; a test fails when the committed ones are stale.
import { z } from "zod";
import { FILE_KINDS, type FileKind } from "./schema.js";

export function schemaFileName(kind: FileKind): string {
  return `${kind}.schema.json`;
}

/**
 * `type: ["string", "number"]` as `anyOf` of single types: validators in strict mode (Ajv's
 * strictTypes, which editors' language servers follow) refuse union types.
 */
function strictTypes(node: unknown): void {
  if (Array.isArray(node)) {
    for (const x of node) strictTypes(x);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const s = node as Record<string, unknown>;
  for (const v of Object.values(s)) strictTypes(v);
  if (!Array.isArray(s.type)) return;
  s.anyOf = (s.type as string[]).map((type) => ({ type }));
  delete s.type;
}

/** File name → JSON text, for every file kind. */
export function buildJsonSchemas(): Map<string, string> {
  const out = new Map<string, string>();
  for (const kind of Object.keys(FILE_KINDS) as FileKind[]) {
    const json = z.toJSONSchema(FILE_KINDS[kind], { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
    strictTypes(json);
    const doc = {
      $schema: json.$schema,
      $id: `https://cloudtrail-tutor.dev/schema/${schemaFileName(kind)}`,
      title: `cloudtrail-tutor ${kind} file`,
      ...Object.fromEntries(Object.entries(json).filter(([k]) => k !== "$schema")),
    };
    out.set(schemaFileName(kind), JSON.stringify(doc, null, 2) + "\n");
  }
  return out;
}
