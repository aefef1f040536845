// The simulator in the terminal: find an action by fuzzy search, flip the call's context (Region,
// VPC endpoint, denied, error, caller) and the configuration preset, and watch where the event lands
// and why, with the record it would produce. `i` shows the Insights model for the action.
import { Box, Text } from "ink";
import type React from "react";
import { useMemo, useRef, useState } from "react";
import { visibleInline } from "../../shell/sanitize.js";
import type { Action } from "../../content/schema.js";
import { insightsLines, placementGrid, simulationLines } from "../../present/simulator.js";
import { blank, type Line } from "../../present/lines.js";
import { searchActions } from "../../simulator/catalog.js";
import type { SimConfig } from "../../simulator/config.js";
import { buildCallContext } from "../../simulator/context.js";
import { CALLERS, type CallContext } from "../../simulator/events.js";
import { insightsInputFor, insightTypeFor, modelInsights } from "../../simulator/insights.js";
import { PRESETS, PRESET_NAMES, presetConfig } from "../../simulator/presets.js";
import { simulate } from "../../simulator/simulate.js";
import { ChoiceList, moveSelection } from "../components/ChoiceList.js";
import { Lines, maxScroll } from "../components/Lines.js";
import type { ScreenProps } from "../screen-props.js";
import { SCREEN_KEYS } from "./keys.js";
import { useScreenInput, useScreenKeys } from "../screen-keys.js";
import { tone } from "../theme.js";
import { editLine, isLineEdit } from "../text-input.js";

export const keys = SCREEN_KEYS.simulate;

export interface SimulateParams {
  /** A configuration loaded from --config (offered as the first preset). */
  config?: SimConfig;
  configLabel?: string;
  action?: string;
}

const REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2"];
const ERRORS = [undefined, "AccessDenied", "ThrottlingException"];
const VPCE = "vpce-0a1b2c3d4e5f67890";

/** The context and configuration choices the keys cycle through. Pure. */
export interface SimChoices {
  preset: number;
  region: number;
  vpce: boolean;
  denied: boolean;
  error: number;
  caller: number;
}

/** The choices as a call context, through the one builder `simulate --action` and `--batch` use. */
export function contextOf(c: SimChoices): CallContext {
  return buildCallContext({
    region: REGIONS[c.region],
    caller: CALLERS[c.caller],
    vpce: c.vpce ? VPCE : undefined,
    vpceDenied: c.vpce && c.denied,
    error: ERRORS[c.error],
  });
}

