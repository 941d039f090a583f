import type { AgreementCatalogue } from "@samsyn/domain";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../client";
import { type AgreementView, agreementView, isUuid } from "../../queries/agreements/views";
import { selectRows } from "../../queries/rows";
import { agreementRevisions, agreements } from "../../schema";

/**
 * The agreement, locked for the rest of the transaction when it is to be changed: a second
 * writer waits, then sees the revision the first one made, so an update is never lost.
 */
export async function loadAgreement(
  db: Db,
  id: string,
  lock: "for update" | "shared" = "shared",
): Promise<AgreementView | undefined> {
  if (!isUuid(id)) return undefined;
  const query = db.select().from(agreements).where(eq(agreements.id, id));
  const [row] = lock === "for update" ? await query.for("update") : await query;
  return row === undefined ? undefined : agreementView(row);
}

/** The county's codes an agreement may name, as stored (a county edits its catalogues). */
export async function loadAgreementCatalogue(db: Db): Promise<AgreementCatalogue> {
  const rows = await selectRows<{ kind: string; code: string }>(
    db,
    sql`SELECT 'organisation' AS kind, code FROM organisations
        UNION ALL SELECT 'targetGroup', code FROM target_groups
        UNION ALL SELECT 'municipality', code FROM municipalities`,
  );
  const of = (kind: string) => new Set(rows.filter((r) => r.kind === kind).map((r) => r.code));
  return {
    organisations: of("organisation"),
    targetGroups: of("targetGroup"),
    municipalities: of("municipality"),
  };
}

/** Writes the revision row: who changed which fields, and the agreement after the change. */
export async function insertRevision(
  db: Db,
  agreement: AgreementView,
  fields: readonly string[],
  changedBy: string,
): Promise<void> {
  const { id, ...snapshot } = agreement;
  await db.insert(agreementRevisions).values({
    agreementId: id,
    revision: agreement.revision,
    changedBy,
    fields: [...fields],
    snapshot,
  });
}
