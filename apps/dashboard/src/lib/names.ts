import type { MessageKey } from "@samsyn/domain/messages";
import type { Catalogues, Dimension, GroupFields } from "../api/types";
import { t } from "./i18n";

/**
 * Names for codes, from /api/v1/catalogues (never hard-coded). The catalogue names every unit of
 * the county, whatever the user's scope; a code it does not name (a unit imported after the
 * catalogue was read) is shown as its code rather than not at all.
 */
export function nameOf(
  catalogues: Catalogues,
  dimension: Dimension | "principalType" | "unit",
  code: string | number | null | undefined,
  process?: string,
): string {
  if (code === null || code === undefined) return t("dim.none_value");
  const key = String(code);
  const find = (list: readonly { code: string; name: string }[]) =>
    list.find((x) => x.code === key)?.name ?? key;
  switch (dimension) {
    case "targetGroup":
      return find(catalogues.targetGroups);
    case "ageGroup":
      return find(catalogues.ageGroups);
    case "municipality":
      return find(catalogues.municipalities);
    case "process":
      return find(catalogues.processes);
    case "leadPrincipal":
    case "principalType":
      return find(catalogues.principalTypes);
    case "leadUnit":
    case "unit":
      return unitName(catalogues, key);
    case "step":
      return stepName(catalogues, process, Number(code));
    default: {
      const unknown: never = dimension;
      return String(unknown);
    }
  }
}

/** Many units share a name (Beroendeenheten), so a unit is named with its organisation. */
function unitName(catalogues: Catalogues, code: string): string {
  const unit = catalogues.units.find((u) => u.code === code);
  if (unit === undefined) return code;
  const organisation = catalogues.organisations.find((o) => o.code === unit.organisation)?.name;
  return organisation === undefined ? unit.name : `${unit.name}, ${organisation}`;
}

/** A stable key for a group: its codes along the grouping (names may repeat). */
export function groupKey(groupBy: readonly Dimension[], cell: GroupFields): string {
  return groupBy.map((d) => String(cell[d])).join("|") || "total";
}

export function stepName(
  catalogues: Catalogues,
  process: string | undefined,
  step: number,
): string {
  const steps = catalogues.processes.find((p) => p.code === process)?.steps;
  const name = steps?.find((s) => s.number === step)?.name;
  return name === undefined ? String(step) : `${step} ${name}`;
}

/** The group a cell belongs to, as "Målgrupp · Kommun" text. */
export function groupLabel(
  catalogues: Catalogues,
  groupBy: readonly Dimension[],
  cell: GroupFields,
  process?: string,
): string {
  if (groupBy.length === 0) return t("dim.total");
  return groupBy.map((d) => nameOf(catalogues, d, cell[d], cell.process ?? process)).join(" · ");
}

/** The one process a page about steps shows: the filtered one, else the catalogue's first. */
export function singleProcess(catalogues: Catalogues, filtered: readonly string[]): string | null {
  const chosen = filtered[0];
  if (chosen !== undefined && catalogues.processes.some((p) => p.code === chosen)) return chosen;
  return catalogues.processes[0]?.code ?? null;
}

const dimensionKeys = {
  targetGroup: "dim.targetGroup",
  ageGroup: "dim.ageGroup",
  municipality: "dim.municipality",
  process: "dim.process",
  step: "dim.step",
  leadPrincipal: "dim.leadPrincipal",
  leadUnit: "dim.leadUnit",
} as const satisfies Record<Dimension, MessageKey>;

/** The dimensions of a grouping in words; no grouping reads "Totalt". */
export function dimensionLabel(groupBy: readonly Dimension[]): string {
  if (groupBy.length === 0) return t("dim.total");
  return groupBy.map((d) => t(dimensionKeys[d])).join(" · ");
}
