// Cards and reviews in formats other tools read: an Anki import file (tab-separated, with the
// header lines Anki's own note exporter writes and its reader understands, a GUID column so a
// re-import updates notes in place) and the review log in the CSV columns of the FSRS optimizer.
// Pure.
import type { Pack } from "../content/index.js";
import { actionQuestion, scenarioQuestion } from "../quiz/build.js";
import { configQuestion } from "../quiz/config-items.js";
import { createRng, hashString } from "../quiz/rng.js";
import type { ReviewRow } from "./review.js";
import { buildDeck } from "./cards.js";

// ------------------------------------------------------------------ Anki
/** Every tag we write starts with this (Anki shows `a::b` as `b` under `a`). */
export const ANKI_TAG = "cloudtrail-tutor";
export const ANKI_DEFAULT_DECK = "CloudTrail";
export const ANKI_DEFAULT_NOTETYPE = "Basic";

/**
 * The deck new notes go to when none is named: the chosen pack's title, but ANKI_DEFAULT_DECK for
 * the shipped pack (`shippedId`), the deck its notes have always gone to.
 */
export function ankiDeckOf(pack: Pack, shippedId: string): string {
  const title = pack.meta.title.replace(/[\r\n\t]+/g, " ").trim();
  return pack.meta.id === shippedId || !title ? ANKI_DEFAULT_DECK : title;
}

/** One note as plain text (newlines are line breaks); `ankiTsv` writes it as Anki reads it. */
export interface AnkiNote {
  guid: string;
  front: string;
  back: string;
  tags: string[];
}

export interface AnkiOptions {
  /** Deck the notes are added to; Anki creates it when missing. */
  deck?: string;
  /** Name of a two-field note type in the learner's collection (its name depends on their language). */
  notetype?: string;
  /** Leave the tags column out, so re-importing keeps every note's tags as they are in Anki. */
  keepTags?: boolean;
}

const tag = (...parts: string[]) => [ANKI_TAG, ...parts.map((p) => p.replace(/\s+/g, "_"))].join("::");
const block = (...parts: Array<string | undefined | false>) =>
  parts
    .filter((p): p is string => typeof p === "string" && p.trim() !== "")
    .map((p) => p.trim())
    .join("\n\n");
const sourceLine = (source?: string) => (source ? `Source: ${source.trim()}` : undefined);

/** Every drillable card as a note: the question the drill asks on the front; answer, why, why not and the source on the back. */
export function ankiNotes(pack: Pack): AnkiNote[] {
  const notes: AnkiNote[] = [];
  for (const card of buildDeck(pack)) {
    const id = card.id.slice(card.id.indexOf(":") + 1);
    const rng = createRng(card.id);
    let front: string;
    let back: string;
    let domain = card.domain;
    let topic = card.topic;
    if (card.kind === "scenario") {
      const s = pack.scenarios.find((x) => x.id === id)!;
      const q = scenarioQuestion(pack, s, rng);
      const right = q.choices.filter((c) => c.correct).map((c) => c.label);
      const not = s.distractors.map((d) => `- ${d.label ?? pack.options.get(d.option)?.name ?? d.option}: ${d.why.trim()}`);
      front = q.prompt;
      back = block(right.join("\n"), q.explanation, not.length ? `Why not:\n${not.join("\n")}` : undefined, sourceLine(q.source));
    } else if (card.kind === "fact") {
      const f = pack.facts.find((x) => x.id === id)!;
      const claims = f.claims.map((c) => `- ${c.text.trim()} ${c.isTrue ? "True" : "False"}${c.why ? `: ${c.why.trim()}` : "."}`);
      front = f.front.trim();
      back = block(f.back, claims.length ? `True or false?\n${claims.join("\n")}` : undefined, sourceLine(f.source));
    } else if (card.kind === "config") {
      const q = configQuestion(pack, Number(id));
      if (!q) continue;
      front = `${q.situation}\n\n${q.prompt}\n${q.choices.map((c, i) => `${i + 1}) ${c.label}`).join("\n")}`;
      back = block(q.answerLabel, q.choices.map((c) => `- ${c.label}: ${c.why}`).join("\n"), sourceLine(q.source));
    } else {
      const a = pack.actions.find((x) => x.id === id)!;
      const q = actionQuestion(pack, a, rng);
      if (!q) continue; // the drill skips it too: no event type records its category
      front = q.prompt;
      back = block(q.answerLabel, q.explanation, sourceLine(q.source));
      domain ??= q.domain;
      topic ??= q.topic;
    }
    const tags = [tag(card.kind), ...(domain ? [tag("domain", domain)] : []), ...(topic ? [tag("topic", topic)] : [])];
    notes.push({ guid: `ctt-${card.id}`, front, back, tags });
  }
  return notes;
}

