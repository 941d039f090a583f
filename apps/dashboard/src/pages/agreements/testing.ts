import type { Agreement, Coverage } from "../../api/agreements";
import type { Catalogues } from "../../api/types";

/** A county of two kommuner, their organisations and the region, for the module's tests. */
export const catalogues: Catalogues = {
  processes: [],
  targetGroups: [
    { code: "psykisk_funktionsnedsattning", name: "Psykisk funktionsnedsättning", statutory: true },
    { code: "missbruk_beroende", name: "Missbruk och beroende", statutory: true },
    { code: "demens", name: "Demens", statutory: false },
  ],
  principalTypes: [
    { code: "kommun", name: "Kommun" },
    { code: "region", name: "Region" },
  ],
  ageGroups: [],
  municipalities: [
    { code: "0180", name: "Stockholm" },
    { code: "0182", name: "Nacka" },
  ],
  units: [],
  organisations: [
    { code: "K0180", name: "Stockholms stad", principalType: "kommun", municipality: "0180" },
    { code: "K0182", name: "Nacka kommun", principalType: "kommun", municipality: "0182" },
    { code: "REG", name: "Region Stockholm", principalType: "region", municipality: null },
  ],
};

/** An active local agreement of Nacka and the region on missbruk; `changes` set any field. */
export function anAgreement(changes: Partial<Agreement> = {}): Agreement {
  return {
    id: "a1",
    title: "Missbruk i Nacka",
    level: "lokal",
    parties: ["K0182", "REG"],
    targetGroups: ["missbruk_beroende"],
    municipalities: ["0182"],
    validFrom: "2025-01-01",
    validTo: null,
    reviewBy: "2025-11-30",
    documentUrl: null,
    sections: [{ kind: "sip", title: "SIP", text: "Kallas inom fem dagar." }],
    status: "active",
    revision: 3,
    replacedBy: null,
    ...changes,
  };
}

/** Coverage of the two kommuner: missbruk covered in both, psykisk funktionsnedsättning in neither. */
export const coverage: Coverage = {
  asOf: "2025-06-30",
  targetGroups: ["psykisk_funktionsnedsattning", "missbruk_beroende"],
  cells: [
    { municipality: "0182", targetGroup: "missbruk_beroende", covered: true, agreements: ["a1"] },
    {
      municipality: "0182",
      targetGroup: "psykisk_funktionsnedsattning",
      covered: false,
      agreements: [],
    },
    { municipality: "0180", targetGroup: "missbruk_beroende", covered: true, agreements: [] },
    {
      municipality: "0180",
      targetGroup: "psykisk_funktionsnedsattning",
      covered: false,
      agreements: [],
    },
  ],
};
