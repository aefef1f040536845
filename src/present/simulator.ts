// The simulator's answers as styled lines: where a call lands and why, the record, coverage of a
// batch, an Insights chart. Shared by `simulate`/`explain` output and the Simulate screen. Pure.
import type { EventCategory } from "../content/index.js";
import type { Coverage, ExplainedRecord, ExplainSummary, InsightsResult, SimResult } from "../simulator/index.js";
import { MARK } from "./tone.js";
import { blank, padCols, para, textWidth, type Line } from "./lines.js";

const CAT: Record<EventCategory, string> = { Management: "Management", Data: "Data", NetworkActivity: "Network activity", Insight: "Insight" };

export function simulationLines(r: SimResult, width: number, opts: { records?: boolean } = {}): Line[] {
  const a = r.action;
  const out: Line[] = [
    { text: `${a.id}  (${a.eventSource} ${a.eventName})`, bold: true },
    ...para(
      `${CAT[a.category]} event at the service · ${a.readOnly ? "read-only" : "write"} · ${a.region}${a.resourceArn ? ` · ${a.resourceArn}` : ""}${a.vpcEndpointId ? ` · via ${a.vpcEndpointId}` : ""}${a.errorCode ? ` · ${a.errorCode}` : ""}`,
      width,
      { tone: "muted" },
    ),
    blank,
  ];
  const dests = [...new Set(["event-history", ...r.recorded.map((p) => p.destination), ...r.notRecorded.map((p) => p.destination)])];
  for (const d of dests) {
    out.push({ text: d, bold: true });
    for (const p of r.recorded.filter((x) => x.destination === d)) {
      out.push(
        ...para(`${MARK.right} ${CAT[p.category]}: ${p.because}${p.alsoTo ? ` → also ${p.alsoTo.join(", ")}` : ""}`, width, { tone: "good" }, "      ", "  "),
      );
    }
    for (const p of r.notRecorded.filter((x) => x.destination === d)) {
      out.push(...para(`${MARK.wrong} ${CAT[p.category]}: ${p.because}`, width, { tone: "bad" }, "      ", "  "));
    }
  }
  if (r.notes.length) {
    out.push(blank, { text: "Notes", bold: true });
    for (const n of r.notes) out.push(...para(`${MARK.bullet} ${n}`, width, { tone: "muted" }, "    ", "  "));
  }
  if (opts.records !== false) {
    out.push(blank, {
      text: r.records.length ? `Record${r.records.length > 1 ? "s" : ""} (${r.records.length})` : "No record: nothing records this call.",
      bold: true,
    });
    for (const rec of r.records)
      out.push(
        ...JSON.stringify(rec, null, 2)
          .split("\n")
          .map((text) => ({ text })),
      );
  }
  return out;
}

export function coverageLines(c: Coverage, width: number): Line[] {
  const pct = c.total ? Math.round((c.recorded / c.total) * 1000) / 10 : 0;
  const out: Line[] = [
    {
      text: `This configuration would record ${c.recorded.toLocaleString("en-US")} of ${c.total.toLocaleString("en-US")} events (${pct}%); it misses ${c.missed.toLocaleString("en-US")}.`,
      bold: true,
    },
    blank,
    { text: "By category:", bold: true },
  ];
  for (const [cat, v] of Object.entries(c.byCategory))
    if (v.total) out.push({ text: `  ${CAT[cat as EventCategory].padEnd(17)} ${String(v.recorded).padStart(7)} of ${String(v.total).padEnd(7)} recorded` });
  const dests = Object.entries(c.byDestination);
  if (dests.length) {
    out.push(blank, { text: "By destination:", bold: true });
    for (const [d, by] of dests)
      out.push({
        text: `  ${d}: ${
          Object.entries(by)
            .filter(([, n]) => n)
            .map(([cat, n]) => `${n} ${CAT[cat as EventCategory].toLowerCase()}`)
            .join(", ") || "nothing"
        }`,
      });
  }
  if (c.misses.length) {
    out.push(blank, { text: "Missed:", bold: true });
    for (const m of c.misses.slice(0, 20))
      out.push(
        ...para(
          `${MARK.wrong} ${m.count} ${CAT[m.category].toLowerCase()} event${m.count === 1 ? "" : "s"} on ${m.what} — ${m.because}`,
          width,
          { tone: "bad" },
          "      ",
          "  ",
        ),
      );
    if (c.misses.length > 20) out.push({ text: `  … and ${c.misses.length - 20} more groups (--json lists all)`, tone: "muted" });
  }
  return out;
}

