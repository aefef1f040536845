// Cards and reviews in formats other tools read: an Anki import file (TSV with Anki's header lines,
// a GUID column so a re-import updates notes in place) and the review log in the CSV columns of the
// FSRS optimizer. Pure.
import type { Pack } from "../content/index.js";
import { hashString } from "../quiz/index.js";
import type { ReviewRow } from "./review.js";
import { buildDeck } from "./cards.js";

const cell = (s: string) => s.replace(/[\t\r\n]+/g, " ").trim();

export function ankiTsv(pack: Pack): string {
  const lines = ["#separator:tab", "#html:false", "#notetype:Basic", "#deck:CloudTrail", "#guid column:1", "#tags column:4"];
  for (const card of buildDeck(pack)) {
    const [kind, ...rest] = card.id.split(":");
    const id = rest.join(":");
    let front = card.title;
    let back = "";
    if (kind === "scenario") {
      const s = pack.scenarios.find((x) => x.id === id)!;
      back = `${s.answerLabel ?? pack.options.get(s.answer)?.name ?? s.answer} — ${s.explanation} Not: ${s.distractors.map((d) => `${d.label ?? pack.options.get(d.option)?.name ?? d.option} (${d.why})`).join("; ")}`;
    } else if (kind === "fact") {
      const f = pack.facts.find((x) => x.id === id)!;
      back = f.back;
    } else {
      const a = pack.actions.find((x) => x.id === id)!;
      front = `Which event type records ${a.id} (${a.eventSource} ${a.eventName})?`;
      back = a.category === "Data" ? `Data event (${a.resourceType ?? "opt-in"})` : "Management event";
    }
    const tags = ["cloudtrail", kind, card.domain, card.topic].filter(Boolean).join(" ");
    lines.push([`ctt-${card.id}`, front, back, tags].map((x) => cell(x!)).join("\t"));
  }
  return lines.join("\n") + "\n";
}

/** The FSRS optimizer's revlog columns; card ids become stable integers. */
export function fsrsCsv(reviews: readonly ReviewRow[]): string {
  const lines = ["card_id,review_time,review_rating,review_state,review_duration"];
  for (const r of reviews) {
    if (r.cram) continue;
    lines.push([hashString(r.cardId), r.at, r.rating, r.before.state, r.elapsedMs].join(","));
  }
  return lines.join("\n") + "\n";
}
