// The action catalog: find an action by `PREFIX:EventName` or `eventSource:EventName`, and the
// category the service itself records it as (network activity depends on the call's path).
import { type Action, closest, type EventCategory, type EventType, type Pack } from "../content/index.js";
import Fuse from "fuse.js";

export function findAction(pack: Pack, name: string): Action | undefined {
  const n = name.trim();
  const lower = n.toLowerCase();
  return pack.actions.find(
    (a) => a.id === n || a.id.toLowerCase() === lower || `${a.eventSource}:${a.eventName}`.toLowerCase() === lower,
  );
}

/** The closest catalog names, for "did you mean". */
export function suggestActions(pack: Pack, name: string, max = 3): string[] {
  return closest(name, pack.actions.map((a) => a.id), max);
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
    fuse = new Fuse(pack.actions, { keys: [{ name: "id", weight: 2 }, "eventName", "eventSource", "resourceType"], threshold: 0.4, ignoreLocation: true });
    searchCache.set(pack, fuse);
  }
  return fuse.search(q, { limit }).map((r) => r.item);
}
