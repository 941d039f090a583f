import type { Database } from "../client";
import { importCounty } from "./county";
import {
  aCase,
  anEvent,
  aRegionUnit,
  aUnit,
  type CaseRecord,
  type EventRecord,
  type InterchangeFiles,
} from "./interchange-builders";

/**
 * A small county whose visibility is known by hand, for tests of scope (here and in the API):
 * three organisations, five units, six cases. `exampleCountyVisibility` says which refs a
 * samordnare of each organisation sees, and why.
 */
export const exampleUnits = [
  aUnit({ unit_code: "sthlm_soc", unit_name: "Socialtjänsten Stockholm" }),
  aUnit({ unit_code: "sthlm_beroende", unit_name: "Beroendeenheten Stockholm" }),
  aRegionUnit({ unit_code: "rs_beroende", unit_name: "Beroendecentrum" }),
  aRegionUnit({ unit_code: "rs_psyk", unit_name: "Psykiatrisk öppenvård" }),
  aUnit({
    unit_code: "solna_soc",
    unit_name: "Socialtjänsten Solna",
    organisation_code: "solna_stad",
    organisation_name: "Solna stad",
    municipality_code: "0184",
  }),
];

export const exampleCases: CaseRecord[] = [
  aCase({ case_ref: "REF-A", initiating_unit: "sthlm_soc", opened_on: "2024-01-10" }),
  aCase({ case_ref: "REF-B", initiating_unit: "solna_soc", opened_on: "2024-02-10" }),
  aCase({ case_ref: "REF-C", initiating_unit: "rs_beroende", opened_on: "2024-03-10" }),
  aCase({ case_ref: "REF-D", initiating_unit: "rs_psyk", opened_on: "2024-04-10" }),
  aCase({
    case_ref: "REF-E",
    initiating_unit: "sthlm_beroende",
    opened_on: "2024-05-10",
    process: "sip",
    municipality_code: "0184",
  }),
  aCase({ case_ref: "REF-F", initiating_unit: "rs_psyk", opened_on: "2024-06-01" }),
];

const on = (case_ref: string, occurred_at: string, event: Partial<EventRecord>) =>
  anEvent({ case_ref, occurred_at, step: "", ...event });

export const exampleEvents: EventRecord[] = [
  on("REF-A", "2024-01-10", { type: "step", step: "1" }),
  on("REF-A", "2024-01-11", { type: "lead", unit_code: "rs_beroende" }),
  on("REF-A", "2024-01-12", { type: "join", unit_code: "solna_soc" }),
  on("REF-A", "2024-01-20", { type: "step", step: "2" }),
  on("REF-B", "2024-02-10", { type: "join", unit_code: "rs_psyk" }),
  on("REF-B", "2024-02-11", { type: "consent", value: "given" }),
  on("REF-B", "2024-03-01", { type: "consent", value: "withdrawn" }),
  on("REF-C", "2024-03-10", { type: "join", unit_code: "sthlm_beroende" }),
  on("REF-C", "2024-03-20", { type: "leave", unit_code: "sthlm_beroende" }),
  on("REF-C", "2024-04-01", { type: "close", value: "Insatser avslutade" }),
  on("REF-D", "2024-04-10", { type: "lead", unit_code: "sthlm_soc" }),
  on("REF-D", "2024-04-11", { type: "consent", value: "withdrawn" }),
  // Dated far ahead: it does not count today, so Solna does not lead REF-E yet.
  on("REF-E", "2099-01-01", { type: "lead", unit_code: "solna_soc" }),
  // Same instant: recorded order decides. Solna joined and left; Stockholm is back in.
  on("REF-F", "2024-06-01", { type: "join", unit_code: "solna_soc" }),
  on("REF-F", "2024-06-01", { type: "leave", unit_code: "solna_soc" }),
  on("REF-F", "2024-06-01", { type: "join", unit_code: "sthlm_beroende" }),
  on("REF-F", "2024-06-01", { type: "leave", unit_code: "sthlm_beroende" }),
  on("REF-F", "2024-06-01", { type: "join", unit_code: "sthlm_beroende" }),
];

export const exampleCounty: InterchangeFiles = {
  units: exampleUnits,
  cases: exampleCases,
  events: exampleEvents,
};

/** The refs a samordnare of each organisation sees in `exampleCounty`, as of today. */
export const exampleCountyVisibility: Readonly<Record<string, readonly string[]>> = {
  // REF-A initiated, REF-D lead despite withdrawn consent, REF-E initiated, REF-F rejoined;
  // REF-C left.
  stockholms_stad: ["REF-A", "REF-D", "REF-E", "REF-F"],
  // REF-A lead, REF-C, REF-D and REF-F initiated; REF-B only joined, and consent is withdrawn.
  region_stockholm: ["REF-A", "REF-C", "REF-D", "REF-F"],
  // REF-A participating, REF-B initiated; REF-E's lead is in the future; REF-F left.
  solna_stad: ["REF-A", "REF-B"],
};

export function importExampleCounty(database: Database): Promise<void> {
  return importCounty(database, exampleCounty);
}
