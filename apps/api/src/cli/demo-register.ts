import {
  addIndicator,
  auditContext,
  changeAgreementStatus,
  closeDeviation,
  createAgreement,
  type Database,
  logDeviation,
  type NewAgreement,
  type Result,
} from "@samsyn/db";
import { type DemoAgreement, demoRegister } from "@samsyn/demo-data";
import type { AgreementStatus, IsoDate, Scope } from "@samsyn/domain";

/** The demo's keeper of the register: admin, so that its rows read "demo" in the audit log. */
const demoScope: Scope = { sub: "demo", role: "admin", orgs: [] };

/** From draft to each status, through the transitions the agreements' rules allow. */
const pathFromDraft: Readonly<Record<AgreementStatus, readonly AgreementStatus[]>> = {
  draft: [],
  active: ["active"],
  under_review: ["active", "under_review"],
  expired: ["active", "expired"],
  replaced: ["active", "replaced"],
};

/**
 * Writes the demo register (`demoRegister`) through the agreements' operations, so that each
 * agreement, status change, indicator and deviation is decided, revised and audited as a user's
 * would be. Returns how many agreements it wrote.
 */
export async function loadDemoRegister(
  database: Database,
  asOf: IsoDate,
  onAgreement: (done: number, total: number) => void = () => {},
): Promise<number> {
  const register = demoRegister(asOf);
  const ctx = auditContext(demoScope, "demo-register");
  for (const [i, agreement] of register.entries()) {
    await loadAgreement(database, ctx, agreement);
    onAgreement(i + 1, register.length);
  }
  return register.length;
}

async function loadAgreement(
  database: Database,
  ctx: ReturnType<typeof auditContext>,
  agreement: DemoAgreement,
): Promise<void> {
  const { db } = database;
  const { status, indicators, deviations, ...fields } = agreement;
  const created = written(await createAgreement(db, demoScope, ctx, fields as NewAgreement));
  for (const next of pathFromDraft[status]) {
    written(await changeAgreementStatus(db, demoScope, ctx, created.id, { status: next }));
  }
  for (const indicator of indicators) {
    written(await addIndicator(db, demoScope, ctx, created.id, indicator));
  }
  for (const { resolution, ...deviation } of deviations) {
    const logged = written(await logDeviation(db, demoScope, ctx, created.id, deviation as never));
    if (resolution !== null) {
      written(
        await closeDeviation(db, demoScope, ctx, created.id, {
          deviationId: logged.id,
          resolution,
        }),
      );
    }
  }
}

/** The demo's data is the program's own: a refusal is a bug, not a user's mistake. */
function written<T>(result: Result<T>): T {
  if (!result.ok) {
    throw new Error(`demo register refused: ${result.error} ${JSON.stringify(result.details)}`);
  }
  return result.value;
}
