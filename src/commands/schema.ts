import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { buildJsonSchemas } from "../content/json-schema.js";
import { shippedContentDir } from "../content/load.js";
import { parseFlags } from "../shell/args.js";
import { writeLine } from "../shell/context.js";
import { UsageError, UserError } from "../shell/errors.js";
import type { Command } from "./types.js";

export const command: Command = {
  summary: "write the JSON Schemas of the content files (for editor completion)",
  usage: `Usage: cloudtrail-tutor schema [--out DIR]

Writes one JSON Schema per content file kind, generated from the tutor's own schema.
Default DIR: ./schema in the current directory (never inside the installed tutor). Point a YAML
file at one with
  # yaml-language-server: $schema=../schema/scenarios.schema.json`,
  async run(ctx) {
    const { values } = parseFlags({ out: { type: "string" } }, ctx.args, "schema");
    // Without --out the schemas go to ./schema in the current directory — never into the installed
    // tutor (a global install is not the learner's to change, and may be read-only).
    const installed = dirname(dirname(shippedContentDir()));
    const dir = values.out ? resolve(ctx.cwd, values.out) : resolve(ctx.cwd, "schema");
    if (!values.out && (dir === installed || !relative(installed, dir).startsWith(".."))) {
      throw new UsageError(
        `without --out, schema writes ./schema in the current directory, and here that is inside the installed tutor (${installed})`,
        "name a directory with --out DIR",
      );
    }
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
