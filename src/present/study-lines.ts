// The study browser's pages as plain lines for a given width, so the screen only scrolls a window
// over them (and never draws taller than the terminal). Pure; tested directly.
import type { Pack } from "../content/index.js";
import { blank, fitCols, padCols, para, wrapText, type Line } from "./lines.js";

export type { Line };

export const STUDY_TABS = ["Event types", "Services", "Decision tree", "Must memorize"] as const;
export type StudyTab = 0 | 1 | 2 | 3;

/** The four event types side by side when there is room (≥ 100 columns), else one after another. */
export function eventTypeLines(pack: Pack, width: number): Line[] {
  const rows: Array<[string, (e: Pack["eventTypes"][number]) => string]> = [
    ["Default", (e) => (e.defaultState === "on" ? "ON by default" : "OPT-IN (off by default)")],
    ["What", (e) => e.what],
    ["Cost", (e) => e.cost],
    ["Event History", (e) => (e.inEventHistory ? "Yes — last 90 days, free" : "No")],
  ];
  const types = pack.eventTypes;
  if (width >= 96 && types.length > 0) {
    const gap = 2;
    const col = Math.floor((width - gap * (types.length - 1)) / types.length);
    const join = (cells: string[][]): Line[] => {
      const h = Math.max(...cells.map((c) => c.length));
      const out: Line[] = [];
      for (let i = 0; i < h; i++)
        out.push({
          text: cells
            .map((c) => padCols(c[i] ?? "", col))
            .join(" ".repeat(gap))
            .trimEnd(),
        });
      return out;
    };
    const out: Line[] = [
      {
        text: types
          .map((e) => fitCols(e.name, col, true))
          .join(" ".repeat(gap))
          .trimEnd(),
        bold: true,
      },
    ];
    for (const [label, get] of rows) {
      out.push(blank, { text: label, tone: "accent" });
      out.push(...join(types.map((e) => wrapText(get(e), col))));
    }
    return out;
  }
  const out: Line[] = [];
  for (const e of types) {
    out.push({ text: e.name, bold: true });
    for (const [label, get] of rows) out.push(...para(`${label}: ${get(e)}`, width, {}, "  "));
    out.push(blank);
  }
  return out;
}

/** One service card: what it does and, just as important for the exam, what it does not. */
export function serviceLines(pack: Pack, index: number, width: number): Line[] {
  const s = pack.services[index];
  if (!s) return [{ text: "No services in this pack." }];
  return [
    { text: s.name, bold: true },
    ...para(s.summary, width),
    blank,
    { text: "Does", tone: "good" },
    ...s.does.flatMap((d) => para(`✓ ${d}`, width, {}, "  ")),
    blank,
    { text: "Does not", tone: "bad" },
    ...s.doesNot.flatMap((d) => para(`✗ ${d}`, width, {}, "  ")),
  ];
}

/** The decision tree drawn as a tree, each branch naming the option it leads to. */
export function decisionTreeLines(pack: Pack, width: number): Line[] {
  const out: Line[] = [];
  for (const tree of pack.decisionTrees) {
    out.push({ text: tree.title, bold: true }, blank);
    tree.steps.forEach((step, i) => {
      const last = i === tree.steps.length - 1;
      out.push({ text: `${i === 0 ? "┌" : last ? "└" : "├"}─ ${step.label}`, tone: "accent", bold: true });
      const rail = last ? "   " : "│  ";
      out.push(...para(step.text, width, {}, rail));
      step.branches.forEach((b, j) => {
        const name = b.option ? pack.options.get(b.option)?.name : undefined;
        const label = (name && !b.label.toLowerCase().includes(name.toLowerCase()) ? `${b.label} (${name})` : b.label) + (b.text ? ` — ${b.text}` : "");
        out.push(...para(`${j === step.branches.length - 1 ? "└" : "├"}─ ${label}`, width, {}, rail + "  "));
      });
      if (!last) out.push({ text: "│" });
    });
    out.push(blank);
  }
  return out.length ? out : [{ text: "No decision tree in this pack." }];
}

export function mustMemorizeLines(pack: Pack, width: number): Line[] {
  const out: Line[] = [{ text: "Must memorize", bold: true }, blank];
  pack.meta.mustMemorize.forEach((m, i) => out.push(...para(`${i + 1}. ${m}`, width), blank));
  return out;
}
