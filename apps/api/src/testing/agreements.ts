import type { Database } from "@samsyn/db";
import { aRegionUnit, aUnit, importCounty } from "@samsyn/db/testing";

type Row = Readonly<Record<string, string>>;

/**
 * Bodies for the agreement routes, shared by the tests that call every route (permissions, the
 * response contract) and the module's own: an agreement of Stockholms stad and the region, a
 * deviation against its SIP section, and an indicator following its cases.
 */
export const stockholmAgreement = {
  title: "Överenskommelse om missbruk och beroende, Stockholm",
  level: "lokal",
  parties: ["stockholms_stad", "region_stockholm"],
  targetGroups: ["missbruk_beroende"],
  municipalities: ["0180"],
  validFrom: "2026-01-01",
  validTo: null,
  sections: [{ kind: "sip", title: "SIP", text: "Kallelse inom fem arbetsdagar." }],
};

export const aDeviation = {
  kind: "avvikelse",
  section: "sip",
  occurredOn: "2026-11-02",
  organisations: ["stockholms_stad"],
  description: "Kallelsen kom för sent.",
};

export const anIndicator = {
  name: "Ärenden om missbruk och beroende",
  kind: "precondition",
  metric: "cases",
  params: { targetGroup: ["missbruk_beroende"], status: "all" },
  figure: "count",
  target: { value: 20, direction: "at_least" },
};

/** Stockholms stad, the region and Nacka: a party, the region, and a kommun that is no party. */
export const agreementUnits = [
  aUnit(),
  aRegionUnit(),
  aUnit({
    unit_code: "nacka_soc",
    organisation_code: "nacka_kommun",
    organisation_name: "Nacka kommun",
    municipality_code: "0182",
  }),
];

/** The agreement tests' county, with more units, cases and events where a test needs them. */
export function importAgreementCounty(
  database: Database,
  more: { units?: Row[]; cases?: Row[]; events?: Row[] } = {},
): Promise<void> {
  return importCounty(database, { ...more, units: [...agreementUnits, ...(more.units ?? [])] });
}
