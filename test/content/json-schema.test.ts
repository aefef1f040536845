// The JSON Schemas editors use are generated from the zod schemas; the committed copies must match.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildJsonSchemas } from "../../src/content/json-schema.js";
import { MIN_DISTRACTORS } from "../../src/content/limits.js";
import { listContentFiles, shippedContentDir } from "../../src/content/load.js";
import { parseContentText } from "../../src/content/parse-file.js";
import { buildPack } from "../../src/content/pack.js";

/** Every committed schema compiled by Ajv in strict mode (unknown keywords, union types, … refused). */
function compiled() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  const out = new Map<string, ReturnType<typeof ajv.compile>>();
  for (const name of readdirSync(SCHEMA_DIR)) out.set(name, ajv.compile(JSON.parse(readFileSync(join(SCHEMA_DIR, name), "utf8")) as object));
  return out;
}

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

  it("compiles in Ajv strict mode, and every shipped file passes the schema its modeline names", () => {
    const schemas = compiled();
    expect(schemas.size).toBe(buildJsonSchemas().size);
    for (const file of listContentFiles(shippedContentDir())) {
      const text = readFileSync(file, "utf8");
      const name = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text)![1]!.split("/").pop()!;
      const check = schemas.get(name)!;
      expect(check(parse(text)), `${file}: ${JSON.stringify(check.errors?.slice(0, 3))}`).toBe(true);
    }
  });

  it("carries the validator's minimum of distractors, so an editor flags what validate refuses", () => {
    const check = compiled().get("scenarios.schema.json")!;
    const item = (n: number) => ({
      id: "short",
      domain: "logging-monitoring",
      requirement: "Which service records API calls?",
      keywords: ["API calls"],
      answerKind: "service",
      answer: "cloudtrail",
      distractors: Array.from({ length: n }, (_, i) => ({ option: `opt-${i}`, why: "Records something else." })),
      explanation: "CloudTrail records API calls.",
      source: "seed: AWS Exam Thinking",
    });
    expect(check({ scenarios: [item(MIN_DISTRACTORS)] })).toBe(true);
    expect(check({ scenarios: [item(MIN_DISTRACTORS - 1)] })).toBe(false);
    expect(check.errors?.[0]?.keyword).toBe("minItems");
    // The loader refuses the same item with its own code.
    const yaml = `scenarios:\n  - ${JSON.stringify(item(MIN_DISTRACTORS - 1))}\n`;
    const { problems } = buildPack([parseContentText("s.yaml", yaml)]);
    expect(problems.map((p) => p.code)).toContain("TOO_FEW_DISTRACTORS");
  });
});
