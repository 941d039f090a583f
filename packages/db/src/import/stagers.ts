import {
  type CaseRow,
  caseRowSchema,
  type EventRow,
  eventRowSchema,
  type InterchangeCatalogue,
  type UnitRow,
  unitRowSchema,
} from "@samsyn/domain";
import { caseRefHasher } from "../ref-hash";
import type { FileStager } from "./stage-file";
import {
  caseKeyLine,
  caseStageLine,
  eventStageLine,
  stageCases,
  stageEvents,
  stageUnits,
  unitKeyLine,
  unitStageLine,
} from "./staging";

export interface Stagers {
  readonly units: FileStager<UnitRow>;
  readonly cases: FileStager<CaseRow>;
  readonly events: FileStager<EventRow>;
}

/** The three files' stagers; refs are hashed here, so a raw ref never reaches the database. */
export function stagers(catalogue: InterchangeCatalogue, secret: string): Stagers {
  const hash = caseRefHasher(secret);
  const keyUsable = (issues: readonly { column: string }[], column: string) =>
    !issues.some((i) => i.column === column);
  return {
    units: {
      file: "units",
      schema: unitRowSchema(catalogue),
      table: stageUnits,
      stageLine: unitStageLine,
      keyLine: (line, raw, issues) =>
        keyUsable(issues, "unit_code") ? unitKeyLine(line, raw.unit_code ?? "") : undefined,
    },
    cases: {
      file: "cases",
      schema: caseRowSchema(catalogue),
      table: stageCases,
      stageLine: (line, row) => caseStageLine(line, hash(row.caseRef), row),
      keyLine: (line, raw, issues) =>
        keyUsable(issues, "case_ref") ? caseKeyLine(line, hash(raw.case_ref ?? "")) : undefined,
    },
    events: {
      file: "events",
      schema: eventRowSchema(),
      table: stageEvents,
      stageLine: (line, row) => eventStageLine(line, hash(row.caseRef), row),
    },
  };
}
