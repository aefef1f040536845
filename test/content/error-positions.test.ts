// One fixture per kind of content error: the loader reports the code at the exact line:col, with
// a hint, and loads everything else.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/content");
const BASE = join(FIXTURES, "base");

function problemsOf(fixture: string) {
  const { pack, problems } = loadContent({ paths: [BASE, join(FIXTURES, "errors", fixture)], includeShipped: false, cwd: FIXTURES });
  return { pack, problems };
}

const table: Array<[fixture: string, code: string, line: number, col: number, hint?: RegExp]> = [
  ["unknown-option.yaml", "UNKNOWN_OPTION", 6, 13, /did you mean 'cloudtrail'/],
  ["answer-as-distractor.yaml", "ANSWER_AS_DISTRACTOR", 10, 17],
  ["too-few-distractors.yaml", "TOO_FEW_DISTRACTORS", 8, 7],
  ["missing-why.yaml", "SCHEMA_MISSING_FIELD", 8, 9, /why/],
  ["unknown-domain.yaml", "UNKNOWN_DOMAIN", 3, 13, /did you mean 'logging-monitoring'/],
  ["duplicate-id.yaml", "DUPLICATE_ID", 2, 9],
  ["unknown-field.yaml", "SCHEMA_UNKNOWN_FIELD", 4, 5, /did you mean 'requirement'/],
  ["wrong-enum.yaml", "SCHEMA_VALUE", 4, 15, /did you mean 'Data'/],
  ["unknown-section.yaml", "UNKNOWN_SECTION", 1, 1, /did you mean 'scenarios'/],
  ["control-char.yaml", "CONTROL_CHAR", 3, 11],
  ["custom-tag.yaml", "CUSTOM_TAG", 3, 11],
  ["alias-bomb.yaml", "ALIAS_LIMIT", 2, 8],
  ["proto-key.yaml", "SCHEMA_UNKNOWN_FIELD", 8, 5],
  ["not-utf8.yaml", "NOT_UTF8", 3, 15, /UTF-8/],
  ["tab-indent.yaml", "YAML_TAB_AS_INDENT", 3, 1, /spaces/],
  ["duplicate-key.yaml", "YAML_DUPLICATE_KEY", 4, 5],
];

describe("content errors carry their code, position and a fix hint", () => {
  it.each(table)("%s → %s at %i:%i", (fixture, code, line, col, hint) => {
    const { problems } = problemsOf(fixture);
    const p = problems.find((x) => x.code === code);
    expect(p, JSON.stringify(problems)).toBeDefined();
    expect(p!.file).toBe(join("errors", fixture));
    expect([p!.line, p!.col]).toEqual([line, col]);
    expect(p!.severity).toBe("error");
    expect(p!.hint.length).toBeGreaterThan(5);
    if (hint) expect(p!.hint).toMatch(hint);
    // The caret display needs the offending line.
    if (p!.code !== "NOT_UTF8") expect(p!.lineText).toBeDefined();
  });

  it("keeps loading the other files when one is broken", () => {
    const { pack, problems } = problemsOf("unknown-option.yaml");
    expect(problems).toHaveLength(1);
    expect(pack.services.map((s) => s.id)).toEqual(["cloudtrail", "config", "vpc-flow-logs"]);
    expect(pack.scenarios).toHaveLength(0);
  });

  it("never lets __proto__ reach an object's prototype", () => {
    problemsOf("proto-key.yaml");
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it("never echoes a control character back in the source line it shows", () => {
    const { problems } = problemsOf("control-char.yaml");
    for (const p of problems) expect(p.lineText ?? "").not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it("reports a missing content directory instead of throwing", () => {
    const { problems } = loadContent({ paths: ["/nonexistent/dir"], includeShipped: false });
    expect(problems[0]!.code).toBe("CONTENT_DIR_MISSING");
  });
});
