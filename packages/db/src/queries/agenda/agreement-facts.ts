import type { IsoDate } from "@samsyn/domain";
import { arrayOverlaps, asc, eq, inArray, or } from "drizzle-orm";
import type { Db } from "../../client";
import { agreementDeviations, agreementIndicators, agreements } from "../../schema";
import {
  type AgreementView,
  agreementView,
  type IndicatorView,
  indicatorView,
  isUuid,
} from "../agreements/views";

/** A deviation as the suggested agenda names it: with its agreement's title. */
export interface AgendaDeviation {
  readonly id: string;
  readonly agreementId: string;
  readonly agreementTitle: string;
  readonly kind: "avvikelse" | "tvist";
  readonly section: string;
  readonly occurredOn: IsoDate;
  readonly status: "open" | "closed";
}

export interface AgreementAgendaFacts {
  /** Agreements one of the organisations is party to. */
  readonly agreements: readonly AgreementView[];
  /** Their indicators (definitions: their figures come from the metric publisher). */
  readonly indicators: readonly IndicatorView[];
  /** Deviations on those agreements, or naming one of the organisations. */
  readonly deviations: readonly AgendaDeviation[];
}

/**
 * What the register says to a forum of these member organisations (SPEC "Ledningsforum",
 * suggested agenda): its agreements, their indicators and deviations. A forum's members read
 * these as their own (their organisations are parties), so no further scope applies.
 */
export async function agreementAgendaFacts(
  db: Db,
  organisations: readonly string[],
): Promise<AgreementAgendaFacts> {
  if (organisations.length === 0) return { agreements: [], indicators: [], deviations: [] };
  const members = [...organisations] as never;
  const agreementRows = (
    await db
      .select()
      .from(agreements)
      .where(arrayOverlaps(agreements.parties, members))
      .orderBy(asc(agreements.reviewBy), asc(agreements.id))
  ).map(agreementView);
  const ids = agreementRows.map((a) => a.id);
  const indicators =
    ids.length === 0
      ? []
      : (
          await db
            .select()
            .from(agreementIndicators)
            .where(inArray(agreementIndicators.agreementId, ids))
            .orderBy(asc(agreementIndicators.createdAt), asc(agreementIndicators.id))
        ).map(indicatorView);
  const deviationRows = await db
    .select({ deviation: agreementDeviations, title: agreements.title })
    .from(agreementDeviations)
    .innerJoin(agreements, eq(agreements.id, agreementDeviations.agreementId))
    .where(
      or(
        ids.length === 0 ? undefined : inArray(agreementDeviations.agreementId, ids),
        arrayOverlaps(agreementDeviations.organisations, members),
      ),
    )
    .orderBy(asc(agreementDeviations.occurredOn), asc(agreementDeviations.id));
  const deviations = deviationRows.map(({ deviation: d, title }) => ({
    id: d.id,
    agreementId: d.agreementId,
    agreementTitle: title,
    kind: d.kind as AgendaDeviation["kind"],
    section: d.section,
    occurredOn: d.occurredOn,
    status: d.status as AgendaDeviation["status"],
  }));
  return { agreements: agreementRows, indicators, deviations };
}

/**
 * One indicator's definition by id, for a forum action that links to it ("did it work"): its
 * figures are published for whoever reads them, under their own access, like every figure.
 */
export async function indicatorDefinition(db: Db, id: string): Promise<IndicatorView | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(agreementIndicators).where(eq(agreementIndicators.id, id));
  return row === undefined ? undefined : indicatorView(row);
}
