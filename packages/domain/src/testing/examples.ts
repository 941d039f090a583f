import type { BuiltCase } from "./builders";
import { aCase, unitPrincipals } from "./builders";

/** The principal type of the units the examples and generators use. */
export const exampleUnitPrincipals = unitPrincipals({
  "soc-vuxen": "kommun",
  beroendeenheten: "kommun",
  "psykiatrisk-oppenvard": "region",
  bup: "region",
});

/**
 * Seed 004, processkarta för intern samverkan vid samsjuklighet: socialtjänstens vuxenenhet
 * initiates and leads, Beroendeenheten and Psykiatrisk öppenvård join at step 2, consent to SIP
 * at the joint meeting (step 3) starts SIP in parallel, Beroendeenheten is made huvudansvarig at
 * samplanering (step 6), step 10 returns the case to step 6 ("återgå till tidigare steg"), the
 * case is closed after step 11 and reopened when a new need arises.
 */
export function processkartaCase(): BuiltCase {
  return aCase()
    .targetGroup("samsjuklighet")
    .openedOn("2024-03-04")
    .initiatingUnit("soc-vuxen")
    .step(1)
    .lead("soc-vuxen")
    .step(2, "2024-03-06")
    .join("beroendeenheten")
    .join("psykiatrisk-oppenvard")
    .step(3, "2024-03-11")
    .participation(3, "yes")
    .consent("given")
    .step(4, "2024-03-13")
    .step(5, "2024-03-18")
    .sip("established", "2024-03-25T14:00")
    .step(6, "2024-06-10")
    .lead("beroendeenheten")
    .step(7, "2024-06-17")
    .step(8, "2024-06-24")
    .sip("followed_up", "2024-09-02")
    .step(9, "2024-10-01")
    .leave("psykiatrisk-oppenvard")
    .step(10, "2024-10-21")
    .step(6, "2024-10-28")
    .step(7, "2024-11-04")
    .step(8, "2024-11-11")
    .step(9, "2025-02-03")
    .step(10, "2025-02-17")
    .step(11, "2025-02-24")
    .close("insatser avslutade")
    .reopen("2025-04-01")
    .step(9)
    .consent("withdrawn", "2025-05-05")
    .build();
}
