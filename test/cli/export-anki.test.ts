// `export anki` on a pack of the learner's own whose texts hold quotes, tabs and line breaks: the
// file Anki reads gives back exactly those texts, and every row stays one note.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { learner, run, tempDir } from "./export-run.js";

const FACTS = `facts:
  - id: odd-quotes
    kind: fact
    domain: logging-monitoring
    topic: event-types
    front: "\\"Who deleted the bucket?\\" — which\\tevent type records it?"
    back: "Management events.\\nLine two has a \\"quote\\" and <b>markup</b> & an ampersand."
    source: "seed: AWS Exam Thinking"
  - id: odd-start
    kind: fact
    domain: logging-monitoring
    front: "\\"Unbalanced quote at the start"
    back: "#not a comment\\n\\n\\"\\""
`;

/** Records of a TSV the way Anki's reader splits them: `"` quoting with doubled quotes, # lines skipped. */
function records(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let start = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (start && c === "#") {
      while (i < text.length && text[i] !== "\n") i++;
      continue;
    }
    start = false;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === "\t") row.push(field), (field = "");
    else if (c === "\n") {
      row.push(field);
      out.push(row);
      (row = []), (field = ""), (start = true);
    } else field += c;
  }
  return out;
}
const fromHtml = (html: string) => html.replace(/<br>/g, "\n").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

describe("export anki on a pack with quotes, tabs and newlines", () => {
  it("re-parses to the same fields, one note per card", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "pack"));
    writeFileSync(join(dir, "pack", "facts.yaml"), FACTS);
    const env = learner();
    const shipped = await run(["export", "anki"], env);
    const r = await run(["--content", join(dir, "pack"), "export", "anki", "--out", join(dir, "cards.txt")], env);
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toMatch(/warning|skipped/i);
    const rows = records(readFileSync(join(dir, "cards.txt"), "utf8"));
    expect(rows).toHaveLength(records(shipped.out).length + 2);
    expect(rows.every((x) => x.length === 5)).toBe(true);
    const byGuid = new Map(rows.map((x) => [x[0], x]));
    const a = byGuid.get("ctt-fact:odd-quotes")!;
    expect(fromHtml(a[2]!)).toBe('"Who deleted the bucket?" — which\tevent type records it?');
    expect(fromHtml(a[3]!)).toBe('Management events.\nLine two has a "quote" and <b>markup</b> & an ampersand.\n\nSource: seed: AWS Exam Thinking');
    expect(a[4]).toBe("cloudtrail-tutor::fact cloudtrail-tutor::domain::logging-monitoring cloudtrail-tutor::topic::event-types");
    const b = byGuid.get("ctt-fact:odd-start")!;
    expect(fromHtml(b[2]!)).toBe('"Unbalanced quote at the start');
    expect(fromHtml(b[3]!)).toBe('#not a comment\n\n""');
  });
});
