// drill, stats, export and import from the command line, on a temporary data directory.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runMain } from "./run-main.js";
import { tempDir } from "../tmp.js";

const fresh = () => tempDir("ctt-drill-");

describe("drill --plain", () => {
  it("drills, remembers, and stats --json agrees with the log", async () => {
    const data = fresh();
    const env = { CLOUDTRAIL_TUTOR_DATA: data };
    const r = await runMain(["drill", "--limit", "10", "--json", "--seed", "1"], { input: "1\n2\n1\n3\n1\n2\n1\n1\n2\n1\n", env });
    expect(r.code).toBe(0);
    const end = JSON.parse(r.out);
    expect(end).toMatchObject({ answered: 10, new: 10 });
    const stats = JSON.parse((await runMain(["stats", "--json"], { env })).out);
    expect(stats.totalReviews).toBe(10);
    expect(stats.reviewsToday).toBe(10);
    expect(stats.streakDays).toBe(1);
    expect(stats.byDomain.reduce((n: number, d: { reviews: number }) => n + d.reviews, 0)).toBeLessThanOrEqual(10);
    for (const k of ["totalReviews", "reviewsToday", "dueToday", "streakDays", "forecast", "byDomain", "leeches", "misconceptions"])
      expect(stats).toHaveProperty(k);
    // The next session starts where this one stopped: no card is new twice.
    const again = JSON.parse((await runMain(["drill", "--limit", "5", "--json", "--new-per-day", "12"], { input: "1\n1\n1\n1\n1\n", env })).out);
    expect(again.new).toBe(2);
    expect(JSON.parse((await runMain(["stats", "--json", "--rebuild"], { env })).out).totalReviews).toBe(10 + again.answered);
  });

  it("remembers the exam date and refuses a malformed one", async () => {
    const env = { CLOUDTRAIL_TUTOR_DATA: fresh() };
    expect((await runMain(["drill", "--exam-date", "2026-13-40"], { env })).code).toBe(2);
    await runMain(["drill", "--exam-date", "2027-01-15", "--limit", "1", "--json"], { input: "1\n", env });
    expect(JSON.parse((await runMain(["stats", "--json"], { env })).out).examDate).toBe("2027-01-15");
  });

  it("a corrupt store stops drill with a clear message and exit 1, and quiz still runs with a warning", async () => {
    const data = fresh();
    writeFileSync(join(data, "progress.db"), "garbage garbage garbage garbage");
    const env = { CLOUDTRAIL_TUTOR_DATA: data };
    const d = await runMain(["drill"], { env });
    expect(d.code).toBe(1);
    expect(d.err).toContain("is not a progress database");
    expect(d.err).toContain("stats --reset");
    const q = await runMain(["quiz", "--count", "1", "--json"], { input: "1\n", env });
    expect(q.code).toBe(0);
    expect(q.err).toContain("will not be saved");
    expect(readFileSync(join(data, "progress.db"), "utf8")).toBe("garbage garbage garbage garbage");
    const reset = await runMain(["stats", "--reset"], { env });
    expect(reset.out).toContain("Set the damaged store aside");
    expect((await runMain(["drill", "--limit", "1", "--json"], { input: "1\n", env })).code).toBe(0);
  });
});

describe("export and import", () => {
  it("round-trips progress and never duplicates a review", async () => {
    const a = { CLOUDTRAIL_TUTOR_DATA: fresh() };
    await runMain(["drill", "--limit", "4", "--json"], { input: "1\n1\n1\n1\n", env: a });
    const file = join(fresh(), "p.json");
    expect((await runMain(["export", "progress", "--out", file], { env: a })).code).toBe(0);
    const b = { CLOUDTRAIL_TUTOR_DATA: fresh() };
    expect((await runMain(["import", "progress", file], { env: b })).out).toContain("Imported 4 new reviews");
    expect((await runMain(["import", "progress", file], { env: b })).out).toContain("Imported 0 new reviews");
    expect(JSON.parse((await runMain(["stats", "--json"], { env: b })).out).totalReviews).toBe(4);
  });

  it("exports Anki TSV and the FSRS review CSV to stdout", async () => {
    const anki = await runMain(["export", "anki"]);
    expect(anki.out.split("\n")[0]).toBe("#separator:tab");
    const env = { CLOUDTRAIL_TUTOR_DATA: fresh() };
    await runMain(["drill", "--limit", "1", "--json"], { input: "1\n", env });
    expect((await runMain(["export", "reviews"], { env })).out).toMatch(/^card_id,review_time,review_rating,review_state,review_duration\n\d+,/);
  });
});

describe("validate and drill history", () => {
  it("warns an author that changing a drilled card's answer restarts its history", async () => {
    const data = fresh();
    const env = { CLOUDTRAIL_TUTOR_DATA: data };
    const content = fresh();
    const scenario = (answer: string, kind = "event-type", options = ["data-events", "insights-events", "network-activity-events"]) => `scenarios:
  - id: author-card
    domain: logging-monitoring
    requirement: Which event type shows who deleted the bucket?
    keywords: [who deleted]
    answer: ${answer}
    distractors:
      - { option: ${options[0]}, why: Bucket deletion is a control-plane call }
      - { option: ${options[1]}, why: One deletion is not a rate anomaly }
      - { option: ${options[2]}, why: No VPC endpoint is involved }
    explanation: DeleteBucket is a management event.
    source: "seed: 2.1"
    answerKind: ${kind}
`;
    writeFileSync(join(content, "mine.yaml"), scenario("management-events"));
    await runMain(["drill", "--content", content, "--topic", "logging-monitoring", "--limit", "200", "--new-per-day", "1000", "--json"], {
      input: "1\n".repeat(200),
      env,
    });
    expect((await runMain(["validate", content], { env })).out).not.toContain("ANSWER_CHANGED");
    writeFileSync(join(content, "mine.yaml"), scenario("cloudtrail-event-history", "service", ["cloudtrail-trail", "cloudtrail-insights", "cloudtrail-lake"]));
    const r = await runMain(["validate", content, "--json"], { env });
    expect(JSON.parse(r.out).warnings).toContainEqual(expect.objectContaining({ code: "ANSWER_CHANGED", line: 2 }));
  }, 90_000); // drills, edits the pack and validates twice: several full loads of the shipped pack
});
