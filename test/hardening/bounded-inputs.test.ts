// Every file a user names is a regular file read under a byte cap (before and after gunzip), JSON is
// read as JSON before any YAML fallback, records are streamed, sizes in errors are real, lint's
// near-duplicate check stays fast on thousands of copies, and user files go through schemas into
// one-line errors with a position. Flags are all checked before anything is written.
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { streamInputValues } from "../../src/commands/sim-input.js";
import { formatSize, MAX_FILE_BYTES, tooLargeMessage } from "../../src/content/limits.js";
import { parseContentText } from "../../src/content/load.js";
import { lintPack, MAX_NEAR_DUPLICATES } from "../../src/content/lint.js";
import { JsonValueSplitter } from "../../src/shell/json-values.js";
import { explainRecords, recordsOf } from "../../src/simulator/explain.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { runMain } from "../cli/run-main.js";
import { shippedPack } from "../ui/helpers.js";

const STACK = /\n\s+at .+:\d+:\d+/;
const MiB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), "ctt-bounded-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(name: string, content: string | Buffer): string {
  const p = join(dir, `${n++}-${name}`);
  writeFileSync(p, content);
  return p;
}
function oneLine(r: { code: number; err: string }, code: number, text: string | RegExp) {
  expect(r.code).toBe(code);
  if (typeof text === "string") expect(r.err).toContain(text);
  else expect(r.err).toMatch(text);
  expect(r.err).not.toMatch(STACK);
  expect(r.err.trim().split("\n").length).toBeLessThanOrEqual(2);
}
const record = (i: number) => ({
  eventVersion: "1.08",
  eventTime: "2026-01-01T00:00:00Z",
  eventSource: "s3.amazonaws.com",
  eventName: i % 2 ? "GetObject" : "ListBuckets",
  awsRegion: "us-east-1",
});

