// `cloudtrail-tutor new scenario|fact`: asks for the fields (or takes them as flags), writes a
// valid, formatted entry with a fresh id into DIR/scenarios.yaml or DIR/facts.yaml, and checks it.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { loadContent, shippedContentDir } from "../content/load.js";
import { errorsOf } from "../content/pack.js";
import { formatProblems } from "../content/format.js";
import { appendEntry, freshId, slug } from "../content/scaffold.js";
import { FactKind } from "../content/schema.js";
import { lineReader, type LineReader } from "../plain/lines.js";
import { parseFlags } from "../shell/args.js";
import { writeLine, type CommandContext } from "../shell/context.js";
import { UsageError, UserError } from "../shell/errors.js";
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
} as const;

export const command: Command = {
  summary: "scaffold a new scenario or fact (asks for each field, or takes flags)",
  usage: `Usage: cloudtrail-tutor new scenario|fact [--in DIR] [field flags]

Writes a formatted entry with a fresh id into DIR/scenarios.yaml or DIR/facts.yaml (created with
the schema modeline if missing; comments in an existing file are kept), then validates it.
Fields not given as flags are asked for, one line each.

Scenario: --requirement TEXT --keywords "a, b" --answer ID --distractor "ID: why it fails" (2+)
          --explanation TEXT --source TEXT --domain ID [--topic ID] [--id ID]
Fact:     --front TEXT --back TEXT --kind ${FactKind.options.join("|")} --source TEXT [--domain ID] [--id ID]`,
  async run(ctx) {
    const { values, positionals } = parseFlags(FLAGS, ctx.args, "new");
    const what = positionals[0];
    if (what !== "scenario" && what !== "fact") throw new UsageError("new what? 'scenario' or 'fact'", "e.g. cloudtrail-tutor new scenario --in my-pack/");
    const dir = resolve(ctx.cwd, values.in ?? ".");
    const { pack } = loadContent({ paths: existsSync(dir) ? [dir] : [], cwd: ctx.cwd });
    const lines = lineReader(ctx.stdin);
    const ask = askWith(ctx, lines);
    try {
      const domains = pack.meta.domains.map((d) => d.id);
      let entry: Record<string, unknown>;
      if (what === "scenario") {
        const requirement = values.requirement ?? (await ask("Requirement (what the learner must achieve)"));
        const domain = values.domain ?? (await ask(`Domain (${domains.join(", ")})`));
        const keywords = (values.keywords ?? (await ask("Keywords, comma-separated"))).split(",").map((k) => k.trim()).filter(Boolean);
        const answer = values.answer ?? (await ask("Answer (a service or event type id)"));
        const distractors = [...(values.distractor ?? [])];
        while (distractors.length < 2) distractors.push(await ask(`Distractor ${distractors.length + 1} as "option-id: why it fails"`));
        const explanation = values.explanation ?? (await ask("Explanation"));
        const source = values.source ?? (await ask("Source (e.g. 'seed: 2.2 Data Events')"));
        entry = {
          id: values.id ?? freshId(pack, slug(requirement), "scenario"),
          domain,
          ...(values.topic ? { topic: values.topic } : {}),
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
      } else {
        const front = values.front ?? (await ask("Front (the question)"));
        const back = values.back ?? (await ask("Back (the answer)"));
        const kind = values.kind ?? (await ask(`Kind (${FactKind.options.join(", ")})`));
        const source = values.source ?? (await ask("Source"));
        entry = { id: values.id ?? freshId(pack, slug(front), "fact"), kind, ...(values.domain ? { domain: values.domain } : {}), front, back, source };
      }
      const key = what === "scenario" ? "scenarios" : "facts";
      const file = join(dir, `${key}.yaml`);
      const schema = relative(dir, join(shippedContentDir(), "..", "schema", `${key}.schema.json`)).split("\\").join("/");
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
      writeLine(ctx.stdout, `Try it: cloudtrail-tutor quiz --content ${relative(ctx.cwd, dir) || "."} --only ${display}`);
      return 0;
    } finally {
      lines.close();
    }
  },
};

function askWith(ctx: CommandContext, lines: LineReader): (prompt: string) => Promise<string> {
  return async (prompt) => {
    ctx.stderr.write(`${prompt}: `);
    const line = await lines.next();
    if (line === null) throw new UsageError(`no value for "${prompt}"`, "give it as a flag, or answer each prompt on its own line");
    return line.trim();
  };
}
