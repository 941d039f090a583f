import type { IsoDate, MunicipalityCode, OrganisationCode, TargetGroupCode } from "../codes";

/**
 * Överenskommelser (SPEC "Acting on the figures"): an agreement between huvudmän saying who does
 * what for which målgrupper in which kommuner, reviewed every year (seed 003: by 30 November).
 */
export const agreementStatuses = [
  "draft",
  "active",
  "under_review",
  "expired",
  "replaced",
] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

/** Länsövergripande or lokal (one or a few kommuner with the region). */
export const agreementLevels = ["lan", "lokal"] as const;
export type AgreementLevel = (typeof agreementLevels)[number];

/** The parts of an agreement that deviations and disputes are logged against. */
export const sectionKinds = [
  "ansvarsfordelning",
  "sip",
  "informationsoverforing",
  "tvister",
  "uppfoljning",
  "ovrigt",
] as const;
export type SectionKind = (typeof sectionKinds)[number];

export interface AgreementSection {
  readonly kind: SectionKind;
  readonly title: string;
  readonly text: string;
}

/** The fields a user writes on an agreement (SPEC `POST /agreements`). */
export interface AgreementFields {
  readonly title: string;
  readonly level: AgreementLevel;
  readonly parties: readonly OrganisationCode[];
  readonly targetGroups: readonly TargetGroupCode[];
  readonly municipalities: readonly MunicipalityCode[];
  readonly validFrom: IsoDate;
  /** null: valid until further notice. */
  readonly validTo: IsoDate | null;
  readonly reviewBy: IsoDate;
  readonly documentUrl: string | null;
  readonly sections: readonly AgreementSection[];
}

export type AgreementField = keyof AgreementFields;

export const agreementFieldNames: readonly AgreementField[] = [
  "title",
  "level",
  "parties",
  "targetGroups",
  "municipalities",
  "validFrom",
  "validTo",
  "reviewBy",
  "documentUrl",
  "sections",
];

/** An agreement: its fields, and what the register keeps about it. */
export interface Agreement extends AgreementFields {
  readonly id: string;
  readonly status: AgreementStatus;
  readonly revision: number;
  /** The successor, set when the status is `replaced`. */
  readonly replacedBy: string | null;
}

/** The statuses in which an agreement is in force: those that count for coverage and reviews. */
export const inForceStatuses: readonly AgreementStatus[] = ["active", "under_review"];

export function isInForce(status: AgreementStatus): boolean {
  return inForceStatuses.includes(status);
}

/** Valid on `asOf`: validFrom ≤ asOf ≤ validTo (both days included; no validTo = no end). */
export function isValidOn(
  agreement: Pick<Agreement, "validFrom" | "validTo">,
  asOf: IsoDate | string,
): boolean {
  return agreement.validFrom <= asOf && (agreement.validTo === null || asOf <= agreement.validTo);
}
