import {
  type AgreementStatus,
  addDays,
  type IsoDate,
  type ReviewDue,
  type Scope,
  sectionKinds,
  seesAgreement,
  seesAllAgreements,
} from "@samsyn/domain";
import { and, arrayOverlaps, asc, desc, eq, gte, inArray, lt, lte, type SQL } from "drizzle-orm";
import type { Db } from "../../client";
import {
  agreementDeviations,
  agreementIndicators,
  agreementRevisions,
  agreements,
} from "../../schema";
import { ok, type Result, refuse } from "../result";
import {
  type AgreementView,
  agreementView,
  type DeviationView,
  deviationView,
  type IndicatorView,
  indicatorView,
  isUuid,
} from "./views";

export interface AgreementFilter {
  readonly status?: readonly AgreementStatus[];
  readonly municipality?: readonly string[];
  readonly targetGroup?: readonly string[];
  readonly reviewDue?: ReviewDue;
}

/**
 * `GET /agreements`: the register as the caller may read it (lan and admin all; ledning and
 * samordnare the agreements one of their organisations is party to), review date first.
 */
export async function listAgreements(
  db: Db,
  scope: Scope,
  filter: AgreementFilter,
  today: IsoDate,
): Promise<readonly AgreementView[]> {
  const conditions: (SQL | undefined)[] = [];
  if (!seesAllAgreements(scope)) {
    if (scope.orgs.length === 0) return [];
    conditions.push(arrayOverlaps(agreements.parties, [...scope.orgs] as never));
  }
  if (filter.status?.length) conditions.push(inArray(agreements.status, [...filter.status]));
  if (filter.municipality?.length) {
    conditions.push(arrayOverlaps(agreements.municipalities, [...filter.municipality] as never));
  }
  if (filter.targetGroup?.length) {
    conditions.push(arrayOverlaps(agreements.targetGroups, [...filter.targetGroup] as never));
  }
  const due = filter.reviewDue;
  if (due !== undefined) {
    // Only agreements in force are reviewed (domain `isReviewDue`).
    conditions.push(inArray(agreements.status, ["active", "under_review"]));
    conditions.push(
      due.kind === "overdue"
        ? lt(agreements.reviewBy, today)
        : and(gte(agreements.reviewBy, today), lte(agreements.reviewBy, addDays(today, due.days))),
    );
  }
  const rows = await db
    .select()
    .from(agreements)
    .where(and(...conditions))
    .orderBy(asc(agreements.reviewBy), asc(agreements.title), asc(agreements.id));
  return rows.map(agreementView);
}

export interface RevisionView {
  readonly revision: number;
  readonly changedAt: string;
  readonly changedBy: string;
  readonly fields: readonly string[];
}

export interface AgreementDetail extends AgreementView {
  readonly revisions: readonly RevisionView[];
  readonly deviations: readonly DeviationView[];
  /** Deviations per section kind: open and all, for every kind an agreement can have. */
  readonly deviationsBySection: readonly { section: string; open: number; total: number }[];
}

/** `GET /agreements/{id}`: 404 for an id that names nothing or an agreement out of the caller's sight. */
export async function getAgreement(
  db: Db,
  scope: Scope,
  id: string,
): Promise<Result<AgreementDetail>> {
  if (!isUuid(id)) return refuse("not_found");
  const [row] = await db.select().from(agreements).where(eq(agreements.id, id));
  if (row === undefined || !seesAgreement(scope, row.parties)) return refuse("not_found");
  const revisions = await db
    .select()
    .from(agreementRevisions)
    .where(eq(agreementRevisions.agreementId, id))
    .orderBy(desc(agreementRevisions.revision));
  const deviations = (
    await db
      .select()
      .from(agreementDeviations)
      .where(eq(agreementDeviations.agreementId, id))
      .orderBy(desc(agreementDeviations.occurredOn), asc(agreementDeviations.id))
  ).map(deviationView);
  const deviationsBySection = sectionKinds.map((section) => {
    const of = deviations.filter((d) => d.section === section);
    return { section, open: of.filter((d) => d.status === "open").length, total: of.length };
  });
  return ok({
    ...agreementView(row),
    revisions: revisions.map((r) => ({
      revision: r.revision,
      changedAt: r.changedAt.toISOString(),
      changedBy: r.changedBy,
      fields: r.fields,
    })),
    deviations,
    deviationsBySection,
  });
}

/**
 * An agreement's indicators, oldest first; the caller has checked that it may read the agreement.
 * Their values are not here: they come from the metric publisher, for whoever reads them.
 */
export async function listIndicatorDefinitions(
  db: Db,
  agreementId: string,
): Promise<IndicatorView[]> {
  const rows = await db
    .select()
    .from(agreementIndicators)
    .where(eq(agreementIndicators.agreementId, agreementId))
    .orderBy(asc(agreementIndicators.createdAt), asc(agreementIndicators.id));
  return rows.map(indicatorView);
}
