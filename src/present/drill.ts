// A drill card's rating offer and a session's end, as lines. Pure.
import { type DrillTally, formatInterval, type Grade, RATING_NAMES, type RatingOffer } from "../srs/index.js";
import type { Line } from "./lines.js";

export function ratingChoices(offer: RatingOffer, now: number): string {
  return ([1, 2, 3, 4] as Grade[]).map((g) => `${g} ${RATING_NAMES[g]} · ${formatInterval(offer.next[g] - now)}`).join("   ");
}

export function proposalText(offer: RatingOffer, now: number): string {
  return `Proposed: ${RATING_NAMES[offer.proposed]} · ${formatInterval(offer.next[offer.proposed] - now)}`;
}

export function drillEndLines(t: DrillTally, dueLeft: number): Line[] {
  return [
    { text: `Drill done: ${t.answered} card${t.answered === 1 ? "" : "s"}, ${t.correct} right, ${t.again} to see again soon${t.newSeen ? `, ${t.newSeen} new` : ""}.`, bold: true },
    { text: dueLeft ? `${dueLeft} card${dueLeft === 1 ? "" : "s"} still due.` : "Nothing else is due now.", tone: "muted" },
  ];
}
