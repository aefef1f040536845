// `--only FILE` on quiz, exam and drill, and the commands the tool suggests (retry the missed ones,
// study ahead) keeping the learner's own flags: the same pack, content, topic and kinds.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../tmp.js";
import { commandLine } from "../../src/commands/learner-pack.js";
import { runMain } from "./run-main.js";
import { scenarioYaml } from "../content/scenario-yaml.js";

const temp = (prefix: string) => tempDir(prefix);

const scenario = (id: string) =>
  scenarioYaml({
    id,
    domain: "class-logging",
    topic: "class-calls",
    requirement: `Which service records who called which API, case ${id}?`,
    keywords: ["who called"],
    tag: id,
  });

/** A pack of five scenarios: three in `first.yaml`, two in `second.yaml`. */
function classPack(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = temp("only-pack-");
  writeFileSync(
    join(dir, "pack.yaml"),
    "pack:\n  id: class-pack\n  title: Class pack\n  domains:\n    - { id: class-logging, name: Logging }\n  topics:\n    - { id: class-calls, name: API calls }\n",
  );
  writeFileSync(join(dir, "first.yaml"), `scenarios:\n${scenario("f1")}${scenario("f2")}${scenario("f3")}`);
  writeFileSync(join(dir, "second.yaml"), `scenarios:\n${scenario("s1")}${scenario("s2")}`);
  return { dir, env: { CLOUDTRAIL_TUTOR_DATA: temp("only-data-"), CLOUDTRAIL_TUTOR_CACHE: "off" } };
}

/** A printed command line back into argv (the words this tool prints: plain or single-quoted). */
function argv(line: string): string[] {
  return [...line.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]!)).slice(1);
}

describe("--only FILE", () => {
  it("exam asks only the file's items", async () => {
    const { dir, env } = classPack();
    const r = await runMain(["--content", dir, "exam", "--only", join(dir, "first.yaml"), "--json"], { input: "1\n1\n1\n1\n1\n", env });
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.total).toBe(3);
    expect([...doc.missed].every((id: string) => /^scenario:f\d$/.test(id))).toBe(true);
  });

  it("drill offers only the file's cards, and its study-ahead hint keeps the flags", async () => {
    const { dir, env } = classPack();
    const only = join(dir, "second.yaml");
    const r = await runMain(["--content", dir, "drill", "--only", only, "--json"], { input: "1\n1\n1\n1\n1\n", env });
    expect(r.code, r.err).toBe(0);
    // Its two cards are the only new ones (a card answered wrong comes back in the session).
    expect(JSON.parse(r.out)).toMatchObject({ new: 2 });
    expect(r.err).not.toMatch(/case f\d/);
    // Everything answered and nothing due: the suggestion is the same drill, ahead of schedule.
    const again = await runMain(["--content", dir, "drill", "--only", only], { input: "", env });
    expect(again.out).toContain(`study ahead with 'cloudtrail-tutor drill --content ${dir} --only ${only} --cram'`);
  });
});

describe("the retry command keeps the learner's flags", () => {
  it("quiz: --content, --topic and --kind stay, and running it asks exactly the missed ones", async () => {
    const { dir, env } = classPack();
    const r = await runMain(["--content", dir, "quiz", "--topic", "class-calls", "--kind", "scenario", "--seed", "4", "--count", "5", "--json"], {
      input: "1\n1\n1\n1\n1\n",
      env,
    });
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.missed.length).toBeGreaterThan(0);
    const line = /Retry the missed ones: (.*)/.exec(r.err)![1]!;
    expect(line).toBe(`cloudtrail-tutor quiz --content ${dir} --topic class-calls --kind scenario --seed 4 --ids ${doc.missed.join(",")}`);
    const retry = await runMain([...argv(line), "--json"], { input: "1\n1\n1\n1\n1\n", env });
    expect(retry.code, retry.err).toBe(0);
    expect(JSON.parse(retry.out).total).toBe(doc.missed.length);
  });

  it("quiz --only FILE: the retry keeps --only and asks the file's missed ones, not the whole file", async () => {
    const { dir, env } = classPack();
    const only = join(dir, "first.yaml");
    const r = await runMain(["--content", dir, "quiz", "--only", only, "--seed", "2", "--json"], { input: "1\n1\n1\n", env });
    const doc = JSON.parse(r.out);
    expect(doc.missed.length).toBeGreaterThan(0);
    const line = /Retry the missed ones: (.*)/.exec(r.err)![1]!;
    expect(line).toContain(`--only ${only}`);
    const retry = await runMain([...argv(line), "--json"], { input: "1\n1\n1\n", env });
    expect(JSON.parse(retry.out).total).toBe(doc.missed.length);
  });

  it("names the chosen packs, the data directory given as a flag and --plain, quoting what a shell would split", () => {
    const ctx = {
      globals: { content: ["my packs/a"], packs: ["gd", "cloudtrail"], dataDir: "/tmp/d", plain: true, color: false, screenReader: false, debug: false },
      env: {},
    };
    expect(commandLine(ctx, "quiz", { topic: "t", kind: ["scenario", "trap"], typed: true, seed: undefined })).toBe(
      "cloudtrail-tutor quiz --pack gd --pack cloudtrail --content 'my packs/a' --data-dir /tmp/d --plain --topic t --kind scenario --kind trap --typed",
    );
    expect(commandLine({ ...ctx, env: { CLOUDTRAIL_TUTOR_DATA: "/tmp/d" } }, "drill", {})).not.toContain("--data-dir");
  });
});
