import { z } from "@hono/zod-openapi";
import type { InterchangeCatalogue } from "@samsyn/domain";
import {
  type AgeGroup,
  ageGroups,
  brokenMonthBounds,
  type Dimension,
  dimensions,
  echoable,
  type IsoDate,
  isRealDate,
  type MetricQuery,
  type PrincipalType,
  principalTypes,
  type Scope,
  stockholmDate,
  t,
} from "@samsyn/domain";
import { ApiError } from "../../errors";
import { repeatable } from "../schemas";

const date = (description: string) =>
  z
    .string()
    .optional()
    .openapi({ description: `${description}, YYYY-MM-DD`, example: "2025-06-30" });

/** SPEC "Metrics": the common parameters and filters of every metric endpoint. */
export const commonMetricQuery = z.object({
  from: date(
    "First day of the period (inclusive); for roles other than samordnare the 1st of a month",
  ),
  to: date(
    "Last day of the period (inclusive); for roles other than samordnare the last of a month",
  ),
  asOf: date("The date the figures are as of (default today, Europe/Stockholm)"),
  status: z.enum(["open", "closed", "all"]).optional(),
  municipality: repeatable("SCB kommunkod"),
  targetGroup: repeatable("Target group code"),
  ageGroup: repeatable("barn | vuxen | aldre"),
  process: repeatable("Process model code"),
  leadPrincipal: repeatable("Principal type of the lead unit as of asOf"),
  view: z.enum(["own", "county"]).optional().openapi({
    description:
      "ledning and samordnare: own organisations (default) or the county, for comparison",
  }),
});

/** Metric 2's own parameters beside the common ones. */
export const leadTimeStepParams = {
  process: z.string().openapi({ description: "Process model code (one)" }),
  fromStep: z.coerce.number().int().min(1),
  toStep: z.coerce.number().int().min(1),
};

export const groupByParam = z
  .string()
  .optional()
  .openapi({
    description: `Comma-separated: ${dimensions.join(", ")}`,
    example: "targetGroup,step",
  });

export type CommonMetricParams = z.output<typeof commonMetricQuery>;

interface Detail {
  path: string;
  message: string;
}

/** Collects every bad parameter, then refuses once with a detail per parameter (400). */
export class ParamCheck {
  readonly details: Detail[] = [];

  /** `prefix` names where the parameters sit in a body: "params." for an indicator's. */
  constructor(private readonly prefix = "") {}

  add(path: string, message: string): void {
    this.details.push({ path: this.prefix + path, message });
  }

  date(path: string, value: string | undefined): IsoDate | undefined {
    if (value === undefined) return undefined;
    if (!isRealDate(value)) {
      this.add(path, t("metrics.bad_date"));
      return undefined;
    }
    return value as IsoDate;
  }

  codes(path: string, values: readonly string[], known: (v: string) => boolean): void {
    for (const v of values) if (!known(v)) this.add(path, unknownCode(v));
  }

  done(): void {
    if (this.details.length > 0) {
      throw new ApiError("bad_request", t("metrics.bad_parameters"), this.details);
    }
  }
}

/**
 * "Unknown code: …" for a parameter value. The value is repeated only as `echoable` allows: an
 * error must not carry a personnummer back to the client's logs and screens.
 */
export function unknownCode(value: string): string {
  return t("metrics.unknown_code", { value: echoable(value) });
}

/** The groupBy list: known dimensions, each once, from the ones this metric allows. */
export function parseGroupBy(
  check: ParamCheck,
  value: string | undefined,
  allowed: readonly Dimension[] = dimensions,
): Dimension[] {
  if (value === undefined || value.trim() === "") return [];
  const parts = value.split(",").map((p) => p.trim());
  const dims: Dimension[] = [];
  for (const part of parts) {
    const dim = allowed.find((d) => d === part);
    if (dim === undefined)
      check.add(
        "groupBy",
        t("metrics.unknown_dimension", { value: echoable(part), allowed: allowed.join(", ") }),
      );
    else if (dims.includes(dim))
      check.add("groupBy", t("metrics.repeated_dimension", { value: dim }));
    else dims.push(dim);
  }
  return dims;
}

/**
 * The common parameters as the domain's MetricQuery, checked against the stored catalogues and
 * the domain's whole-months rule for the caller's role.
 */
export function metricQuery(
  check: ParamCheck,
  params: CommonMetricParams,
  catalogue: InterchangeCatalogue,
  scope: Scope,
  groupBy: Dimension[],
  now: number = Date.now(),
): MetricQuery {
  const from = check.date("from", params.from);
  const to = check.date("to", params.to);
  const asOf = check.date("asOf", params.asOf) ?? stockholmDate(now);
  if (from !== undefined && to !== undefined && from > to)
    check.add("from", t("metrics.from_after_to"));
  for (const bound of brokenMonthBounds(scope.role, { from, to })) {
    check.add(bound, t(`metrics.whole_months_${bound}`));
  }
  check.codes("municipality", params.municipality, (v) => catalogue.municipalities.has(v));
  check.codes("targetGroup", params.targetGroup, (v) => catalogue.targetGroups.has(v));
  check.codes("ageGroup", params.ageGroup, (v) => (ageGroups as readonly string[]).includes(v));
  check.codes("process", params.process, (v) => catalogue.processSteps.has(v));
  check.codes("leadPrincipal", params.leadPrincipal, (v) =>
    (principalTypes as readonly string[]).includes(v),
  );
  return {
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    asOf,
    ...(params.status === undefined ? {} : { status: params.status }),
    municipality: params.municipality,
    targetGroup: params.targetGroup,
    ageGroup: params.ageGroup as AgeGroup[],
    process: params.process,
    leadPrincipal: params.leadPrincipal as PrincipalType[],
    groupBy,
  };
}

/** A step number of `process`, or a detail naming the parameter. */
export function stepOf(
  check: ParamCheck,
  path: string,
  value: number,
  process: string,
  catalogue: InterchangeCatalogue,
): number {
  const steps = catalogue.processSteps.get(process);
  if (steps !== undefined && !steps.has(value)) {
    check.add(path, t("metrics.step_not_in_process", { step: value, process }));
  }
  return value;
}

/** A process code the catalogue knows, or a detail naming the parameter. */
export function checkProcess(
  check: ParamCheck,
  process: string,
  catalogue: InterchangeCatalogue,
): void {
  if (!catalogue.processSteps.has(process)) check.add("process", unknownCode(process));
}