export function SimulateScreen(props: ScreenProps): React.JSX.Element {
  const params = (props.params ?? {}) as SimulateParams;
  const configs = useMemo(() => {
    const list: Array<{ label: string; config: SimConfig }> = [];
    if (params.config && params.configLabel && !PRESET_NAMES.includes(params.configLabel))
      list.push({ label: `from ${params.configLabel}`, config: params.config });
    for (const name of PRESET_NAMES) list.push({ label: PRESETS[name]!.label, config: presetConfig(props.pack, name) });
    return list;
  }, []);
  const initialPreset =
    params.configLabel && PRESET_NAMES.includes(params.configLabel) ? configs.findIndex((c) => c.label === PRESETS[params.configLabel!]!.label) : 0;
  const [query, setQuery] = useState("");
  const [picked, setPicked] = useState(0);
  const [action, setAction] = useState<Action | undefined>(() => props.pack.actions.find((a) => a.id === params.action));
  const [view, setView] = useState<"result" | "insights">("result");
  const [choices, setChoices] = useState<SimChoices>({ preset: Math.max(0, initialPreset), region: 0, vpce: false, denied: false, error: 0, caller: 0 });
  const [scroll, setScroll] = useState(0);
  const picking = action === undefined;
  useScreenKeys({ typing: picking, onEscape: () => (view === "insights" ? (setView("result"), true) : false) });

  const hits = useMemo(() => (picking ? searchActions(props.pack, query, Math.max(3, props.height - 6)) : []), [picking, query]);
  const width = props.width - 1;
  const ctx = contextOf(choices);
  const result = useMemo(() => (action ? simulate(props.pack, action, ctx, configs[choices.preset]!.config) : undefined), [action, choices]);
  const lines: Line[] = !action
    ? []
    : view === "insights"
      ? insightsLines(
          modelInsights(insightsInputFor(action)),
          width,
          `${action.id}${insightTypeFor(action) === "ApiErrorRateInsight" ? " (error rate: call-rate Insights analyse write management calls)" : ""}`,
        )
      : [...placementGrid(result!), blank, ...simulationLines(result!, width).slice(3)];
  const room = props.height - 3;

  const cycle = (k: keyof SimChoices, n: number) => setChoices((c) => ({ ...c, [k]: ((c[k] as number) + 1) % n }));
  // What the last render showed, read when a key arrives (a key can come before React has handed
  // the input a handler from that render).
  const live = useRef({ picking, hits, picked, lines, room });
  live.current = { picking, hits, picked, lines, room };
  useScreenInput((input, key) => {
    const { picking, hits, picked, lines, room } = live.current;
    if (picking) {
      if (key.escape) return props.back();
      const moved = key.upArrow || key.downArrow ? moveSelection("", key, picked, hits.length) : undefined;
      if (moved !== undefined) return setPicked(moved);
      if (key.return && hits[picked]) {
        setAction(hits[picked]);
        setScroll(0);
        return;
      }
      if (isLineEdit(input, key)) {
        setQuery((q) => editLine(q, input, key, 60));
        setPicked(0);
      }
      return;
    }
    if (key.downArrow || input === "j") return setScroll((s) => Math.min(maxScroll(lines.length, room), s + 1));
    if (key.upArrow || input === "k") return setScroll((s) => Math.max(0, s - 1));
    if (input === "a") {
      setAction(undefined);
      setQuery("");
      setView("result");
      return;
    }
    if (input === "i") return setView((v) => (v === "insights" ? "result" : "insights"));
    if (input === "p") cycle("preset", configs.length);
    else if (input === "g") cycle("region", REGIONS.length);
    else if (input === "e") cycle("error", ERRORS.length);
    else if (input === "c") cycle("caller", CALLERS.length);
    else if (input === "v") setChoices((c) => ({ ...c, vpce: !c.vpce, denied: c.vpce ? false : c.denied }));
    else if (input === "d") setChoices((c) => (c.vpce ? { ...c, denied: !c.denied } : { ...c, vpce: true, denied: true }));
    else return;
    setScroll(0);
  });

  if (picking) {
    return (
      <Box flexDirection="column" width={width}>
        <Text bold>Simulate — which event type records an API call, and where does it land?</Text>
        <Text>
          Find an action: <Text bold>{query}</Text>
          <Text inverse> </Text>
          <Text color={tone(props.color, "muted")}> (e.g. getobject, kms decrypt, lambda invoke)</Text>
        </Text>
        <Text> </Text>
        {hits.length ? (
          <ChoiceList
            items={hits.map((a) => ({ label: a.id, detail: `${a.category}${a.resourceType ? ` · ${a.resourceType}` : ""}` }))}
            selected={picked}
            color={props.color}
            width={width}
            numbered={false}
          />
        ) : (
          <Text color={tone(props.color, "muted")}>No action matches "{query}".</Text>
        )}
      </Box>
    );
  }
  const c = configs[choices.preset]!;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" bold>
        {action!.id} · {visibleInline(ctx.region)} · {ctx.caller}
        {ctx.vpcEndpointId ? ` · via ${ctx.vpcEndpointId}${ctx.vpceDenied ? " (denied)" : ""}` : " · direct"}
        {ctx.errorCode ? ` · ${ctx.errorCode}` : ""}
      </Text>
      <Text wrap="truncate-end" color={tone(props.color, "accent")}>
        config {choices.preset + 1}/{configs.length}: {visibleInline(c.label)}
      </Text>
      <Lines lines={lines} height={room} scroll={scroll} color={props.color} />
    </Box>
  );
}
