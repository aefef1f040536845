// A drill card's rating offer and a session's end, as lines. Pure.
import { type DrillTally, formatInterval, type Grade, type Pacing, RATING_NAMES, type RatingOffer } from "../srs/index.js";
import type { Line } from "./lines.js";

export function ratingChoices(offer: RatingOffer, now: number): string {
  return ([1, 2, 3, 4] as Grade[]).map((g) => `${g} ${RATING_NAMES[g]} · ${formatInterval(offer.next[g] - now)}`).join("   ");
}

export function proposalText(offer: RatingOffer, now: number): string {
  return `Proposed ${offer.reason} · next in ${formatInterval(offer.next[offer.proposed] - now)}`;
}

/** How new cards are paced to the exam date, and whether the daily limit holds the deck back. */
export function pacingLines(p: Pacing, examDateText: string): Line[] {
  const days = `${p.daysLeft} day${p.daysLeft === 1 ? "" : "s"}`;
  if (!p.unseen) return [{ text: `Exam on ${examDateText}: every card has been introduced.`, tone: "muted" }];
  if (!p.bottleneck)
    return [{ text: `Exam on ${examDateText}: ${p.unseen} new cards over ${days} → ${p.needed} new a day (limit ${p.limit}).`, tone: "muted" }];
  return [
    {
      text: `Exam on ${examDateText}: ${p.unseen} new cards in ${days} need ${p.needed} a day, but the daily limit is ${p.limit}: ${p.leftOver} card${p.leftOver === 1 ? "" : "s"} will not be seen by then. Raise it: cloudtrail-tutor drill --new-per-day ${p.needed}`,
      tone: "warn",
    },
  ];
}

/** What the wait for a card rated Again says. */
export function waitText(until: number, now: number, left: number): string {
  const s = Math.max(0, Math.ceil((until - now) / 1000));
  return `${left} card${left === 1 ? "" : "s"} rated Again come${left === 1 ? "s" : ""} back after ${left === 1 ? "its" : "their"} learning step: the next in ${s < 60 ? `${s} s` : `${Math.ceil(s / 60)} min`}.`;
}

export function drillEndLines(t: DrillTally, dueLeft: number): Line[] {
  return [
    {
      text: `Drill done: ${t.answered} card${t.answered === 1 ? "" : "s"}, ${t.correct} right, ${t.again} to see again soon${t.newSeen ? `, ${t.newSeen} new` : ""}.`,
      bold: true,
    },
    { text: dueLeft ? `${dueLeft} card${dueLeft === 1 ? "" : "s"} still due.` : "Nothing else is due now.", tone: "muted" },
  ];
}
