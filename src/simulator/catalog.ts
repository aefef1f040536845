// The action catalog: find an action by `PREFIX:EventName` or `eventSource:EventName`, and the
// category the service itself records it as (network activity depends on the call's path).
import { type Action, closest, type EventCategory, type EventType, type Pack } from "../content/index.js";
import Fuse from "fuse.js";

export function findAction(pack: Pack, name: string): Action | undefined {
  const n = name.trim();
  const lower = n.toLowerCase();
  return pack.actions.find((a) => a.id === n || a.id.toLowerCase() === lower || `${a.eventSource}:${a.eventName}`.toLowerCase() === lower);
}

/** The closest catalog names, for "did you mean". */
export function suggestActions(pack: Pack, name: string, max = 3): string[] {
  return closest(
    name,
    pack.actions.map((a) => a.id),
    max,
  );
}

/** The category a direct call (not through a VPC endpoint) is recorded as. */
export function categoryOfAction(action: Action): EventCategory {
  return action.category;
}

/** The event type of the pack that holds a category. */
export function eventTypeOfCategory(pack: Pack, category: EventCategory): EventType | undefined {
  return pack.eventTypes.find((e) => e.category === category);
}

const searchCache = new WeakMap<Pack, Fuse<Action>>();

/** Fuzzy search over the catalog by id, event name and source, best first (the Simulate screen's picker). */
export function searchActions(pack: Pack, query: string, limit = 10): Action[] {
  const q = query.trim();
  if (!q) return pack.actions.slice(0, limit);
  let fuse = searchCache.get(pack);
  if (!fuse) {
    fuse = new Fuse(pack.actions, {
      keys: [{ name: "id", weight: 2 }, "eventName", "eventSource", "resourceType"],
      threshold: 0.4,
      ignoreLocation: true,
      includeScore: true,
    });
    searchCache.set(pack, fuse);
  }
  // Equal scores (s3:GetObject and s3express:GetObject for "getobject"): the plainest id first.
  const squashed = q.toLowerCase().replace(/[\s:]/g, "");
  const rank = (a: Action) => (a.eventName.toLowerCase() === squashed || a.id.toLowerCase().replace(":", "") === squashed ? 0 : 1);
  return fuse
    .search(q, { limit: limit * 3 })
    .sort((x, y) => Math.round(((x.score ?? 0) - (y.score ?? 0)) * 100) || rank(x.item) - rank(y.item) || x.item.id.length - y.item.id.length)
    .slice(0, limit)
    .map((r) => r.item);
}

export interface CatalogCounts {
  actions: number;
  resourceTypes: number;
  /** Data-event resource types that at least one action names as its resourceType. */
  resourceTypesWithAction: number;
  /** Types no action names, reached only by another action of their event source called on their ARN (an SNS platform endpoint). */
  resourceTypesOnlyByArn: number;
  networkActivitySources: number;
  /** Network-activity event sources with at least one catalogued action. */
  networkActivitySourcesWithAction: number;
  /** Actions that name each data-event resource type (every type, 0 when none). */
  actionsByResourceType: Record<string, number>;
  /** Actions of the type's event source that produce it when called on its ARN (types whose arnPrefix is a pattern; 0 when none). */
  actionsByResourceTypeArn: Record<string, number>;
  /** Actions per event source that records network activity events (every source, 0 when none). */
  actionsByNetworkActivitySource: Record<string, number>;
}

/** The simulator catalog's counts by resource type and by network-activity event source (`validate`). */
export function catalogCounts(pack: Pack): CatalogCounts {
  const byType = Object.fromEntries(pack.resourceTypes.map((t) => [t.type, 0]));
  const byArn = Object.fromEntries(pack.resourceTypes.map((t) => [t.type, 0]));
  const sourceOfType = new Map(pack.resourceTypes.map((t) => [t.type, t.eventSource]));
  // A type whose arnPrefix is a pattern is also produced by its event source's data actions called on such an ARN.
  const patterned = pack.resourceTypes.filter((t) => t.arnPrefix?.includes("{"));
  for (const a of pack.actions) {
    if (!a.resourceType) continue;
    if (a.resourceType in byType) byType[a.resourceType]!++;
    for (const t of patterned)
      if (t.type !== a.resourceType && t.eventSource !== undefined && t.eventSource === sourceOfType.get(a.resourceType)) byArn[t.type]!++;
  }
  const bySource = Object.fromEntries(pack.networkActivitySources.map((s) => [s.eventSource, 0]));
  for (const a of pack.actions) if (a.eventSource in bySource) bySource[a.eventSource]!++;
  const types = Object.keys(byType);
  return {
    actions: pack.actions.length,
    resourceTypes: pack.resourceTypes.length,
    resourceTypesWithAction: types.filter((t) => byType[t]! > 0).length,
    resourceTypesOnlyByArn: types.filter((t) => byType[t] === 0 && byArn[t]! > 0).length,
    networkActivitySources: pack.networkActivitySources.length,
    networkActivitySourcesWithAction: Object.values(bySource).filter((n) => n > 0).length,
    actionsByResourceType: byType,
    actionsByResourceTypeArn: byArn,
    actionsByNetworkActivitySource: bySource,
  };
}
