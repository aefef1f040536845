// The Anki file read back the way Anki reads it: a small parser configured as Anki's CSV reader
// (the Rust csv crate with `"` quoting and doubled quotes, `#` comment lines, tab delimiter,
// flexible rows, no header row), then Anki's column headers applied. Every shipped card — and a
// pack whose texts hold quotes, tabs and newlines — comes back field for field.
import { describe, expect, it } from "vitest";
import type { Pack } from "../../src/content/pack.js";
import { buildDeck } from "../../src/srs/cards.js";
import { ANKI_TAG, ankiNotes, ankiTsv, htmlField, tsvField, type AnkiNote } from "../../src/srs/export.js";
import { shippedPack } from "../ui/helpers.js";

/** Records as the csv crate's reader yields them with Anki's settings (comment b'#', flexible, quote b'"'). */
function parseLikeAnki(text: string, delimiter = "\t"): string[][] {
  const records: string[][] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    // A record starting with the comment character is skipped up to the end of its line.
    if (text[i] === "#") {
      while (i < n && text[i] !== "\n" && text[i] !== "\r") i++;
      while (i < n && (text[i] === "\n" || text[i] === "\r")) i++;
      continue;
    }
    // Empty lines yield no record.
    if (text[i] === "\n" || text[i] === "\r") {
      i++;
      continue;
    }
    const record: string[] = [];
    let field = "";
    for (;;) {
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n) break;
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          field += text[i++];
        }
      }
      // Unquoted text (or text after a closing quote, which the crate keeps as part of the field).
      while (i < n && text[i] !== delimiter && text[i] !== "\n" && text[i] !== "\r") field += text[i++];
      if (text[i] === delimiter) {
        record.push(field);
        field = "";
        i++;
        continue;
      }
      record.push(field);
      while (i < n && (text[i] === "\n" || text[i] === "\r")) {
        i++;
        if (text[i - 1] === "\r" && text[i] === "\n") continue;
        break;
      }
      break;
    }
    records.push(record);
  }
  return records;
}

/** The header lines Anki reads (`#key:value` before the first record). */
function headersOf(text: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of text.split("\n")) {
    if (!line.startsWith("#")) break;
    const at = line.indexOf(":");
    if (at > 0) m.set(line.slice(1, at).trim().toLowerCase(), line.slice(at + 1));
  }
  return m;
}

/** An HTML field back to the plain text we meant (what a learner reads on the card). */
const fromHtml = (html: string) => html.replace(/<br>/g, "\n").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** Read the file as Anki would: columns from the headers, fields decoded. */
function importLikeAnki(tsv: string): Array<AnkiNote & { deck: string }> {
  const h = headersOf(tsv);
  expect(h.get("separator")).toBe("tab");
  expect(h.get("html")).toBe("true");
  const col = (k: string) => (h.has(k) ? Number(h.get(k)) - 1 : undefined);
  const guid = col("guid column")!;
  const deck = col("deck column")!;
  const tags = col("tags column");
  const meta = new Set([guid, deck, tags].filter((x) => x !== undefined));
  return parseLikeAnki(tsv).map((r) => {
    const fields = r.filter((_, i) => !meta.has(i));
    return {
      guid: r[guid]!,
      deck: r[deck]!,
      front: fromHtml(fields[0]!),
      back: fromHtml(fields[1]!),
      tags: tags === undefined ? [] : r[tags]!.split(/\s+/).filter(Boolean),
    };
  });
}

const pack = shippedPack();

describe("the parser stands in for Anki's", () => {
  it("reads quoted fields with doubled quotes, tabs and newlines, skips # lines, allows short rows", () => {
    expect(parseLikeAnki('#separator:tab\na\t"b ""q""\tc\nd"\te\n#x\nf\n')).toEqual([["a", 'b "q"\tc\nd', "e"], ["f"]]);
    // Unquoted, a quote is just a character; a quoted field that never closes runs to the end.
    expect(parseLikeAnki('a"b\tc\n"open\tnext\nrow\n')).toEqual([['a"b', "c"], ["open\tnext\nrow\n"]]);
  });
});

