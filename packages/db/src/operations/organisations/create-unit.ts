import {
  administers,
  type OrganisationCode,
  organisationCode,
  type Scope,
  type UnitCode,
  unitCode,
} from "@samsyn/domain";
import { eq } from "drizzle-orm";
import { type AuditContext, type AuditEntry, type AuditOutcome, audited } from "../../audit";
import type { Db } from "../../client";
import type { Unit } from "../../queries/organisations";
import { ok, type Result, refuse, type ValidationDetail } from "../../queries/result";
import { detail, screenFields } from "../../queries/validation";
import { organisations, units } from "../../schema";

export interface NewUnit {
  readonly code: string;
  readonly name: string;
  readonly organisation: string;
}

/**
 * Adds a unit to an existing organisation (admin only). Audited as `unit.create`. No `decide`
 * yet: a unit has no history to fold, only field checks and two lookups; when units gain a
 * lifecycle, this gets a command and a `decide` as cases have.
 */
export function createUnit(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  input: NewUnit,
): Promise<Result<Unit>> {
  const entry = (outcome: AuditOutcome, code: string | null): AuditEntry => ({
    action: "unit.create",
    objectType: "unit",
    objectId: code,
    outcome,
  });
  return audited(db, ctx, async (tx) => {
    if (!administers(scope.role)) {
      return { result: refuse("forbidden"), audit: entry("denied", null) };
    }
    const parsed = await parseNewUnit(tx, input);
    if (!parsed.ok) {
      return { result: refuse("invalid", parsed.details), audit: entry("invalid", null) };
    }
    const [created] = await tx.insert(units).values(parsed.unit).onConflictDoNothing().returning();
    if (created === undefined) {
      const details = [detail("code", "access.conflict.unitCode")];
      return { result: refuse("conflict", details), audit: entry("conflict", input.code) };
    }
    const result = {
      code: created.code,
      name: created.name,
      organisation: created.organisationCode,
    };
    return { result: ok(result), audit: entry("ok", created.code) };
  });
}

type ParsedUnit =
  | {
      readonly ok: true;
      readonly unit: { code: UnitCode; name: string; organisationCode: OrganisationCode };
    }
  | { readonly ok: false; readonly details: ValidationDetail[] };

/** Screening first: a field holding an identifier is reported as that and nothing else. */
async function parseNewUnit(db: Db, input: NewUnit): Promise<ParsedUnit> {
  const screened = screenFields({ ...input });
  if (screened.length > 0) return { ok: false, details: screened };
  const details: ValidationDetail[] = [];
  const code = unitCode.safeParse(input.code);
  if (!code.success) details.push(detail("code", "import.error.badCode"));
  const name = nameDetail(input.name);
  if (name !== undefined) details.push(name);
  const organisation = organisationCode.safeParse(input.organisation);
  const found = organisation.success
    ? await db.$count(organisations, eq(organisations.code, organisation.data))
    : 0;
  if (found === 0) details.push(detail("organisation", "access.invalid.unknownOrganisation"));
  if (!code.success || !organisation.success || details.length > 0) return { ok: false, details };
  const unit = { code: code.data, name: input.name.trim(), organisationCode: organisation.data };
  return { ok: true, unit };
}

/** A unit name as the importer takes it: not blank, at most 200 characters, no NUL. */
function nameDetail(text: string): ValidationDetail | undefined {
  const name = text.trim();
  if (name === "") return detail("name", "import.error.required");
  if (name.length > 200) return detail("name", "import.error.tooLong", { max: 200 });
  return name.includes("\u0000") ? detail("name", "import.error.badValue") : undefined;
}
