import type { RegisteredRouter } from "@tanstack/react-router";
import type { Catalogues, Dimension, GroupFields } from "../api/types";
import { type FilterDimension, type FilterSearch, filterDimensions } from "./filters";
import { type SearchChanges, stringifySearch, withChanges } from "./search";

/**
 * Drill-down links: one click from a figure's group to the related page, filtered to that group.
 * A link carries the shared filters (period, view and the filter bar's codes) as they stand, and
 * sets the group's own; the page's own choices (grouping, measure, steps) stay behind, since they
 * belong to the page the user leaves.
 */
const sharedParams = ["from", "to", "view", ...filterDimensions] as const;

export type Changes = SearchChanges;

/** A page of the dashboard, as the route tree has it: a link to a page that does not exist fails to compile. */
export type PagePath = keyof RegisteredRouter["routesByPath"] & `/${string}`;

/** `path` with the shared filters of `current` and `changes` applied. */
export function drillHref(path: PagePath, current: FilterSearch, changes: Changes): string {
  const shared: Record<string, string | readonly string[]> = {};
  for (const key of sharedParams) {
    const value = current[key];
    if (value !== undefined) shared[key] = value;
  }
  return path + stringifySearch(withChanges(shared, changes));
}
function isFilterDimension(d: Dimension): d is FilterDimension {
  return (filterDimensions as readonly string[]).includes(d);
}

/**
 * The filters that pin a cell's group: one per grouped dimension the filter bar has. A group with
 * no value ("Saknas") or a dimension the filters cannot express (unit, step) gives none; a cell
 * with none of its dimensions expressible gives null, and no link.
 */
export function cellFilters(
  groupBy: readonly Dimension[],
  cell: GroupFields,
): Record<string, string> | null {
  const changes: Record<string, string> = {};
  for (const d of groupBy) {
    const value = cell[d];
    if (!isFilterDimension(d) || value === null || value === undefined) continue;
    changes[d] = String(value);
  }
  return Object.keys(changes).length === 0 ? null : changes;
}

/**
 * Lead times of the step a case is stuck in: from that step to the next, in its process; the
 * last step of a process has no next, so the link opens the process's lead times as they stand.
 */
export function stepLeadTimes(catalogues: Catalogues, process: string, step: number): Changes {
  const steps = catalogues.processes.find((p) => p.code === process)?.steps ?? [];
  const next = steps.filter((s) => s.number > step).sort((a, b) => a.number - b.number)[0];
  if (!steps.some((s) => s.number === step) || next === undefined) return { process };
  return { process, fromStep: String(step), toStep: String(next.number) };
}
