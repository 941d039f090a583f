import type { MunicipalityCode, OrganisationCode, PrincipalType, UnitCode } from "@samsyn/domain";
import { index, pgTable, text } from "drizzle-orm/pg-core";
import { municipalities } from "./catalogues";

export const organisations = pgTable("organisations", {
  code: text("code").$type<OrganisationCode>().primaryKey(),
  name: text("name").notNull(),
  principalType: text("principal_type").$type<PrincipalType>().notNull(),
  /** Set for kommun and skola (SPEC "Domain model"). */
  municipalityCode: text("municipality_code")
    .$type<MunicipalityCode>()
    .references(() => municipalities.code),
});

export const units = pgTable(
  "units",
  {
    code: text("code").$type<UnitCode>().primaryKey(),
    name: text("name").notNull(),
    organisationCode: text("organisation_code")
      .$type<OrganisationCode>()
      .notNull()
      .references(() => organisations.code),
  },
  // Scope is a list of organisations: "units of my organisations" is a common filter.
  (t) => [index("units_organisation_code_idx").on(t.organisationCode)],
);
