import type { AddIndicator, AgreementRecord, LogDeviation } from "@samsyn/domain";
import type { agreementDeviations, agreementIndicators, agreements } from "../../schema";

/**
 * How the register's rows read in the API (SPEC "Överenskommelser"). Here, beside the reads,
 * because the write operations answer with the same shapes and import them from below.
 */
export type AgreementView = AgreementRecord & { readonly id: string };

export function agreementView(row: typeof agreements.$inferSelect): AgreementView {
  return {
    id: row.id,
    title: row.title,
    level: row.level,
    parties: row.parties,
    targetGroups: row.targetGroups,
    municipalities: row.municipalities,
    validFrom: row.validFrom,
    validTo: row.validTo ?? null,
    reviewBy: row.reviewBy,
    documentUrl: row.documentUrl ?? null,
    // Rebuilt in the order the domain writes them: jsonb keeps keys in an order of its own, and
    // comparing sections as JSON would then see a change where there is none.
    sections: row.sections.map(({ kind, title, text }) => ({ kind, title, text })),
    status: row.status,
    revision: row.revision,
    replacedBy: row.replacedBy ?? null,
  };
}

export type DeviationView = Omit<LogDeviation, "type"> & {
  readonly id: string;
  readonly agreementId: string;
  readonly status: "open" | "closed";
  readonly resolution: string | null;
};

export function deviationView(row: typeof agreementDeviations.$inferSelect): DeviationView {
  return {
    id: row.id,
    agreementId: row.agreementId,
    kind: row.kind as DeviationView["kind"],
    section: row.section as DeviationView["section"],
    occurredOn: row.occurredOn,
    organisations: row.organisations,
    description: row.description,
    status: row.status as DeviationView["status"],
    resolution: row.resolution ?? null,
  };
}

/** An indicator as stored and shown: a metric query with a target. */
export interface IndicatorView extends Omit<AddIndicator, "type"> {
  readonly id: string;
  readonly agreementId: string;
  /** The metric's parameters without asOf and groupBy (checked by the caller, as the metrics API does). */
  readonly params: Readonly<Record<string, unknown>>;
}

export function indicatorView(row: typeof agreementIndicators.$inferSelect): IndicatorView {
  return {
    id: row.id,
    agreementId: row.agreementId,
    name: row.name,
    kind: row.kind as IndicatorView["kind"],
    metric: row.metric as IndicatorView["metric"],
    params: row.params,
    figure: row.figure as IndicatorView["figure"],
    target: {
      value: row.targetValue,
      direction: row.targetDirection as IndicatorView["target"]["direction"],
    },
  };
}

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `id` can name a row at all: anything else is simply not found (never a SQL error). */
export function isUuid(id: string): boolean {
  return uuidShape.test(id);
}
