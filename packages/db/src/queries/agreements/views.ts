import type { AgreementRecord, LogDeviation } from "@samsyn/domain";
import type { agreementDeviations, agreements } from "../../schema";

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
    sections: row.sections,
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

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `id` can name a row at all: anything else is simply not found (never a SQL error). */
export function isUuid(id: string): boolean {
  return uuidShape.test(id);
}