/** `total`: how many records there were, when only the first ones are given (a streamed log). */
export function explainLines(records: readonly ExplainedRecord[], summary: ExplainSummary, width: number, limit = 200, total = records.length): Line[] {
  const out: Line[] = [];
  records.slice(0, limit).forEach((x, i) => {
    out.push({ text: `${i + 1}. ${x.eventSource ?? "?"} ${x.eventName ?? "?"} → ${CAT[x.category]}${x.inCatalog ? "" : " (not in catalog)"}`, bold: true });
    out.push(...para(`because ${x.because}`, width, {}, "     ", "   "));
    out.push(
      ...para(
        `${x.inEventHistory ? MARK.right : MARK.wrong} Event History: ${x.inEventHistory ? "yes (90 days)" : "no — management events only"}`,
        width,
        { tone: x.inEventHistory ? "good" : "muted" },
        "     ",
        "   ",
      ),
    );
    out.push(...para(`recorded by ${x.recordedBy}`, width, { tone: "muted" }, "     ", "   "));
    if (x.disagrees)
      out.push(...para(`! the record says eventCategory ${x.recordCategory}; the rules say ${x.category}`, width, { tone: "warn" }, "     ", "   "));
  });
  if (total > limit) out.push({ text: `… ${total - limit} more records (--json lists all)`, tone: "muted" });
  const by = Object.entries(summary.byCategory)
    .filter(([, n]) => n)
    .map(([c, n]) => `${n} ${CAT[c as EventCategory].toLowerCase()}`)
    .join(", ");
  out.push(blank, {
    text: `${summary.total} record(s): ${by || "none"}; ${summary.inEventHistory} in Event History; ${summary.notInCatalog} not in the catalog${summary.disagreements ? `; ${summary.disagreements} disagree with their own eventCategory` : ""}.`,
    bold: true,
  });
  return out;
}

/** Per-minute counts as columns, the threshold as a line of '·', insight minutes marked ▲ below. */
export function insightsChartLines(r: InsightsResult, width: number, height = 10): Line[] {
  const cols = Math.max(10, width - 8);
  const per = Math.max(1, Math.ceil(r.counts.length / cols));
  const buckets: Array<{ max: number; limit: number; insight: boolean }> = [];
  for (let i = 0; i < r.counts.length; i += per) {
    const slice = r.counts.slice(i, i + per);
    const lim = r.threshold.slice(i, i + per).filter((x) => !Number.isNaN(x));
    buckets.push({ max: Math.max(...slice), limit: lim.length ? Math.min(...lim) : NaN, insight: r.insights.some((w) => w.start < i + per && w.end > i) });
  }
  const top = Math.max(1, ...buckets.map((b) => b.max), ...buckets.map((b) => (Number.isNaN(b.limit) ? 0 : b.limit)));
  const rows: Line[] = [];
  for (let row = height; row >= 1; row--) {
    const lo = ((row - 1) / height) * top;
    const text = buckets
      .map((b) => (b.max > lo ? (b.insight ? "█" : "▇") : !Number.isNaN(b.limit) && b.limit > lo && b.limit <= (row / height) * top ? "·" : " "))
      .join("");
    rows.push({ text: `${row === height ? String(Math.round(top)).padStart(6) : row === 1 ? "0".padStart(6) : "".padStart(6)} │${text}` });
  }
  rows.push({ text: `${"".padStart(6)} └${"─".repeat(buckets.length)}` });
  rows.push({ text: `${"".padStart(8)}${buckets.map((b) => (b.insight ? "▲" : " ")).join("")}`, tone: "bad" });
  rows.push({ text: `        ${per === 1 ? "one column per minute" : `one column per ${per} minutes`} · ▲ insight · · threshold`, tone: "muted" });
  return rows;
}

export function insightsLines(r: InsightsResult, width: number, label: string): Line[] {
  const out: Line[] = [{ text: `Insights model — ${label}`, bold: true }, ...insightsChartLines(r, width), blank];
  if (!r.insights.length) out.push({ text: "No insight: the activity stayed within the baseline.", tone: "muted" });
  for (const w of r.insights) {
    out.push({
      text: `${MARK.right} Insight from minute ${w.start} to ${w.end}: ${w.insightAverage.toFixed(2)}/min against a baseline of ${w.baselineAverage.toFixed(2)}/min`,
      tone: "good",
    });
  }
  out.push(blank, { text: "What AWS documents", bold: true }, ...r.documented.flatMap((d) => para(`${MARK.bullet} ${d}`, width, {}, "    ", "  ")));
  out.push(
    blank,
    { text: "What this model assumes", bold: true },
    ...r.assumed.flatMap((d) => para(`${MARK.bullet} ${d}`, width, { tone: "muted" }, "    ", "  ")),
  );
  return out;
}

const GRID_CATS: EventCategory[] = ["Management", "Data", "NetworkActivity", "Insight"];

/** Destinations × categories: ✓ recorded, ✗ not (with a reason), · not applicable to this call. */
export function placementGrid(r: SimResult): Line[] {
  const dests = [...new Set(["event-history", ...r.recorded.map((p) => p.destination), ...r.notRecorded.map((p) => p.destination)])];
  const w = Math.max(13, ...dests.map((d) => textWidth(d)));
  const head = `${"".padEnd(w)}  ${GRID_CATS.map((c) => CAT[c].padEnd(17)).join("")}`;
  const rows: Line[] = [{ text: head, bold: true }];
  for (const d of dests) {
    const cells = GRID_CATS.map((c) =>
      (r.recorded.some((p) => p.destination === d && p.category === c)
        ? `${MARK.right} recorded`
        : r.notRecorded.some((p) => p.destination === d && p.category === c)
          ? `${MARK.wrong} not`
          : "·"
      ).padEnd(17),
    );
    const any = r.recorded.some((p) => p.destination === d);
    rows.push({ text: `${padCols(d, w)}  ${cells.join("")}`, tone: any ? "good" : "muted" });
  }
  return rows;
}
