// Ranking a learner agrees with: the seed's keyword phrases (and a few of their own words) find the
// item that answers them first. Typing, typos and the screen.
import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { buildIndex, search, tokenize } from "../../src/search/index.js";
import { MemoryProgress } from "../../src/store/port.js";
import { App } from "../../src/ui/App.js";
import { KEY, press, shippedPack, type, loaded } from "../ui/helpers.js";

const pack = shippedPack();
const index = buildIndex(pack);

const TABLE: Array<[query: string, first: string]> = [
  ["spike in API call rate", "scenario:spike-in-api-call-rate"],
  ["who did what", "scenario:who-made-api-call"],
  ["object-level read", "scenario:object-level-activity-sensitive-bucket"],
  ["denied at VPC endpoint", "scenario:denied-at-vpc-endpoint"],
  ["ad-hoc SQL over a year", "scenario:ad-hoc-sql-over-a-year"],
  ["unusual error rates", "scenario:error-rate-spike"],
  ["threat intelligence", "scenario:crypto-mining-instance"],
  ["log file integrity", "service:log-file-validation"],
  ["organization trail", "service:organization-trail"],
  ["kms decrypt", "action:kms:Decrypt"],
  ["getobject", "action:s3:GetObject"],
  ["cloudtrail insigts", "service:cloudtrail-insights"],
  ["first copy free", "scenario:first-copy-free"],
  ["lambda invok", "action:lambda:Invoke"],
  ["network activity", "event-type:network-activity-events"],
];

describe("search ranking", () => {
  it.each(TABLE)("%j → %s first", (query, first) => {
    const hits = search(index, query, 5);
    expect(hits.length).toBeGreaterThan(0);
    expect(`${hits[0]!.kind}:${hits[0]!.id}`).toBe(first);
  });

  it("stems and drops stop words", () => {
    expect(tokenize("Who made the API calls?")).toEqual(["made", "api", "call"]);
  });

  it("finds nothing for nonsense, and returns each item once", () => {
    expect(search(index, "zzzqqq")).toEqual([]);
    const hits = search(index, "trail events", 50);
    expect(new Set(hits.map((h) => `${h.kind}:${h.id}`)).size).toBe(hits.length);
  });
});

describe("Search screen", () => {
  it("updates on every keystroke, shows kinds, and opens a scenario as a one-question quiz", async () => {
    const { lastFrame, stdin, unmount } = render(
      <App pack={pack} progress={new MemoryProgress()} color={false} size={{ width: 100, height: 30 }} screen="search" />,
    );
    await loaded(lastFrame);
    await press(stdin);
    await type(stdin, "denied at vpc");
    expect(lastFrame()).toMatch(/scenario +Detect denied access attempts/);
    expect(lastFrame()).not.toContain("denied-at-vpc-endpoint");
    await type(stdin, " endpoint");
    await press(stdin, KEY.enter);
    await loaded(lastFrame);
    expect(lastFrame()).toContain("question 1 of 1");
    unmount();
  });
});
