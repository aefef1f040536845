// `cloudtrail-tutor new scenario|fact`: asks for the fields (or takes them as flags), writes a
// valid, formatted entry with a fresh id into DIR/scenarios.yaml or DIR/facts.yaml, and checks it.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { appendEntry, buildJsonSchemas, errorsOf, FactKind, formatProblems, freshId, loadContent, shippedContentDir, slug } from "../content/load.js";
import { lineReader, type LineReader } from "../plain/lines.js";
import { parseFlags } from "../shell/args.js";
import { writeLine, type CommandContext } from "../shell/context.js";
import { UsageError, UserError } from "../shell/errors.js";
import { TUTOR_VERSION } from "./pack.js";
import { commandLine } from "./learner-pack.js";
import type { Command } from "./types.js";

const FLAGS = {
  in: { type: "string" },
  id: { type: "string" },
  domain: { type: "string" },
  topic: { type: "string" },
  requirement: { type: "string" },
  keywords: { type: "string" },
  answer: { type: "string" },
  distractor: { type: "string", multiple: true },
  explanation: { type: "string" },
  source: { type: "string" },
  kind: { type: "string" },
  front: { type: "string" },
  back: { type: "string" },
  title: { type: "string" },
  name: { type: "string" },
  summary: { type: "string" },
  does: { type: "string", multiple: true },
  "does-not": { type: "string", multiple: true },
} as const;

const MIN_DISTRACTORS = 3;

export const command: Command = {
  summary: "scaffold a new pack, scenario, fact or service (asks for each field, or takes flags)",
  usage: `Usage: cloudtrail-tutor new pack|scenario|fact|service [--in DIR] [field flags]

pack writes DIR/pack.yaml (id, title, version, the tutor version it needs, one domain) and the JSON
Schemas into DIR/schema/, so every file's modeline points at the pack's own schema. The others
append a formatted entry with a fresh id to DIR/scenarios.yaml, facts.yaml or services.yaml
(created with the schema modeline if missing; comments in an existing file are kept), then
validate it. Fields not given as flags are asked for, one line each; a required field left empty
is asked again.

Pack:     --id ID --title TEXT
Scenario: --requirement TEXT --keywords "a, b" --answer ID --distractor "ID: why it fails" (${MIN_DISTRACTORS}+)
          --explanation TEXT --source TEXT --domain ID [--topic ID] [--id ID]
Fact:     --front TEXT --back TEXT --kind ${FactKind.options.join("|")} --source TEXT [--domain ID] [--id ID]
Service:  --name TEXT --summary TEXT --does TEXT (1+) --does-not TEXT (1+) --source TEXT [--id ID]`,
  async run(ctx) {
    const { values, positionals } = parseFlags(FLAGS, ctx.args, "new");
    const what = positionals[0];
    if (what !== "scenario" && what !== "fact" && what !== "service" && what !== "pack")
      throw new UsageError("new what? 'pack', 'scenario', 'fact' or 'service'", "e.g. cloudtrail-tutor new scenario --in my-pack/");
    const dir = resolve(ctx.cwd, values.in ?? ".");
    if (what === "pack") return newPack(ctx, dir, values);
    const { pack } = loadContent({ paths: existsSync(dir) ? [dir] : [], cwd: ctx.cwd });
    const lines = lineReader(ctx.stdin);
    const ask = askWith(ctx, lines);
    try {
      const domains = pack.meta.domains.map((d) => d.id);
      let entry: Record<string, unknown>;
      const topics = pack.meta.topics.map((t) => t.id);
      if (what === "scenario") {
        const requirement = values.requirement ?? (await ask("Requirement (what the learner must achieve)"));
        const domain = values.domain ?? (await ask(`Domain (${domains.join(", ")})`));
        const topic =
          values.topic ??
          (values.requirement === undefined && topics.length ? await ask(`Topic (${topics.join(", ")}; empty for none)`, { optional: true }) : undefined);
        const id =
          values.id ??
          (values.requirement === undefined ? await ask(`Id (empty for '${freshId(pack, slug(requirement), "scenario")}')`, { optional: true }) : undefined);
        const keywords = (values.keywords ?? (await ask("Keywords, comma-separated")))
          .split(",")
          .map((k) => k.trim())
          .filter(Boolean);
        const answer = values.answer ?? (await ask("Answer (a service or event type id)"));
        const distractors = [...(values.distractor ?? [])];
        while (distractors.length < MIN_DISTRACTORS)
          distractors.push(await ask(`Distractor ${distractors.length + 1} of ${MIN_DISTRACTORS} as "option-id: why it fails"`));
        const explanation = values.explanation ?? (await ask("Explanation"));
        const source = values.source ?? (await ask("Source (e.g. 'seed: 2.2 Data Events')"));
        entry = {
          id: id || freshId(pack, slug(requirement), "scenario"),
          domain,
          ...(topic ? { topic } : {}),
          requirement,
          keywords,
          answerKind: pack.options.get(answer)?.kind ?? "service",
          answer,
          distractors: distractors.map((d) => {
            const i = d.indexOf(":");
            if (i < 1) throw new UsageError(`a distractor is "option-id: why it fails", not '${d}'`);
            return { option: d.slice(0, i).trim(), why: d.slice(i + 1).trim() };
          }),
          explanation,
          source,
        };
      } else if (what === "fact") {
        const front = values.front ?? (await ask("Front (the question)"));
        const back = values.back ?? (await ask("Back (the answer)"));
        const kind = values.kind ?? (await ask(`Kind (${FactKind.options.join(", ")})`));
        const source = values.source ?? (await ask("Source"));
        entry = { id: values.id ?? freshId(pack, slug(front), "fact"), kind, ...(values.domain ? { domain: values.domain } : {}), front, back, source };
      } else {
        const name = values.name ?? (await ask("Name (as learners see it, e.g. Amazon Macie)"));
        const summary = values.summary ?? (await ask("Summary (one sentence)"));
        const does = values.does ?? [await ask("One thing it does")];
        const doesNot = values["does-not"] ?? [await ask("One thing it does not do, starting with a verb")];
        const source = values.source ?? (await ask("Source (an AWS page title and URL)"));
        entry = { id: values.id ?? freshId(pack, slug(name, 4), "service"), name, summary, does, doesNot, source };
      }
      const key = what === "scenario" ? "scenarios" : what === "fact" ? "facts" : "services";
      const file = join(dir, `${key}.yaml`);
      const schema = schemaPathFor(dir, key);
      let text: string;
      try {
        text = appendEntry(existsSync(file) ? readFileSync(file, "utf8") : undefined, key, entry, schema);
      } catch (err) {
        throw new UserError(`${file}: ${(err as Error).message}`);
      }
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, text);
      const display = relative(ctx.cwd, file) || file;
      const check = loadContent({ paths: [dir], cwd: ctx.cwd });
      const errors = errorsOf(check.problems).filter((p) => resolve(ctx.cwd, p.file) === file);
      if (errors.length) {
        writeLine(ctx.stdout, formatProblems(errors));
        writeLine(ctx.stdout, `Wrote ${what} '${entry.id}' to ${display}, but it needs the fixes above.`);
        return 1;
      }
      writeLine(ctx.stdout, `Wrote ${what} '${entry.id}' to ${display}; it validates.`);
      const contentDir = relative(ctx.cwd, dir) || ".";
      const content = ctx.globals.content.some((c) => resolve(ctx.cwd, c) === resolve(dir)) ? ctx.globals.content : [...ctx.globals.content, contentDir];
      if (what !== "service") writeLine(ctx.stdout, `Try it: ${commandLine(ctx, "quiz", { only: display }, content)}`);
      return 0;
    } finally {
      lines.close();
    }
  },
};

