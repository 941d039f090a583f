import { z } from "zod";

/**
 * Branded codes: parsed once at the edge (CSV, HTTP), trusted inside.
 * The catalogues below are the defaults that ship; a county can edit them in the database,
 * so the schemas here check shape, and the importer checks membership against what is stored.
 */
export const municipalityCode = z
  .string()
  .regex(/^\d{4}$/, "kommunkod är fyra siffror")
  .brand<"MunicipalityCode">();
export type MunicipalityCode = z.infer<typeof municipalityCode>;

const codeShape = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}_.:-]+$/u, "ogiltig kod");

export const unitCode = codeShape.brand<"UnitCode">();
export type UnitCode = z.infer<typeof unitCode>;

export const organisationCode = codeShape.brand<"OrganisationCode">();
export type OrganisationCode = z.infer<typeof organisationCode>;

export const processCode = codeShape.brand<"ProcessCode">();
export type ProcessCode = z.infer<typeof processCode>;

export const targetGroupCode = codeShape.brand<"TargetGroupCode">();
export type TargetGroupCode = z.infer<typeof targetGroupCode>;

export const principalTypes = [
  "kommun",
  "region",
  "skola",
  "forsakringskassan",
  "arbetsformedlingen",
  "privat",
] as const;
export const principalType = z.enum(principalTypes);
export type PrincipalType = z.infer<typeof principalType>;

export const ageGroups = ["barn", "vuxen", "aldre"] as const;
export const ageGroup = z.enum(ageGroups);
export type AgeGroup = z.infer<typeof ageGroup>;

/** A calendar date `YYYY-MM-DD` that exists (2025-02-30 does not). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "datum ska skrivas ÅÅÅÅ-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "datumet finns inte")
  .brand<"IsoDate">();
export type IsoDate = z.infer<typeof isoDate>;
