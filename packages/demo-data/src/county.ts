import { type PrincipalType, stockholmsLan } from "@samsyn/domain";
import {
  agencyUnits,
  isSouthWest,
  type KommunRole,
  kommunOrganisations,
  kommunRoles,
  kommunUnitNames,
  type PrivateRole,
  privateProviders,
  type RegionAreaRole,
  regionAreas,
  regionRoles,
  regionUnitNames,
  schoolNames,
  stockholmStadsdelar,
} from "./county-data";

export type UnitRole =
  | KommunRole
  | RegionAreaRole
  | PrivateRole
  | "primarvard"
  | "elevhalsa"
  | "forsakringskassan"
  | "arbetsformedlingen";

export interface DemoUnit {
  readonly code: string;
  readonly name: string;
  readonly organisationCode: string;
  readonly organisationName: string;
  readonly principalType: PrincipalType;
  /** Only kommun and skola units belong to a municipality (SPEC "Domain model"). */
  readonly municipalityCode: string | null;
  readonly role: UnitRole;
  /** The kommuner whose cases this unit takes part in. */
  readonly serves: readonly string[];
}

export interface DemoMunicipality {
  readonly code: string;
  readonly name: string;
  readonly population: number;
}

export interface DemoCounty {
  readonly municipalities: readonly DemoMunicipality[];
  readonly units: readonly DemoUnit[];
  /** The units of a role that serve a kommun; empty when there are none. */
  unitsFor(municipality: string, role: UnitRole): readonly DemoUnit[];
}

const REGION = { code: "RS", name: "Region Stockholm" };
const allCodes = stockholmsLan.map((m) => m.code);

/** The demo county is the same for every seed, so imports of several seeds share one set of units. */
export function buildDemoCounty(): DemoCounty {
  const units = [
    ...stockholmsLan.flatMap((m) => kommunUnits(m.code)),
    ...regionUnits(),
    ...stockholmsLan.flatMap((m) => schoolUnits(m.code, m.name)),
    ...stateAgencyUnits(),
    ...privateUnits(),
  ];
  const index = new Map<string, DemoUnit[]>();
  for (const unit of units) {
    for (const municipality of unit.serves) {
      const key = `${municipality}:${unit.role}`;
      const list = index.get(key) ?? [];
      list.push(unit);
      index.set(key, list);
    }
  }
  return {
    municipalities: stockholmsLan.map((m) => ({
      code: m.code,
      name: m.name,
      population: organisationOf(m.code).population,
    })),
    units,
    unitsFor: (municipality, role) => index.get(`${municipality}:${role}`) ?? [],
  };
}

function organisationOf(municipality: string): { name: string; population: number } {
  const organisation = kommunOrganisations[municipality];
  if (organisation === undefined) throw new RangeError(`no demo data for kommun ${municipality}`);
  return organisation;
}

function kommunUnits(municipality: string): DemoUnit[] {
  const organisation = organisationOf(municipality);
  const base = {
    organisationCode: `K${municipality}`,
    organisationName: organisation.name,
    principalType: "kommun" as const,
    municipalityCode: municipality,
    serves: [municipality],
  };
  if (municipality === "0180") {
    return stockholmStadsdelar.flatMap((area) =>
      kommunRoles.map((role) => ({
        ...base,
        role,
        code: `K${municipality}-${area.code}-${kommunUnitNames[role].suffix}`,
        name: `${kommunUnitNames[role].local} ${area.name}`,
      })),
    );
  }
  return kommunRoles.map((role) => ({
    ...base,
    role,
    code: `K${municipality}-${kommunUnitNames[role].suffix}`,
    name: kommunUnitNames[role].name,
  }));
}

function regionUnits(): DemoUnit[] {
  const base = {
    organisationCode: REGION.code,
    organisationName: REGION.name,
    principalType: "region" as const,
    municipalityCode: null,
  };
  const specialists = regionAreas.flatMap((area) =>
    regionRoles.map((role) => ({
      ...base,
      role,
      code: `RS-${regionUnitNames[role].prefix}-${area.code}`,
      name: regionUnitNames[role].name.replace("{area}", area.name),
      serves: area.serves,
    })),
  );
  const vardcentraler = stockholmsLan.flatMap((m) =>
    m.code === "0180"
      ? stockholmStadsdelar.map((area) => ({
          ...base,
          role: "primarvard" as const,
          code: `RS-VC-0180-${area.code}`,
          name: `Vårdcentralen ${area.name}`,
          serves: [m.code],
        }))
      : [
          {
            ...base,
            role: "primarvard" as const,
            code: `RS-VC-${m.code}`,
            name: `Vårdcentralen ${m.name}`,
            serves: [m.code],
          },
        ],
  );
  return [...specialists, ...vardcentraler];
}

/** Elevhälsan at a few schools per kommun: two in small kommuner, more where more children live. */
function schoolUnits(municipality: string, municipalityName: string): DemoUnit[] {
  const population = organisationOf(municipality).population;
  const count = population > 500_000 ? 6 : population > 60_000 ? 3 : 2;
  return schoolNames.slice(0, count).map((school) => ({
    code: `S${municipality}-${school.code}-ELEVHALSA`,
    name: `Elevhälsan, ${school.name}`,
    organisationCode: `S${municipality}-${school.code}`,
    organisationName: `${school.name} (${municipalityName})`,
    principalType: "skola" as const,
    municipalityCode: municipality,
    role: "elevhalsa" as const,
    serves: [municipality],
  }));
}

function stateAgencyUnits(): DemoUnit[] {
  return agencyUnits.map((unit) => ({
    code: unit.code,
    name: unit.name,
    organisationCode: unit.organisation,
    organisationName: unit.organisation === "FK" ? "Försäkringskassan" : "Arbetsförmedlingen",
    principalType: unit.organisation === "FK" ? "forsakringskassan" : "arbetsformedlingen",
    municipalityCode: null,
    role: unit.organisation === "FK" ? "forsakringskassan" : "arbetsformedlingen",
    serves: allCodes.filter((code) => isSouthWest(code) === unit.southWest),
  }));
}

function privateUnits(): DemoUnit[] {
  return privateProviders.flatMap((provider) =>
    provider.units.map((unit) => ({
      code: `${provider.code}-${unit.suffix}`,
      name: unit.name,
      organisationCode: provider.code,
      organisationName: provider.name,
      principalType: "privat" as const,
      municipalityCode: null,
      role: unit.role,
      serves: allCodes,
    })),
  );
}