/** A modeline path that stays right: the pack's own schema/ folder when it has one (new pack writes
 * it), else the installed tutor's schemas. */
function schemaPathFor(dir: string, key: string): string {
  const own = join(dir, "schema", `${key}.schema.json`);
  const target = existsSync(own) ? own : join(shippedContentDir(), "..", "schema", `${key}.schema.json`);
  return relative(dir, target).split("\\").join("/");
}

async function newPack(ctx: CommandContext, dir: string, values: { id?: string; title?: string }): Promise<number> {
  const file = join(dir, "pack.yaml");
  if (existsSync(file)) throw new UserError(`${relative(ctx.cwd, file) || file} already exists`, "a folder holds one pack; choose another --in DIR");
  const lines = lineReader(ctx.stdin);
  try {
    const ask = askWith(ctx, lines);
    const title = values.title ?? (await ask("Title (e.g. GuardDuty for the Security exam)"));
    const id = values.id ?? (await ask(`Id (empty for '${slug(title, 4)}')`, { optional: true })) ?? "";
    const packId = id || slug(title, 4);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(packId)) throw new UsageError(`'${packId}' is not an id: lower-case words joined by '-'`);
    mkdirSync(join(dir, "schema"), { recursive: true });
    for (const [name, text] of buildJsonSchemas()) writeFileSync(join(dir, "schema", name), text);
    writeFileSync(
      file,
      `# yaml-language-server: $schema=./schema/pack.schema.json
pack:
  id: ${packId}
  title: ${JSON.stringify(title)}
  version: 0.1.0
  requires: ">=${TUTOR_VERSION}"
  passingScore: 0.75
  domains:
    - id: main
      name: ${JSON.stringify(title)}
      weight: 1
  topics: []
`,
    );
    const check = loadContent({ paths: [dir], cwd: ctx.cwd });
    const errors = errorsOf(check.problems).filter((p) => resolve(ctx.cwd, p.file) === file);
    if (errors.length) {
      writeLine(ctx.stdout, formatProblems(errors));
      return 1;
    }
    const shown = relative(ctx.cwd, dir) || ".";
    writeLine(ctx.stdout, `Wrote ${relative(ctx.cwd, file) || file} and the JSON Schemas in ${shown}/schema/; it validates.`);
    writeLine(
      ctx.stdout,
      `Next: cloudtrail-tutor new service --in ${shown}, then new scenario --in ${shown}; share it with 'cloudtrail-tutor pack add ${shown}'.`,
    );
    return 0;
  } finally {
    lines.close();
  }
}

function askWith(ctx: CommandContext, lines: LineReader): (prompt: string, opts?: { optional?: boolean }) => Promise<string> {
  return async (prompt, opts = {}) => {
    for (;;) {
      ctx.stderr.write(`${prompt}: `);
      const line = await lines.next();
      if (line === null) throw new UsageError(`no value for "${prompt}"`, "give it as a flag, or answer each prompt on its own line");
      if (line.trim() || opts.optional) return line.trim();
      ctx.stderr.write("  this field is required.\n");
    }
  };
}
