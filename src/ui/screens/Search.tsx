// Search as you type over everything in the pack; matched words highlighted, the kind of each hit
// shown; Enter opens it (a scenario as a one-question quiz, an action in the simulator, a service or
// event type in the study browser, a fact as its card).
import { Box, Text } from "ink";
import type React from "react";
import { memo, useEffect, useMemo, useRef, useState } from "react";
import { fitCols, textWidth } from "../../present/lines.js";
import { buildIndex, search, type SearchHit, type SearchIndex } from "../../search/index.js";
import { moveSelection } from "../components/ChoiceList.js";
import { Highlighted } from "../components/Highlighted.js";
import type { ScreenProps } from "../screen-props.js";
import { SCREEN_KEYS } from "./keys.js";
import { useScreenInput, useScreenKeys } from "../screen-keys.js";
import { MARK, tone } from "../theme.js";
import { editLine, isLineEdit } from "../text-input.js";

export const keys = SCREEN_KEYS.search;

const indexCache = new WeakMap<object, SearchIndex>();

/** What each kind of hit is called on screen: a learner reads titles and kinds, never ids. */
export const KIND_LABELS: Record<SearchHit["kind"], string> = {
  scenario: "scenario",
  fact: "fact",
  service: "service",
  action: "API action",
  "event-type": "event type",
};

export function SearchScreen(props: ScreenProps): React.JSX.Element {
  const [index, setIndex] = useState<SearchIndex | undefined>(() => indexCache.get(props.pack));
  const [query, setQuery] = useState(typeof props.params?.query === "string" ? props.params.query : "");
  const [selected, setSelected] = useState(0);
  const [fact, setFact] = useState<string>();
  useScreenKeys({ typing: fact === undefined, onEscape: () => (fact ? (setFact(undefined), true) : false) });

  // Build the index after the first frame, so the screen answers at once even on a large pack.
  useEffect(() => {
    if (index) return;
    const t = setTimeout(() => {
      const built = buildIndex(props.pack);
      indexCache.set(props.pack, built);
      setIndex(built);
    }, 0);
    return () => clearTimeout(t);
  }, []);
  const room = Math.max(1, props.height - 3);
  const hits: SearchHit[] = useMemo(() => (index && query.trim() ? search(index, query, room) : []), [index, query, room]);

  const openHit = (h: SearchHit) => {
    if (h.kind === "scenario") props.open("quiz", { onlyIds: [`scenario:${h.id}`] });
    else if (h.kind === "action") props.open("simulate", { action: h.id });
    else if (h.kind === "event-type") props.open("study", { tab: 0 });
    else if (h.kind === "service") props.open("study", { tab: 1, service: h.id });
    else setFact(h.id);
  };

  // What the last render showed, read when a key arrives (it can come before React has handed the
  // input a handler from that render).
  const live = useRef({ fact, hits, selected });
  live.current = { fact, hits, selected };
  useScreenInput((input, key) => {
    const { fact, hits, selected } = live.current;
    if (fact) return;
    if (key.escape) return props.back();
    const moved = key.upArrow || key.downArrow ? moveSelection("", key, selected, hits.length) : undefined;
    if (moved !== undefined) return setSelected(moved);
    if (key.return) {
      if (hits[selected]) openHit(hits[selected]!);
      return;
    }
    if (isLineEdit(input, key)) {
      setQuery((q) => editLine(q, input, key, 100));
      setSelected(0);
    }
  });

  const width = props.width - 1;
  if (fact) {
    const f = props.pack.facts.find((x) => x.id === fact)!;
    return (
      <Box flexDirection="column" width={width}>
        <Text bold wrap="wrap">
          {f.front.trim()}
        </Text>
        <Text> </Text>
        <Text wrap="wrap">{f.back.trim()}</Text>
        {f.source ? <Text color={tone(props.color, "muted")}>Source: {f.source}</Text> : null}
        <Text> </Text>
        <Text color={tone(props.color, "accent")}>Esc: back to the results</Text>
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={width}>
      <Text>
        Search: <Text bold>{query}</Text>
        <Text inverse> </Text>
        <Text color={tone(props.color, "muted")}>
          {index ? `  ${hits.length ? `${hits.length} hits` : query ? "no match" : "e.g. denied at vpc endpoint"}` : "  indexing…"}
        </Text>
      </Text>
      <Text> </Text>
      {hits.map((h, i) => (
        <HitRow key={`${h.kind}:${h.id}`} hit={h} selected={i === selected} color={props.color} width={width} />
      ))}
    </Box>
  );
}

/**
 * One hit on one row: the pointer, its kind, and as much of its title as fits, ending in "…" when cut
 * (no clipping box, which would make Ink re-slice every row on every frame).
 */
const HitRow = memo(function HitRow(props: { hit: SearchHit; selected: boolean; color: boolean; width: number }): React.JSX.Element {
  const { hit, selected } = props;
  const label = `${selected ? MARK.pointer : " "} ${KIND_LABELS[hit.kind].padEnd(10)} `;
  const title = useMemo(() => fitCols(hit.title.replace(/\s+/g, " "), Math.max(1, props.width - textWidth(label))), [hit.title, props.width, label]);
  return (
    <Box flexDirection="row">
      <Text bold={selected} color={selected ? tone(props.color, "accent") : tone(props.color, "muted")}>
        {label}
      </Text>
      <Highlighted text={title} keywords={hit.matched} color={props.color} />
    </Box>
  );
});