describe("Anki export", () => {
  const tsv = ankiTsv(pack);
  const notes = ankiNotes(pack);

  it("writes the headers Anki's exporter writes, and updates notes in place on re-import", () => {
    const h = headersOf(tsv);
    expect(Object.fromEntries(h)).toEqual({
      separator: "tab",
      html: "true",
      notetype: "Basic",
      "guid column": "1",
      "deck column": "2",
      "tags column": "5",
      "if matches": "update current",
    });
  });

  it("round-trips every shipped card: the same number of notes, every field exactly", () => {
    const back = importLikeAnki(tsv);
    expect(back).toHaveLength(notes.length);
    expect(back.map(({ deck: _d, ...n }) => n)).toEqual(notes);
    expect(new Set(back.map((n) => n.deck))).toEqual(new Set(["CloudTrail"]));
    expect(new Set(back.map((n) => n.guid)).size).toBe(back.length);
    // Every drillable card is there (an action whose category no event type records is skipped, as in the drill).
    expect(notes.length).toBeGreaterThan(buildDeck(pack).length - 5);
    expect(ankiTsv(pack)).toBe(tsv);
  });

  it("keeps the quotation marks of a fact whose front starts with one", () => {
    const trap = importLikeAnki(tsv).find((n) => n.guid === "ctt-fact:vpce-denied-trap")!;
    expect(trap.front).toBe('"Detect if access through our VPC endpoint was denied by policy" — which feature?');
    expect(tsv).toContain('\t"""Detect if access through our VPC endpoint was denied by policy"" — which feature?"\t');
  });

  it("puts the question the drill asks on action fronts, and answer, why and source on every back", () => {
    const action = notes.find((n) => n.guid.startsWith("ctt-action:"))!;
    expect(action.front).toMatch(/^Which event type records \S+ \(\S+ \S+\) when it is called directly, not through a VPC endpoint\?$/);
    for (const n of notes) {
      const source = n.guid.startsWith("ctt-fact:") ? pack.facts.find((f) => `ctt-fact:${f.id}` === n.guid)!.source : "x";
      if (source) expect(n.back).toMatch(/\n\nSource: \S/);
    }
    const scen = pack.scenarios[0]!;
    const note = notes.find((n) => n.guid === `ctt-scenario:${scen.id}`)!;
    expect(note.front).toBe(scen.requirement.trim());
    expect(note.back).toContain(scen.explanation.trim());
    for (const d of scen.distractors) expect(note.back).toContain(d.why.trim());
    expect(note.back).toContain("Why not:\n- ");
  });

  it("namespaces every tag under cloudtrail-tutor::", () => {
    for (const n of notes) {
      expect(n.tags.length).toBeGreaterThan(0);
      for (const t of n.tags) expect(t).toMatch(new RegExp(`^${ANKI_TAG}::[a-z]+(::[a-z0-9-]+)?$`));
    }
    expect(notes.find((n) => n.guid === `ctt-scenario:${pack.scenarios[0]!.id}`)!.tags).toEqual([
      `${ANKI_TAG}::scenario`,
      `${ANKI_TAG}::domain::${pack.scenarios[0]!.domain}`,
      ...(pack.scenarios[0]!.topic ? [`${ANKI_TAG}::topic::${pack.scenarios[0]!.topic}`] : []),
    ]);
  });

  it("--keep-tags leaves the tags column out (Anki keeps each note's tags) and tags new notes cloudtrail-tutor", () => {
    const keep = ankiTsv(pack, { keepTags: true });
    const h = headersOf(keep);
    expect(h.has("tags column")).toBe(false);
    expect(h.get("tags")).toBe(ANKI_TAG);
    const rows = parseLikeAnki(keep);
    expect(rows.every((r) => r.length === 4)).toBe(true);
    expect(importLikeAnki(keep).map((n) => [n.guid, n.front, n.back])).toEqual(notes.map((n) => [n.guid, n.front, n.back]));
  });

  it("names another deck and note type when asked, on one line", () => {
    const t = ankiTsv(pack, { deck: "Exams::AWS", notetype: "Einfach\n#html:false" });
    expect(headersOf(t).get("notetype")).toBe("Einfach #html:false");
    expect(headersOf(t).get("html")).toBe("true");
    expect(new Set(importLikeAnki(t).map((n) => n.deck))).toEqual(new Set(["Exams::AWS"]));
  });
});

describe("a pack whose texts hold quotes, tabs, newlines and HTML", () => {
  const nasty = (s: string) => `"${s}" said\t"tab" <b>&amp;</b>\nline two\r\nline three "`;
  const base = shippedPack();
  const scen = base.scenarios[0]!;
  const fact = base.facts.find((f) => f.claims.length)!;
  const odd: Pack = {
    ...base,
    scenarios: [
      { ...scen, requirement: nasty("Which service"), explanation: nasty("Because"), distractors: scen.distractors.map((d) => ({ ...d, why: nasty(d.why) })) },
    ],
    facts: [{ ...fact, front: `#${nasty("front")}`, back: nasty("back"), claims: fact.claims.map((c) => ({ ...c, text: nasty(c.text) })) }],
    actions: [],
  };

  it("re-parses to the same fields", () => {
    const notes = ankiNotes(odd);
    expect(notes).toHaveLength(2);
    const back = importLikeAnki(ankiTsv(odd)).map(({ deck: _d, ...n }) => n);
    // CRLF reads back as a line break like LF: that is what the learner sees.
    const norm = (n: AnkiNote) => ({ ...n, front: n.front.replace(/\r\n?/g, "\n"), back: n.back.replace(/\r\n?/g, "\n") });
    expect(back).toEqual(notes.map(norm));
    expect(back[0]!.front).toBe(`"Which service" said\t"tab" <b>&amp;</b>\nline two\nline three "`);
    expect(back[1]!.front.startsWith("#")).toBe(true);
  });

  it("escapes HTML so markup in the text shows as text, and writes line breaks as <br>", () => {
    expect(htmlField('a <b> & "c"\nd\r\ne\rf')).toBe('a &lt;b&gt; &amp; "c"<br>d<br>e<br>f');
    expect(tsvField('say "hi"')).toBe('"say ""hi"""');
    expect(tsvField("a\tb")).toBe('"a\tb"');
    expect(tsvField("a\nb")).toBe('"a\nb"');
    expect(tsvField("a\rb")).toBe('"a\rb"');
    expect(tsvField("#x")).toBe('"#x"');
    expect(tsvField("plain")).toBe("plain");
  });
});
