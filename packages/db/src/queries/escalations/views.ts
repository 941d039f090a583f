import {
  type EscalationAbout,
  type EscalationLevel,
  type EscalationRecord,
  escalationAgeDays,
  type IsoDate,
  isEscalationLevel,
  type SectionKind,
} from "@samsyn/domain";
import { asc, inArray } from "drizzle-orm";
import type { Db } from "../../client";
import { escalationLifts, type escalations } from "../../schema";

/**
 * An escalation as the API shows it (SPEC "Eskalering"): the record, its id, and how many days
 * it has been open (until resolved, or until today). Here, beside the reads, because the write
 * operations answer with the same shape.
 */
export type EscalationView = EscalationRecord & {
  readonly id: string;
  readonly ageDays: number;
};

type EscalationRow = typeof escalations.$inferSelect;
type LiftRow = typeof escalationLifts.$inferSelect;

export function escalationView(
  row: EscalationRow,
  lifts: readonly LiftRow[],
  today: IsoDate,
): EscalationView {
  const record: EscalationRecord = {
    about: aboutOf(row),
    organisations: row.organisations,
    question: row.question,
    level: levelOf(row.level),
    status: row.status,
    openedOn: row.openedOn,
    resolvedOn: row.resolvedOn ?? null,
    resolution: row.resolution ?? null,
    lifts: [...lifts]
      .sort((a, b) => a.level - b.level)
      .map((lift) => ({ level: levelOf(lift.level), note: lift.note, liftedOn: lift.liftedOn })),
  };
  return { id: row.id, ...record, ageDays: escalationAgeDays(record, today) };
}

/** The views of `rows`, in their order, with their lifts (one query for all of them). */
export async function escalationViews(
  db: Db,
  rows: readonly EscalationRow[],
  today: IsoDate,
): Promise<EscalationView[]> {
  if (rows.length === 0) return [];
  const lifts = await db
    .select()
    .from(escalationLifts)
    .where(
      inArray(
        escalationLifts.escalationId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(escalationLifts.escalationId), asc(escalationLifts.level));
  return rows.map((row) =>
    escalationView(
      row,
      lifts.filter((lift) => lift.escalationId === row.id),
      today,
    ),
  );
}

function aboutOf(row: EscalationRow): EscalationAbout {
  if (row.aboutKind === "case") {
    // The table's CHECK ties a case escalation to its case id.
    if (row.caseId === null) throw new Error(`case escalation ${row.id} without a case`);
    return { kind: "case", caseId: row.caseId };
  }
  return {
    kind: "routine",
    ...(row.agreementId === null ? {} : { agreementId: row.agreementId }),
    ...(row.section === null ? {} : { section: row.section as SectionKind }),
  };
}

function levelOf(level: number): EscalationLevel {
  // The table's CHECK keeps levels within 1..3.
  if (!isEscalationLevel(level)) throw new Error(`escalation level out of range: ${level}`);
  return level;
}
