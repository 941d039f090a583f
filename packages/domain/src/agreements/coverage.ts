import type {
  IsoDate,
  MunicipalityCode,
  OrganisationCode,
  PrincipalType,
  TargetGroupCode,
} from "../codes";
import type { Agreement } from "./agreement";
import { isInForce, isValidOn } from "./agreement";

/** What coverage needs to know of an organisation. */
export interface CoverageOrganisation {
  readonly code: OrganisationCode;
  readonly principalType: PrincipalType;
  readonly municipalityCode: MunicipalityCode | null;
}

export type CoverageAgreement = Pick<
  Agreement,
  "id" | "status" | "validFrom" | "validTo" | "parties" | "targetGroups" | "municipalities"
>;

export interface CoverageCell {
  readonly municipality: MunicipalityCode;
  readonly targetGroup: TargetGroupCode;
  readonly covered: boolean;
  /** The covering agreements' ids, sorted. */
  readonly agreements: readonly string[];
}

export interface CoverageInput {
  readonly asOf: IsoDate;
  /** The county's municipalities, in the order the cells come. */
  readonly municipalities: readonly MunicipalityCode[];
  /** The statutory target groups (seed 000: kommun and region must agree on these). */
  readonly targetGroups: readonly TargetGroupCode[];
  readonly organisations: readonly CoverageOrganisation[];
  readonly agreements: readonly CoverageAgreement[];
}

/**
 * SPEC "Överenskommelser", coverage: one cell per municipality × statutory target group. A cell is
 * covered by an agreement in force and valid on asOf whose parties include that municipality's
 * kommun and a region, and which names the cell's municipality and target group. This is the
 * reference the SQL is held to.
 */
export function coverage(input: CoverageInput): CoverageCell[] {
  const byCode = new Map(input.organisations.map((o) => [o.code as string, o]));
  const inForce = input.agreements.filter((a) => isInForce(a.status) && isValidOn(a, input.asOf));
  const cells: CoverageCell[] = [];
  for (const municipality of input.municipalities) {
    for (const targetGroup of input.targetGroups) {
      const ids = inForce
        .filter(
          (a) =>
            a.municipalities.includes(municipality) &&
            a.targetGroups.includes(targetGroup) &&
            a.parties.some((p) => {
              const o = byCode.get(p);
              return o?.principalType === "kommun" && o.municipalityCode === municipality;
            }) &&
            a.parties.some((p) => byCode.get(p)?.principalType === "region"),
        )
        .map((a) => a.id)
        .sort();
      cells.push({ municipality, targetGroup, covered: ids.length > 0, agreements: ids });
    }
  }
  return cells;
}
