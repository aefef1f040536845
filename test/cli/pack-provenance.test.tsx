// Each question says which pack it came from: "from pack ID" under the feedback (plain and TUI) when
// more than one pack is loaded, and always as `pack` in quiz/exam --json and in search --json hits.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { tempDir } from "../tmp.js";
import { loadContent } from "../../src/content/load.js";
import { buildQuiz } from "../../src/quiz/index.js";
import { MemoryProgress } from "../../src/store/port.js";
import { App } from "../../src/ui/App.js";
import { frameShows, loaded, press } from "../ui/helpers.js";
import { runMain } from "./run-main.js";
import { scenarioYaml } from "../content/scenario-yaml.js";

const temp = (prefix: string) => tempDir(prefix);

function classPack(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = temp("provenance-pack-");
  writeFileSync(join(dir, "pack.yaml"), "pack:\n  id: class-pack\n  title: Class pack\n  domains:\n    - { id: class-logging, name: Logging }\n");
  writeFileSync(
    join(dir, "scenarios.yaml"),
    `scenarios:\n${scenarioYaml({ id: "class-who-called", domain: "class-logging", requirement: "Which service records which principal called DeleteBucket in the class account?", keywords: ["which principal"] })}`,
  );
  return { dir, env: { CLOUDTRAIL_TUTOR_DATA: temp("provenance-data-"), CLOUDTRAIL_TUTOR_CACHE: "off" } };
}

describe("the pack a question comes from", () => {
  it("is set on every question built, from the pack.yaml of the item's folder", () => {
    const { dir } = classPack();
    const { pack } = loadContent({ paths: [dir], includeShipped: true });
    const qs = buildQuiz(pack, { count: 10_000, seed: 1 });
    expect(qs.find((q) => q.id === "scenario:class-who-called")?.pack).toBe("class-pack");
    const shipped = qs.filter((q) => q.id !== "scenario:class-who-called");
    expect(shipped.length).toBeGreaterThan(100);
    expect(new Set(shipped.map((q) => q.pack))).toEqual(new Set(["cloudtrail"]));
  });

  it("shows under the plain feedback only when more than one pack is loaded", async () => {
    const { dir, env } = classPack();
    const args = ["quiz", "--ids", "scenario:class-who-called"];
    const two = await runMain(["--pack", "cloudtrail", "--content", dir, ...args], { input: "1\n", env });
    expect(two.code, two.err).toBe(0);
    expect(two.out).toContain("from pack class-pack");
    const one = await runMain(["--content", dir, ...args], { input: "1\n", env });
    expect(one.code, one.err).toBe(0);
    expect(one.out).toContain("Explanation: CloudTrail records the principal");
    expect(one.out).not.toContain("from pack");
  });

  it("is always in quiz and exam --json, and in search --json hits", async () => {
    const { dir, env } = classPack();
    const quiz = JSON.parse((await runMain(["--content", dir, "quiz", "--json"], { input: "1\n", env })).out);
    expect(quiz.pack).toEqual({ "scenario:class-who-called": "class-pack" });
    const exam = JSON.parse((await runMain(["--content", dir, "exam", "--json"], { input: "1\n", env })).out);
    expect(exam.pack).toEqual({ "scenario:class-who-called": "class-pack" });
    const hits = JSON.parse(
      (await runMain(["--pack", "cloudtrail", "--content", dir, "search", "principal called DeleteBucket", "--json"], { env })).out,
    ) as Array<{ id: string; pack?: string }>;
    expect(hits.find((h) => h.id === "class-who-called")?.pack).toBe("class-pack");
    expect(hits.filter((h) => h.id !== "class-who-called").every((h) => h.pack === "cloudtrail")).toBe(true);
  });

  it("shows on the Quiz screen's feedback with two packs loaded", async () => {
    const { dir } = classPack();
    const { pack } = loadContent({ paths: [dir], includeShipped: true });
    const questions = buildQuiz(pack, { onlyIds: ["scenario:class-who-called"], seed: 3, count: 1 });
    const right = String(questions[0]!.choices.findIndex((c) => c.correct) + 1);
    const { lastFrame, stdin, unmount } = render(
      <App pack={pack} progress={new MemoryProgress()} color={false} size={{ width: 100, height: 60 }} screen="quiz" params={{ questions }} />,
    );
    await loaded(lastFrame);
    await press(stdin, right);
    const f = await frameShows(lastFrame, "Correct:");
    expect(f).toContain("from pack class-pack");
    unmount();
  });
});
