import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { buildJsonSchemas, shippedContentDir } from "../content/load.js";
import { parseFlags } from "../shell/args.js";
import { writeLine } from "../shell/context.js";
import { UserError } from "../shell/errors.js";
import type { Command } from "./types.js";

export const command: Command = {
  summary: "write the JSON Schemas of the content files (for editor completion)",
  usage: `Usage: cloudtrail-tutor schema [--out DIR]

Writes one JSON Schema per content file kind, generated from the tutor's own schema.
Default DIR: content/schema/ of the installed tutor. Point a YAML file at one with
  # yaml-language-server: $schema=../schema/scenarios.schema.json`,
  async run(ctx) {
    const { values } = parseFlags({ out: { type: "string" } }, ctx.args, "schema");
    const dir = values.out ? resolve(ctx.cwd, values.out) : join(dirname(shippedContentDir()), "schema");
    const schemas = buildJsonSchemas();
    try {
      mkdirSync(dir, { recursive: true });
      for (const [name, text] of schemas) writeFileSync(join(dir, name), text);
    } catch (err) {
      throw new UserError(`cannot write schemas to ${dir} (${(err as NodeJS.ErrnoException).code ?? "error"})`, "choose a writable directory with --out DIR");
    }
    writeLine(ctx.stdout, `wrote ${schemas.size} schemas to ${dir}`);
    return 0;
  },
};