/** Plain text as an HTML field: `& < >` escaped, each line break (LF, CRLF or CR) a `<br>`. */
export function htmlField(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r\n|\r|\n/g, "<br>");
}

/**
 * One field as Anki's CSV writer (the Rust csv crate) writes it: quoted when it holds the quote
 * character, the delimiter, CR or LF — or starts with `#`, which would otherwise read as a comment
 * line — with inner quotes doubled.
 */
export function tsvField(s: string): string {
  return /["\t\r\n]/.test(s) || s.startsWith("#") ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The notes as a file for Anki's File › Import (the Anki versions that read file headers): tab
 * separated, HTML fields, GUID in column 1, deck in column 2 (created when missing), Front and Back
 * in 3 and 4, our tags in 5; a note whose GUID is already in the collection is updated in place.
 */
export function ankiTsv(pack: Pack, opts: AnkiOptions = {}): string {
  const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, " ").trim();
  const deck = oneLine(opts.deck ?? ANKI_DEFAULT_DECK) || ANKI_DEFAULT_DECK;
  const lines = [
    "#separator:tab",
    "#html:true",
    `#notetype:${oneLine(opts.notetype ?? ANKI_DEFAULT_NOTETYPE) || ANKI_DEFAULT_NOTETYPE}`,
    "#guid column:1",
    "#deck column:2",
    ...(opts.keepTags ? [`#tags:${ANKI_TAG}`] : ["#tags column:5"]),
    "#if matches:update current",
  ];
  for (const n of ankiNotes(pack)) {
    const row = [n.guid, deck, htmlField(n.front), htmlField(n.back), ...(opts.keepTags ? [] : [n.tags.join(" ")])];
    lines.push(row.map(tsvField).join("\t"));
  }
  return lines.join("\n") + "\n";
}

// ------------------------------------------------------------------ FSRS optimizer
/** The day boundary to give the FSRS optimizer: our days (new cards per day, stats) start at local midnight. */
export const FSRS_DAY_START_HOUR = 0;

/** This machine's IANA time zone, the one our days are counted in (the optimizer's `timezone`). */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/**
 * The review log in the FSRS optimizer's revlog columns (times in UTC ms, durations in ms). Each
 * answer version of a card is its own `card_id`: when a card's answer changes its history starts
 * afresh here, so the optimizer sees a new card learned from scratch, not the old one forgotten
 * after a long gap. The reviews of the old version stay in the file as what they were: genuine
 * memory of a card that existed. A card never restarted keeps the id it always had. Cram reviews
 * (which never change the schedule) are left out. Ids are unique integers, stable for a given log.
 */
export function fsrsCsv(reviews: readonly ReviewRow[]): string {
  const lines = ["card_id,review_time,review_rating,review_state,review_duration"];
  const version = new Map<string, { hash: string; n: number }>();
  const idOf = new Map<string, number>();
  const taken = new Set<number>();
  const cardIdFor = (key: string) => {
    let id = idOf.get(key);
    if (id === undefined) {
      id = hashString(key);
      for (let salt = key; taken.has(id); ) id = hashString((salt += "#"));
      taken.add(id);
      idOf.set(key, id);
    }
    return id;
  };
  for (const r of reviews) {
    if (r.cram) continue;
    const prev = version.get(r.cardId);
    const v = !prev ? { hash: r.answerHash, n: 0 } : prev.hash === r.answerHash ? prev : { hash: r.answerHash, n: prev.n + 1 };
    version.set(r.cardId, v);
    const id = cardIdFor(v.n === 0 ? r.cardId : `${r.cardId}|v${v.n}`);
    lines.push([id, r.at, r.rating, r.before.state, Math.max(0, Math.round(r.elapsedMs))].join(","));
  }
  return lines.join("\n") + "\n";
}
