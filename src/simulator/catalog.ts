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
  /** Data-event resource types with at least one action that produces them. */
  resourceTypesWithAction: number;
  networkActivitySources: number;
  /** Network-activity event sources with at least one catalogued action. */
  networkActivitySourcesWithAction: number;
  /** Actions that can produce each data-event resource type, directly or through the call's ARN (every type, 0 when none). */
  actionsByResourceType: Record<string, number>;
  /** Actions per event source that records network activity events (every source, 0 when none). */
  actionsByNetworkActivitySource: Record<string, number>;
}

/** The simulator catalog's counts by resource type and by network-activity event source (`validate`). */
export function catalogCounts(pack: Pack): CatalogCounts {
  const byType = Object.fromEntries(pack.resourceTypes.map((t) => [t.type, 0]));
  const sourceOfType = new Map(pack.resourceTypes.map((t) => [t.type, t.eventSource]));
  // A type whose arnPrefix is a pattern is also produced by its event source's data actions called on such an ARN.
  const byArn = pack.resourceTypes.filter((t) => t.arnPrefix?.includes("{"));
  for (const a of pack.actions) {
    if (!a.resourceType) continue;
    const produced = new Set([a.resourceType, ...byArn.filter((t) => t.eventSource === sourceOfType.get(a.resourceType!)).map((t) => t.type)]);
    for (const t of produced) if (t in byType) byType[t]!++;
  }
  const bySource = Object.fromEntries(pack.networkActivitySources.map((s) => [s.eventSource, 0]));
  for (const a of pack.actions) if (a.eventSource in bySource) bySource[a.eventSource]!++;
  return {
    actions: pack.actions.length,
    resourceTypes: pack.resourceTypes.length,
    resourceTypesWithAction: Object.values(byType).filter((n) => n > 0).length,
    networkActivitySources: pack.networkActivitySources.length,
    networkActivitySourcesWithAction: Object.values(bySource).filter((n) => n > 0).length,
    actionsByResourceType: byType,
    actionsByNetworkActivitySource: bySource,
  };
}
