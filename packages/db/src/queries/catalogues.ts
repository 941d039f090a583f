import { catalogueOf, type InterchangeCatalogue } from "@samsyn/domain";
import type { Db } from "../client";
import { municipalities, processModels, processSteps, targetGroups } from "../schema";

/** The stored catalogues (as counties edited them) that import rows are checked against. */
export async function loadInterchangeCatalogue(db: Db): Promise<InterchangeCatalogue> {
  const [models, steps, groups, places] = await Promise.all([
    db.select({ code: processModels.code }).from(processModels),
    db.select({ code: processSteps.processCode, number: processSteps.number }).from(processSteps),
    db.select({ code: targetGroups.code }).from(targetGroups),
    db.select({ code: municipalities.code }).from(municipalities),
  ]);
  const processes = models.map(({ code }) => ({
    code,
    steps: steps.filter((s) => s.code === code),
  }));
  return catalogueOf(processes, groups, places);
}
