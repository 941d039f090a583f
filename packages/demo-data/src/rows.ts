import { isoDateOf, pad2, stockholmOffset } from "./calendar";
import type { DemoCase } from "./case-profile";
import type { DemoUnit } from "./county";
import { csvLine } from "./csv";
import type { Random } from "./prng";
import type { DraftEvent } from "./story";

/** The header rows of SPEC "Interchange format", exactly. */
export const unitsHeader = csvLine([
  "unit_code",
  "unit_name",
  "organisation_code",
  "organisation_name",
  "principal_type",
  "municipality_code",
]);
export const casesHeader = csvLine([
  "case_ref",
  "process",
  "target_group",
  "age_group",
  "municipality_code",
  "opened_on",
  "initiating_unit",
]);
export const eventsHeader = csvLine([
  "case_ref",
  "occurred_at",
  "type",
  "step",
  "unit_code",
  "value",
]);

export function unitRow(unit: DemoUnit): string {
  return csvLine([
    unit.code,
    unit.name,
    unit.organisationCode,
    unit.organisationName,
    unit.principalType,
    unit.municipalityCode ?? "",
  ]);
}

export function caseRow(demoCase: DemoCase): string {
  return csvLine([
    demoCase.ref,
    demoCase.process.code,
    demoCase.targetGroup,
    demoCase.ageGroup,
    demoCase.municipality,
    isoDateOf(demoCase.openedDay),
    demoCase.initiatingUnit.code,
  ]);
}

/**
 * The case's events as rows. Most source systems give a date; some give a time with the offset,
 * so a case records either mostly dates or mostly timestamps. Within a day the times never go
 * backwards: a date is 00:00, so after a timestamp the same day only later timestamps may follow,
 * or the rows would no longer be in event order.
 */
export function eventRows(ref: string, events: readonly DraftEvent[], random: Random): string {
  const timestampShare = random.pick([0, 0, 0, 0, 0, 0, 0.4, 0.4, 0.9, 0.9]);
  let lastDay = Number.NaN;
  let lastMinute = 0;
  let rows = "";
  for (const event of events) {
    const sameDay = event.day === lastDay;
    const minute =
      sameDay && lastMinute > 0
        ? Math.min(lastMinute + 5 * random.int(0, 12), 23 * 60 + 55)
        : random.chance(timestampShare)
          ? 5 * random.int(8 * 12, 17 * 12 - 1)
          : 0;
    rows += csvLine([
      ref,
      occurredAt(event.day, minute),
      event.type,
      event.step === null ? "" : String(event.step),
      event.unit ?? "",
      event.value ?? "",
    ]);
    lastDay = event.day;
    lastMinute = minute;
  }
  return rows;
}

/** Minute 0 stands for "date only"; any other minute is written as local time with its offset. */
function occurredAt(day: number, minute: number): string {
  const date = isoDateOf(day);
  if (minute === 0) return date;
  return `${date}T${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}:00${stockholmOffset(day)}`;
}
