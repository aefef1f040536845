// Every screen's keys, in one place: the hint bar and the `?` overlay read them without loading the
// screen itself (most screens are loaded on first use).
import type { KeyHelp } from "../key-help.js";
import type { ScreenName } from "../screen-props.js";

export const SCREEN_KEYS: Record<ScreenName, KeyHelp> = {
  drill: [
    ["1–4 / ↑ ↓ Enter", "answer"],
    ["Space / Enter", "reveal · accept the proposed rating"],
    ["1 2 3 4", "rate Again / Hard / Good / Easy"],
    ["u", "undo the last rating"],
    ["Enter", "show a card rated Again before its step ends"],
    ["↑ ↓", "scroll feedback"],
  ],
  exam: [
    ["1–9", 'answer (change any time; toggles for "Choose two")'],
    ["↑ ↓ Enter", "move to a choice and pick it"],
    ["← → / p n", "previous / next question"],
    ["f", "flag for review"],
    ["r / s", "review list; s there submits"],
    ["Space", "pause / resume (the question is hidden)"],
    ["Esc / q", "submit now / keep going / abandon"],
    ["f m", "results: all / missed / flagged · retake missed"],
  ],
  help: [],
  home: [
    ["↑ ↓ / j k", "move"],
    ["Enter", "open"],
    ["1–8", "open by number"],
  ],
  quiz: [
    ["1–4 / ↑ ↓ Enter", "answer"],
    ["1–5 / Space, Enter", "Choose two/three: toggle, then submit"],
    ["Enter / Space", "continue"],
    ["↑ ↓", "scroll long feedback"],
    ["Esc / q", "abandon (asks first)"],
    ["r", "retry missed (at the end)"],
  ],
  search: [
    ["type", "search"],
    ["↑ ↓", "choose a hit"],
    ["Enter", "open it"],
  ],
  simulate: [
    ["type / Enter", "find and pick an action"],
    ["p", "next configuration preset"],
    ["g", "next Region"],
    ["v / d", "via VPC endpoint / denied by its policy"],
    ["e / c", "next error code / caller"],
    ["i", "Insights model for this action"],
    ["a", "pick another action"],
    ["↑ ↓", "scroll"],
  ],
  stats: [["↑ ↓ / j k", "scroll"]],
  study: [
    ["1–4 / ← →", "switch page"],
    ["↑ ↓ / j k", "scroll"],
    ["n / p", "next / previous service"],
  ],
};
