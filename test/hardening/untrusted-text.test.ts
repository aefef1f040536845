// Text from outside the code (records, configurations, progress files, content, file names, error
// snippets) never reaches the terminal raw: every character a terminal would act on is shown as an
// escape. --json stays exact. Content refuses the invisible characters outright, with a position.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseContentText } from "../../src/content/load.js";
import { excerpt, formatEditorLine, formatProblems } from "../../src/content/format.js";
import { visible, visibleInline } from "../../src/shell/sanitize.js";
import { runMain } from "../cli/run-main.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function file(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "ctt-untrusted-"));
  dirs.push(dir);
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** Anything a terminal would obey or that hides/reorders text (newline aside). */
const RAW = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/;
const HOSTILE = "x\u001b]0;pwned\u0007\u001b[2J\r\u202e\u200b\u009b\u007f\u0000\u2066";

describe("the sanitiser", () => {
  it.each([
    ["\u001b[31m", "\\x1b[31m"],
    ["a\rb", "a\\rb"],
    ["tab\there", "tab\\there"],
    ["\u0007\u0000\u007f", "\\x07\\x00\\x7f"],
    ["\u009b2J", "\\x9b2J"],
    ["abc\u202edef", "abc\\u202edef"],
    ["\u2066iso\u2069", "\\u2066iso\\u2069"],
    ["zero\u200bwidth\u200d\ufeff\u2060", "zero\\u200bwidth\\u200d\\ufeff\\u2060"],
    ["\u200e\u200f\u061c", "\\u200e\\u200f\\u061c"],
    ["line\u2028sep", "line\\u2028sep"],
  ])("shows %j as %j", (raw, shown) => {
    expect(visible(raw)).toBe(shown);
    expect(visible(raw)).not.toMatch(RAW);
  });

  it("keeps newlines and ordinary text (accents, CJK, emoji) as they are; inline shows newlines too", () => {
    expect(visible("café 東京 🚀\nnext")).toBe("café 東京 🚀\nnext");
    expect(visibleInline("a\nb")).toBe("a\\nb");
  });
});

describe("every path that prints outside text", () => {
  const record = {
    eventVersion: "1.08",
    eventTime: "2026-01-01T00:00:00Z",
    eventSource: `s3.amazonaws.com${HOSTILE}`,
    eventName: `GetObject${HOSTILE}`,
    awsRegion: "us-east-1",
    userIdentity: { arn: `arn:aws:iam::1:user/${HOSTILE}` },
  };

  it("explain: a record's eventSource/eventName are shown escaped; --json keeps them exact", async () => {
    const f = file("rec.json", JSON.stringify({ Records: [record] }));
    const r = await runMain(["explain", f]);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(RAW);
    expect(r.out).toContain("GetObjectx\\x1b]0;pwned\\x07\\x1b[2J\\r\\u202e\\u200b");
    const j = await runMain(["explain", f, "--json"]);
    expect(JSON.parse(j.out).records[0].eventName).toBe(`GetObject${HOSTILE}`);
  });

  it("simulate --batch over records: the coverage report is escaped", async () => {
    const f = file(
      "recs.json",
      JSON.stringify([
        record,
        { ...record, eventSource: "s3.amazonaws.com", eventName: "GetObject", resources: [{ type: "AWS::S3::Object", ARN: `arn:aws:s3:::b${HOSTILE}/k` }] },
      ]),
    );
    const r = await runMain(["simulate", "--batch", f]);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(RAW);
    expect(r.out).toContain("\\x1b");
  });

  it("simulate --config: a trail's Name is shown escaped; --json keeps it exact", async () => {
    const f = file("cfg.json", JSON.stringify({ trails: [{ Name: `t${HOSTILE}`, IsMultiRegionTrail: true }] }));
    const r = await runMain(["simulate", "--action", "s3:GetObject", "--config", f]);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(RAW);
    expect(r.out).toContain("trail:tx\\x1b]0;pwned");
    const j = await runMain(["simulate", "--action", "s3:GetObject", "--config", f, "--json"]);
    expect(j.out).toContain(JSON.stringify(`t${HOSTILE}`).slice(1, -1));
  });

  it("error messages: a snippet of the user's input (an action, a file name) is shown escaped", async () => {
    const a = await runMain(["simulate", "--action", `s3:${HOSTILE}`]);
    expect(a.code).toBe(1);
    expect(a.err).not.toMatch(RAW);
    expect(a.err).toContain("\\x1b]0;pwned");
    const b = await runMain(["explain", `/no/such/${HOSTILE}.json`]);
    expect(b.code).toBe(1);
    expect(b.err).not.toMatch(RAW);
  });

  it("search: the query echoed back is escaped", async () => {
    const r = await runMain(["search", `zzqqxx${HOSTILE}`]);
    expect(r.out + r.err).not.toMatch(RAW);
  });

  it("validate's report: file names, messages and source lines are escaped, long lines cut around the column", () => {
    const p = {
      file: `evil${HOSTILE}.yaml`,
      line: 3,
      col: 450,
      code: "CONTROL_CHAR" as const,
      message: `bad '${HOSTILE}'`,
      hint: "h",
      severity: "error" as const,
      lineText: "a".repeat(440) + "\u001b[2J" + "b".repeat(600),
    };
    const text = formatProblems([p]);
    expect(text).not.toMatch(RAW);
    expect(formatEditorLine(p)).not.toMatch(RAW);
    const shown = text.split("\n").find((l) => l.includes(" | a") || l.includes(" | …"))!;
    expect(shown.length).toBeLessThan(200);
    // The caret still points under the character the position names.
    const caret = text.split("\n").find((l) => l.trimEnd().endsWith("^"))!;
    expect(shown[caret.length - 1]).toBe(p.lineText.replace(/\u001b/, "?")[p.col - 1]);
    expect(excerpt("short", 2)).toEqual({ lineText: "short", col: 2 });
  });
});

describe("content refuses the invisible characters, with a position", () => {
  it.each([
    ['"A trail\\rThe answer is (4)"', "carriage return U+000D", 10],
    ['"abc\\u202Edef"', "U+202E", 10],
    ['"zero\\u200Bwidth"', "invisible character U+200B", 10],
    ['"mark\\u200Fhere"', "bidi control U+200F", 10],
    ["raw\u200bzero", "invisible character U+200B", 10],
    // A raw bidi isolate is caught by the raw-text check, at its own column.
    ["raw\u2067isolate", "U+2067", 13],
    ['"sep\\u2028line"', "line separator U+2028", 10],
  ])("title: %s → refused", (title, what, col) => {
    const r = parseContentText("marks.yaml", `pack:\n  id: p\n  title: ${title}\n`);
    expect(r.problems.length).toBe(1);
    const p = r.problems[0]!;
    expect(p.line).toBe(3);
    expect(p.col).toBe(col);
    expect(p.message).toContain(what);
    expect(r.data.packs).toEqual([]);
  });

  it("CRLF line ends are still fine", () => {
    const r = parseContentText("crlf.yaml", "pack:\r\n  id: p\r\n  title: T\r\n");
    expect(r.problems).toEqual([]);
  });
});
