// The JSON Schemas editors use are generated from the zod schemas; the committed copies must match.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildJsonSchemas } from "../../src/content/json-schema.js";
import { listContentFiles, shippedContentDir } from "../../src/content/load.js";

const SCHEMA_DIR = join(shippedContentDir(), "..", "schema");

describe("content/schema", () => {
  it("is in sync with src/content/schema.ts (run `npm start -- schema --out content/schema` to refresh)", () => {
    const generated = buildJsonSchemas();
    expect(readdirSync(SCHEMA_DIR).sort()).toEqual([...generated.keys()].sort());
    for (const [name, text] of generated) expect(readFileSync(join(SCHEMA_DIR, name), "utf8"), name).toBe(text);
  });

  it("is named by a modeline at the top of every shipped YAML file", () => {
    for (const file of listContentFiles(shippedContentDir())) {
      const first = readFileSync(file, "utf8").split("\n")[0]!;
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(m, file).not.toBeNull();
      expect(readdirSync(SCHEMA_DIR)).toContain(m![1]!.split("/").pop());
    }
  });
});
