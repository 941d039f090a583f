import { catalogueOf, type InterchangeCatalogue, type Locale } from "@samsyn/domain";
import { asc } from "drizzle-orm";
import type { Db } from "../client";
import { municipalities, processModels, processSteps, targetGroups, units } from "../schema";

export interface CatalogueView {
  readonly processes: readonly {
    readonly code: string;
    readonly name: string;
    readonly steps: readonly {
      readonly number: number;
      readonly name: string;
      readonly targetDays: number | null;
    }[];
  }[];
  readonly targetGroups: readonly {
    readonly code: string;
    readonly name: string;
    readonly statutory: boolean;
  }[];
  readonly municipalities: readonly { readonly code: string; readonly name: string }[];
  /**
   * Every unit of the county by name, whatever the reader's scope: a ledning or samordnare user's
   * network and lead-unit figures name units of other huvudmän (who took part in their cases, and
   * the county-wide comparison), and a unit's name is organisation structure, not personal data,
   * like the organisations every role reads. What the units did stays behind scope and k.
   */
  readonly units: readonly {
    readonly code: string;
    readonly name: string;
    readonly organisation: string;
  }[];
}

/** The stored catalogue tables as counties edited them, in code order: read here and only here. */
async function readCatalogueTables(db: Db) {
  const [models, steps, groups, places] = await Promise.all([
    db.select().from(processModels).orderBy(asc(processModels.code)),
    db.select().from(processSteps).orderBy(asc(processSteps.processCode), asc(processSteps.number)),
    db.select().from(targetGroups).orderBy(asc(targetGroups.code)),
    db.select().from(municipalities).orderBy(asc(municipalities.code)),
  ]);
  return { models, steps, groups, places };
}

/** The stored catalogues (as counties edited them) that import rows are checked against. */
export async function loadInterchangeCatalogue(db: Db): Promise<InterchangeCatalogue> {
  const { models, steps, groups, places } = await readCatalogueTables(db);
  const processes = models.map(({ code }) => ({
    code,
    steps: steps.filter((s) => s.processCode === code),
  }));
  return catalogueOf(processes, groups, places);
}

/**
 * The stored catalogues as counties edited them, in one locale: what clients read codes and
 * target days from instead of hard-coding them. Not personal data: every role may read it.
 */
export async function loadCatalogueView(db: Db, locale: Locale = "sv"): Promise<CatalogueView> {
  const [{ models, steps, groups, places }, unitRows] = await Promise.all([
    readCatalogueTables(db),
    db
      .select({ code: units.code, name: units.name, organisation: units.organisationCode })
      .from(units)
      .orderBy(asc(units.code)),
  ]);
  const name = (row: { nameSv: string; nameEn: string }) =>
    locale === "en" ? row.nameEn : row.nameSv;
  return {
    processes: models.map((m) => ({
      code: m.code,
      name: name(m),
      steps: steps
        .filter((s) => s.processCode === m.code)
        .map((s) => ({ number: s.number, name: name(s), targetDays: s.targetDays })),
    })),
    targetGroups: groups.map((g) => ({ code: g.code, name: name(g), statutory: g.statutory })),
    municipalities: places.map((p) => ({ code: p.code, name: p.name })),
    units: unitRows,
  };
}
