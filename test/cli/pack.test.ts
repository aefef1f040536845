// An instructor's pack in a git repository: added, listed, studied alone (quiz, exam, drill, stats
// see only its items, its pass mark and domains), updated from its origin, exported by three
// learners and reported on, then removed.
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../tmp.js";
import { runMain } from "./run-main.js";

const FIXTURE = join(import.meta.dirname, "../fixtures/packs/guardduty-basics");
const tmp = (prefix: string) => tempDir(prefix);

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=Instructor", "-c", "user.email=i@example.com", "-c", "init.defaultBranch=main", ...args], { cwd, stdio: "pipe" });
let hasGit = true;
try {
  execFileSync("git", ["--version"], { stdio: "ignore" });
} catch {
  hasGit = false;
}

describe.skipIf(!hasGit)("an instructor's pack from a git repository", () => {
  it("is added, studied alone, updated, reported on and removed", async () => {
    const repo = tmp("ctt-pack-repo-");
    cpSync(FIXTURE, repo, { recursive: true });
    git(repo, "init", "-q");
    git(repo, "add", ".");
    git(repo, "commit", "-qm", "first version");
    const data = tmp("ctt-pack-data-");
    const env = { CLOUDTRAIL_TUTOR_DATA: data, CLOUDTRAIL_TUTOR_CACHE: "off" };
    const url = `file://${repo}`;

    const add = await runMain(["pack", "add", url], { env });
    expect(add.code, add.err).toBe(0);
    expect(add.out).toContain("Added pack 'guardduty-basics' 1.0.0");
    const list = JSON.parse((await runMain(["pack", "list", "--json"], { env })).out);
    expect(list.packs.map((p: { id: string }) => p.id)).toEqual(["cloudtrail", "guardduty-basics"]);
    expect(list.packs[1]).toMatchObject({ version: "1.0.0", origin: url, kind: "git", chosen: false });
    expect((await runMain(["pack", "add", url], { env })).err).toMatch(/already installed.*pack update guardduty-basics/s);

    // Studied alone: only its three scenarios, its pass mark and domains.
    const quiz = await runMain(["quiz", "--pack", "guardduty-basics", "--count", "10", "--seed", "1", "--json"], { env, input: "1\n2\n3\n" });
    expect(quiz.code, quiz.err).toBe(0);
    const q = JSON.parse(quiz.out);
    expect(q.total).toBe(3);
    expect([...q.correct, ...q.missed].every((id: string) => id.startsWith("scenario:gd-"))).toBe(true);
    expect(Object.keys(q.byDomain).sort()).toEqual(["gd-data", "gd-detection"]);
    const exam = JSON.parse((await runMain(["exam", "--pack", "guardduty-basics", "--seed", "2", "--json"], { env, input: "\n\n\n" })).out);
    expect(exam.total).toBe(3);
    expect(exam.passMark).toBe(0.7);
    expect(Object.keys(exam.byDomain).sort()).toEqual(["gd-data", "gd-detection"]);

    // Remembered choice: pack use makes it the default for every learner command.
    expect((await runMain(["pack", "use", "guardduty-basics"], { env })).code).toBe(0);
    const drill = await runMain(["drill", "--limit", "50", "--json"], { env, input: "1\n".repeat(50) });
    expect(drill.code, drill.err).toBe(0);
    // Only its three cards are new; cards answered wrong come back in the session (learning steps).
    expect(JSON.parse(drill.out).new).toBe(3);
    const stats = JSON.parse((await runMain(["stats", "--json"], { env })).out);
    expect(JSON.stringify(stats)).not.toContain("logging-monitoring");
    const search = JSON.parse((await runMain(["search", "passport", "--json"], { env })).out);
    expect(search[0].id).toBe("gd-find-pii-in-s3");
    expect((await runMain(["pack", "use", "--reset"], { env })).code).toBe(0);
    expect(JSON.parse((await runMain(["quiz", "--count", "30", "--seed", "1", "--json"], { env, input: "\n".repeat(30) })).out).total).toBe(30);

    // Update from the origin: a new version in the repository.
    writeFileSync(join(repo, "pack.yaml"), readFileSync(join(repo, "pack.yaml"), "utf8").replace("version: 1.0.0", "version: 1.1.0"));
    git(repo, "commit", "-qam", "1.1.0");
    const up = await runMain(["pack", "update", "guardduty-basics"], { env });
    expect(up.out).toContain("Updated pack 'guardduty-basics' from 1.0.0 to 1.1.0.");

    // Three learners of the class: each adds the pack, takes the same quiz, exports their answers.
    const files: string[] = [];
    const out = tmp("ctt-pack-class-");
    for (const [n, answers] of ["1\n1\n1\n", "2\n2\n2\n", "3\n3\n3\n"].entries()) {
      const learner = { CLOUDTRAIL_TUTOR_DATA: tmp("ctt-pack-learner-"), CLOUDTRAIL_TUTOR_CACHE: "off" };
      expect((await runMain(["pack", "add", url], { env: learner })).code).toBe(0);
      await runMain(["quiz", "--pack", "guardduty-basics", "--seed", "3", "--json"], { env: learner, input: answers });
      files.push(join(out, `l${n}.csv`));
      expect((await runMain(["export", "attempts", "--pack", "guardduty-basics", "--learner", `s${n}`, "--out", files[n]!], { env: learner })).code).toBe(0);
    }
    expect(readFileSync(files[0]!, "utf8")).toMatch(/\ns0,guardduty-basics,1\.1\.0,scenario:gd-/);
    const report = JSON.parse((await runMain(["report", "items", "--pack", "guardduty-basics", ...files, "--json"], { env })).out);
    expect(report.learners).toBe(3);
    expect(report.items.map((i: { item: string }) => i.item).sort()).toEqual([
      "scenario:gd-cve-on-instances",
      "scenario:gd-find-pii-in-s3",
      "scenario:gd-one-view-of-findings",
    ]);
    expect(report.items.every((i: { learners: number; distractors: unknown[] }) => i.learners === 3 && i.distractors.length === 3)).toBe(true);

    const removed = await runMain(["pack", "remove", "guardduty-basics"], { env });
    expect(removed.code).toBe(0);
    expect((await runMain(["quiz", "--pack", "guardduty-basics"], { env })).err).toMatch(/no pack 'guardduty-basics' is installed/);
  }, 90_000); // a git clone, three learners and a report: a dozen CLI runs in one process

  it("adds a .tgz and refuses a pack with errors, a missing version or a newer tutor", async () => {
    const data = tmp("ctt-pack-data-");
    const env = { CLOUDTRAIL_TUTOR_DATA: data, CLOUDTRAIL_TUTOR_CACHE: "off" };
    const work = tmp("ctt-pack-tgz-");
    cpSync(FIXTURE, join(work, "guardduty-basics"), { recursive: true });
    execFileSync("tar", ["czf", join(work, "gd.tgz"), "-C", work, "guardduty-basics"]);
    const add = await runMain(["pack", "add", join(work, "gd.tgz")], { env });
    expect(add.code, add.err).toBe(0);
    expect(JSON.parse((await runMain(["pack", "list", "--json"], { env })).out).packs[1]).toMatchObject({ id: "guardduty-basics", kind: "tgz" });

    const bad = join(work, "bad");
    cpSync(FIXTURE, bad, { recursive: true });
    writeFileSync(
      join(bad, "pack.yaml"),
      readFileSync(join(bad, "pack.yaml"), "utf8").replace("id: guardduty-basics", "id: other-pack").replace('requires: ">=0.1.0"', 'requires: ">=99.0.0"'),
    );
    expect((await runMain(["pack", "add", bad], { env })).err).toMatch(/needs tutor >=99\.0\.0; this is/);
    writeFileSync(join(bad, "pack.yaml"), readFileSync(join(bad, "pack.yaml"), "utf8").replace('requires: ">=99.0.0"', 'requires: ">=0.1.0"'));
    writeFileSync(join(bad, "scenarios.yaml"), readFileSync(join(bad, "scenarios.yaml"), "utf8").replace("answer: macie", "answer: maice"));
    const r = await runMain(["pack", "add", bad], { env });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/UNKNOWN_OPTION/);
    expect(r.err).toMatch(/pack 'other-pack' has 1 error\(s\); nothing was installed/);
    expect((await runMain(["pack", "add", join(work, "nope")], { env })).code).toBe(1);
    expect((await runMain(["pack", "frobnicate"], { env })).code).toBe(2);
  });
});

describe("a pack named relative to the command's own directory", () => {
  it("is studied alone when the command runs elsewhere than the process's directory", async () => {
    const cwd = tempDir("ctt-pack-cwd-");
    cpSync(FIXTURE, join(cwd, "gd"), { recursive: true });
    const r = await runMain(["quiz", "--content", "gd", "--count", "10", "--seed", "1", "--json"], {
      cwd,
      input: "1\n1\n1\n",
      env: { CLOUDTRAIL_TUTOR_CACHE: "off" },
    });
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.total).toBe(3);
    expect(Object.keys(doc.byDomain).sort()).toEqual(["gd-data", "gd-detection"]);
  });
});
