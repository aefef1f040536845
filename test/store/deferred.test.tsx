// The store opened after the first frame: nothing recorded before it opens is lost, and screens
// that need it wait for it.
import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { DeferredProgress } from "../../src/store/deferred.js";
import { MemoryProgress, type ProgressPort } from "../../src/store/port.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { App } from "../../src/ui/App.js";
import { frameShows, shippedPack } from "../ui/helpers.js";

const attempt = { kind: "quiz" as const, startedAt: new Date(0), finishedAt: new Date(1), score: 1, total: 2, answers: [] };

describe("DeferredProgress", () => {
  it("keeps attempts made before the store opens and writes them when it does", async () => {
    let open!: (p: ProgressPort) => void;
    const inner = new MemoryProgress();
    const d = new DeferredProgress(new Promise((r) => (open = r)));
    d.recordAttempt(attempt);
    expect(d.attempts()).toHaveLength(1);
    open(inner);
    await d.ready;
    expect(inner.attempts()).toEqual([attempt]);
  });

  it("closes the store once it opens when the session ended first", async () => {
    let closed = 0;
    const d = new DeferredProgress(Promise.resolve(Object.assign(new MemoryProgress(), { close: () => void closed++ })));
    d.close();
    await d.ready;
    expect(closed).toBe(1);
  });

  it("the Drill screen waits for the store, and says why when it could not be opened", async () => {
    const store = SqliteStore.open(":memory:");
    let open!: (p: ProgressPort) => void;
    const d = new DeferredProgress(new Promise((r) => (open = r)));
    const { lastFrame, unmount } = render(
      <App pack={shippedPack()} progress={d} color={false} size={{ width: 100, height: 30 }} screen="drill" params={{ limit: 1 }} />,
    );
    await frameShows(lastFrame, "Opening your progress…");
    open({ recordAttempt: () => {}, attempts: () => [], study: store });
    await frameShows(lastFrame, "Drill · card 1 of 1");
    unmount();
    store.close();

    const broken = new DeferredProgress(Promise.resolve(new MemoryProgress()), () => "the progress store x is damaged");
    const r = render(<App pack={shippedPack()} progress={broken} color={false} size={{ width: 100, height: 30 }} screen="drill" />);
    await frameShows(r.lastFrame, "the progress store x is damaged");
    r.unmount();
  });
});

describe("DeferredProgress when opening fails outright", () => {
  it("goes on in memory and says why", async () => {
    const d = new DeferredProgress(Promise.reject(new Error("native module not found")));
    await d.ready;
    d.recordAttempt(attempt);
    expect(d.attempts()).toHaveLength(1);
    expect(d.study).toBeUndefined();
    expect(d.problem).toContain("native module not found");
  });
});
