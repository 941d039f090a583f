import {
  type OrganisationCode,
  organisationCode,
  type PrincipalType,
  type Scope,
  seesWholeCounty,
} from "@samsyn/domain";
import { asc, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { organisations, units } from "../schema";

export interface Organisation {
  readonly code: string;
  readonly name: string;
  readonly principalType: PrincipalType;
  readonly municipality: string | null;
}

export interface Unit {
  readonly code: string;
  readonly name: string;
  readonly organisation: string;
}

/**
 * Every organisation (huvudman) of the county, for every role: the organisation structure is not
 * personal data, and ledning and samordnare need the names to read county-wide comparisons.
 */
export async function listOrganisations(db: Db, _scope: Scope): Promise<readonly Organisation[]> {
  const rows = await db.select().from(organisations).orderBy(asc(organisations.code));
  return rows.map((o) => ({
    code: o.code,
    name: o.name,
    principalType: o.principalType,
    municipality: o.municipalityCode,
  }));
}

/** Units: admin and länsgrupp see all; ledning and samordnare the units of their organisations. */
export async function listUnits(db: Db, scope: Scope): Promise<readonly Unit[]> {
  const seesAll = seesWholeCounty(scope.role);
  if (!seesAll && scope.orgs.length === 0) return [];
  const rows = await db
    .select({ code: units.code, name: units.name, organisation: units.organisationCode })
    .from(units)
    .where(seesAll ? undefined : inArray(units.organisationCode, scopeOrganisations(scope)))
    .orderBy(asc(units.code));
  return rows;
}

/** The scope's organisation codes; a code that cannot exist matches nothing anyway. */
function scopeOrganisations(scope: Scope): OrganisationCode[] {
  return scope.orgs.flatMap((code) => {
    const parsed = organisationCode.safeParse(code);
    return parsed.success ? [parsed.data] : [];
  });
}