describe("only regular files, never read without end", () => {
  const fifo = join(dir, "fifo");
  execFileSync("mkfifo", [fifo]);
  it.each([
    ["explain", ["explain", "/dev/zero"]],
    ["explain (a FIFO)", ["explain", fifo]],
    ["simulate --config", ["simulate", "--action", "s3:GetObject", "--config", "/dev/zero"]],
    ["simulate --batch", ["simulate", "--batch", "/dev/zero"]],
    ["simulate insights --counts", ["simulate", "insights", "--counts", "/dev/zero"]],
    ["import progress", ["import", "progress", "/dev/zero"]],
  ])("%s /dev/zero → one line, exit 1, at once", async (_name, argv) => {
    const t0 = Date.now();
    oneLine(await runMain(argv), 1, "is not a regular file");
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it("an explicit content path to /dev/zero is refused, not read (validate: exit 1)", async () => {
    const r = await runMain(["validate", "/dev/zero"]);
    expect(r.code).toBe(1);
    expect(r.out + r.err).toContain("is not a regular file");
  });

  it("a directory named as a file says so", async () => {
    oneLine(await runMain(["explain", dir]), 1, "is a directory");
  });
});

describe("byte caps with real sizes", () => {
  it("a 20 MiB configuration is refused with its real size, before it is read", async () => {
    const p = file("big.json", "");
    truncateSync(p, 20 * MiB);
    oneLine(await runMain(["simulate", "--action", "s3:GetObject", "--config", p]), 1, "is too large (20.0 MiB; the limit is 16.0 MiB)");
  });

  it("a gzip bomb configuration stops at the cap and says 'too large'", async () => {
    const p = file("bomb.json.gz", gzipSync(Buffer.alloc(17 * MiB, 0x20)));
    oneLine(await runMain(["simulate", "--action", "s3:GetObject", "--config", p]), 1, "is too large once decompressed (the limit is 16.0 MiB)");
  });

  it("a streamed log stops at its cap, raw or gunzipped", async () => {
    const raw = file("log.json", JSON.stringify({ Records: Array.from({ length: 5000 }, (_, i) => record(i)) }));
    const gz = file("log.json.gz", gzipSync(Buffer.from(JSON.stringify({ Records: Array.from({ length: 20000 }, (_, i) => record(i)) }))));
    for (const p of [raw, gz]) {
      const read = async () => {
        for await (const _ of streamInputValues(dir, p, 64 * 1024)) void _;
      };
      await expect(read()).rejects.toThrow(/too large/);
    }
  });

  it("a 21 MiB content file is reported as 21.0 MiB, the limit as 8.0 MiB", async () => {
    const d = join(dir, "bigpack");
    mkdirSync(d);
    const p = join(d, "huge.yaml");
    writeFileSync(p, "");
    truncateSync(p, 21 * MiB);
    const r = await runMain(["validate", d]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("file is 21.0 MiB; the limit is 8.0 MiB");
    expect(formatSize(MAX_FILE_BYTES)).toBe("8.0 MiB");
    expect(formatSize(1536)).toBe("1.5 KiB");
    expect(tooLargeMessage(MAX_FILE_BYTES + 1)).toBe(`file is ${MAX_FILE_BYTES + 1} bytes; the limit is 8.0 MiB`);
    expect(parseContentText("big.yaml", "a".repeat(21 * MiB)).problems[0]!.message).toBe("file is 21.0 MiB; the limit is 8.0 MiB");
  });
});

describe("records are streamed", () => {
  it("the splitter gives the same values however the text is cut", () => {
    const text = '{"Records":[{"a":"}],{"},{"b":[1,{"c":2}]}, {"Records": []}]}';
    for (const size of [1, 2, 3, 5, 8, 13, 1000]) {
      const s = new JsonValueSplitter();
      const out = [];
      for (let i = 0; i < text.length; i += size) out.push(...s.push(text.slice(i, i + size)));
      out.push(...s.end());
      expect(out.map((v) => JSON.parse(v.text))).toEqual([{ a: "}],{" }, { b: [1, { c: 2 }] }, { Records: [] }]);
    }
  });

  it("explain --json streamed is byte for byte what one JSON document would be", async () => {
    const recs = Array.from({ length: 30 }, (_, i) => record(i));
    const p = file("recs.json", JSON.stringify({ Records: recs }));
    const r = await runMain(["explain", p, "--json"]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(JSON.stringify(explainRecords(shippedPack(), recordsOf({ Records: recs })), null, 2) + "\n");
    const empty = await runMain(["explain", file("none.json", '{"Records": []}'), "--json"]);
    expect(empty.out).toBe(JSON.stringify(explainRecords(shippedPack(), []), null, 2) + "\n");
  });

  it("explain and --batch read one record per line (JSON lines) too, gzipped or not", async () => {
    const lines = Array.from({ length: 10 }, (_, i) => JSON.stringify(record(i))).join("\n") + "\n";
    for (const p of [file("recs.jsonl", lines), file("recs.jsonl.gz", gzipSync(Buffer.from(lines)))]) {
      const r = await runMain(["explain", p, "--json"]);
      expect(JSON.parse(r.out).summary.total).toBe(10);
      const b = await runMain(["simulate", "--batch", p, "--json"]);
      expect(JSON.parse(b.out).total).toBe(10);
    }
  });

  it("a 40 MB log runs in a 32 MB heap (explain and --batch), where reading it whole aborts out of memory", async () => {
    const p = join(dir, "log-40mb.json");
    const one = JSON.stringify({
      ...record(1),
      userIdentity: { type: "IAMUser", arn: "arn:aws:iam::111122223333:user/alice" },
      requestParameters: { bucketName: "b", key: "k".repeat(300) },
      resources: [{ type: "AWS::S3::Object", ARN: "arn:aws:s3:::b/k" }],
    });
    const block = Array.from({ length: 1000 }, () => one).join(",");
    const blocks = Math.ceil((40 * MiB) / block.length);
    writeFileSync(p, `{"Records":[${Array.from({ length: blocks }, () => block).join(",")}]}`);
    const run = (args: string[]) =>
      new Promise<{ code: number | null; out: string }>((res) =>
        execFile(
          process.execPath,
          ["--max-old-space-size=32", join(import.meta.dirname, "../../dist/cli.js"), ...args],
          { env: { ...process.env, CLOUDTRAIL_TUTOR_DATA: join(dir, "data"), NO_COLOR: "1" }, maxBuffer: 16 * MiB },
          (err, out) => res({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out }),
        ),
      );
    const [explain, batch] = await Promise.all([run(["explain", p]), run(["simulate", "--batch", p, "--json"])]);
    expect(explain.code).toBe(0);
    expect(explain.out).toContain(`${blocks * 1000} record(s)`);
    expect(batch.code).toBe(0);
    expect(JSON.parse(batch.out).total).toBe(blocks * 1000);
  }, 90_000);

  it("a broken record names its line and column", async () => {
    const p = file(
      "broken.json",
      '{"Records": [\n  {"eventVersion": "1.08", "eventSource": "s3.amazonaws.com"},\n  {"eventVersion": "1.08" "eventSource": "x"}\n]}',
    );
    oneLine(await runMain(["explain", p]), 1, /broken\.json:3:\d+: not JSON/);
  });
});

describe("user files through schemas: positioned one-line errors", () => {
  it.each([
    ['{"action": "s3:GetObject"}\n{"action": 5}\n', /calls\.jsonl:2: "action" must be a string/],
    ['{"action": "s3:GetObject"}\n\n{"resource": "arn:aws:s3:::b"}\n', /calls\.jsonl:3: missing "action"/],
    ['{"action": "s3:GetObject", "caller": "alien"}\n', /calls\.jsonl:1: "caller" must be one of same-account/],
    ['{"action": "s3:GetObject", "vpceDenied": "yes"}\n', /calls\.jsonl:1: "vpceDenied": .*boolean/],
    ['{"action": "s3:GetObject"}\n{"action": "s3:GetObject" oops}\n', /calls\.jsonl:2:\d+: not JSON/],
    ['{"action": "nope:Nope"}\n', /calls\.jsonl:1: unknown action 'nope:Nope'/],
  ])("batch line %j", async (text, message) => {
    oneLine(await runMain(["simulate", "--batch", file("calls.jsonl", text)]), 1, message);
  });

  it.each([
    ["[5, 4, -1, 6]", /counts\.json:1:\d+: \[2\]: expected a count \(a number ≥ 0\)/],
    ['[5,\n 4,\n "six"]', /counts\.json:3:2: \[2\]: expected a count/],
    ['{"counts": [1, 2]}', /counts\.json:1:1: \(top level\): expected a JSON array of per-minute counts/],
    ["[1, 2,", /counts\.json:1:\d+: not valid JSON/],
    ["[]", /give at least one minute's count/],
  ])("--counts %j", async (text, message) => {
    oneLine(await runMain(["simulate", "insights", "--counts", file("counts.json", text)]), 1, message);
  });

  it("a configuration's bad field is named with its line and column (JSON and YAML)", async () => {
    const json = file("cfg.json", JSON.stringify({ trails: [{ Name: "t", EventSelectors: [{ ReadWriteType: "Sometimes" }] }] }, null, 2));
    oneLine(await runMain(["simulate", "--action", "s3:GetObject", "--config", json]), 1, /cfg\.json:7:28: trails\[0\]\.EventSelectors\[0\]\.ReadWriteType/);
    const yaml = file("cfg.yaml", "trails:\n  - Name: t\n    IsMultiRegionTrail: maybe\n");
    oneLine(await runMain(["simulate", "--action", "s3:GetObject", "--config", yaml]), 1, /cfg\.yaml:3:25: trails\[0\]\.IsMultiRegionTrail/);
    const broken = file("broken.json", '{"trails": [\n  {"Name": "t"\n  ]}');
    oneLine(await runMain(["simulate", "--action", "s3:GetObject", "--config", broken]), 1, /broken\.json:3:\d+: not valid JSON/);
  });

  it("drill --retention 0.8 --topic nope exits 2 and saves nothing", async () => {
    const data = mkdtempSync(join(dir, "data-"));
    const r = await runMain(["drill", "--retention", "0.8", "--topic", "nope"], { env: { CLOUDTRAIL_TUTOR_DATA: data } });
    expect(r.code).toBe(2);
    const bad = await runMain(["drill", "--retention", "0.8", "--limit", "0"], { env: { CLOUDTRAIL_TUTOR_DATA: data } });
    expect(bad.code).toBe(2);
    const store = SqliteStore.open(data);
    try {
      expect(store.settings()).toEqual({});
    } finally {
      store.close();
    }
  });
});

describe("lint's near-duplicate check", () => {
  it("3,000 copies of one scenario: fast, and the output is capped", () => {
    const pack = shippedPack();
    const base = pack.scenarios[0]!;
    const scenarios = Array.from({ length: 3000 }, (_, i) => ({ ...base, id: `copy-${i}`, requirement: `${base.requirement} variant${i % 7}` }));
    const t0 = performance.now();
    const problems = lintPack({ ...pack, scenarios });
    const ms = performance.now() - t0;
    const dups = problems.filter((p) => p.code === "NEAR_DUPLICATE_SCENARIO");
    expect(dups).toHaveLength(MAX_NEAR_DUPLICATES + 1);
    expect(dups.at(-1)!.message).toMatch(/and 2974 more near-duplicate scenarios/);
    expect(ms).toBeLessThan(3000);
  });
});
