// One `--seed`, two drivers: the Quiz screen and plain mode (TERM=dumb, still at a terminal, so it
// asks the why step) must ask the same question and the same "why does your pick fail?" step, with
// the reasons in the same order, as the shared reducer does for that seed.
import { afterEach, describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.js";
import { buildQuiz } from "../../src/quiz/build.js";
import { quizReducer, startFlow } from "../../src/quiz/flow.js";
import { haveTmux, startTerminal, type Terminal } from "./tmux.js";

const terms: Terminal[] = [];
afterEach(() => {
  for (const t of terms.splice(0)) t.kill();
});

const WIDTH = 220;
/** The screen with wrapped lines joined (a long reason stays one line). */
const joined = (t: Terminal) => t.tmux("capture-pane", "-p", "-J", "-t", "t");
const flat = (s: string) => s.replace(/\s+/g, " ").trim();

/** The why step on a screen: its prompt and its numbered reasons, in order. */
function whyStep(screen: string): { prompt: string; reasons: string[] } {
  const at = screen.lastIndexOf("Why does ");
  const lines = screen.slice(at).split("\n");
  const reasons = lines.map((l) => /^\s+\d\. (.+?)\s*$/.exec(l)?.[1]).filter((r): r is string => r !== undefined);
  return { prompt: lines[0]!.trim(), reasons };
}

describe.skipIf(!haveTmux())("the same --seed in the TUI and in plain mode (tmux)", () => {
  it("asks the same question and the same why step, reasons in the same order", async () => {
    const { pack } = loadContent({});
    // A seed whose first scenario question is missed by picking option 1 and has a why step.
    const seed = ["1", "2", "3", "4", "5", "6", "7", "8", "9"].find((s) => {
      const [q] = buildQuiz(pack, { seed: s, count: 1, kinds: ["scenario"] });
      const flow = quizReducer(pack, startFlow([q!], { typed: false, now: 0, seed: s }), { type: "pick", index: 0, now: 0 });
      return flow.why !== undefined;
    })!;
    expect(seed).toBeDefined();
    const [q] = buildQuiz(pack, { seed, count: 1, kinds: ["scenario"] });
    const expected = quizReducer(pack, startFlow([q!], { typed: false, now: 0, seed }), { type: "pick", index: 0, now: 0 }).why!;

    const args = ["quiz", "--seed", seed, "--count", "1", "--kind", "scenario"];
    const tui = startTerminal(args, { width: WIDTH, height: 40 });
    const plain = startTerminal(args, { width: WIDTH, height: 40, env: { TERM: "dumb" } });
    terms.push(tui, plain);

    await tui.waitFor("question 1 of 1");
    await plain.waitFor("answer (1-");
    for (const t of [tui, plain]) expect(flat(joined(t))).toContain(flat(q!.prompt));
    tui.send("1");
    plain.send("1", "Enter");
    await tui.waitFor(/Pick the reason/);
    await plain.waitFor(/blank to skip\)>/);

    const onScreen = whyStep(joined(tui));
    const inPlain = whyStep(joined(plain));
    expect(onScreen.reasons).toEqual(expected.reasons.map((r) => r.text));
    expect(inPlain.reasons).toEqual(onScreen.reasons);
    expect(inPlain.prompt).toBe(onScreen.prompt);
  }, 60_000);
});
