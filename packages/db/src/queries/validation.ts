import { containsIdentifier, type MessageKey, rowIssues, t } from "@samsyn/domain";
import type { ValidationDetail } from "./result";

/** Interchange columns under their API field names, so a detail names what the caller sent. */
const apiFieldNames: Readonly<Record<string, string>> = {
  case_ref: "ref",
  target_group: "targetGroup",
  age_group: "ageGroup",
  municipality_code: "municipality",
  opened_on: "openedOn",
  initiating_unit: "initiatingUnit",
  occurred_at: "occurredAt",
  unit_code: "unitCode",
};

export function detail(
  path: string,
  key: MessageKey,
  params: Record<string, string | number> = {},
): ValidationDetail {
  return { path, message: t(key, params) };
}

/** The issues of an interchange row schema (which screens every column) as API details. */
export function rowDetails(error: Parameters<typeof rowIssues>[0]): ValidationDetail[] {
  return rowIssues(error).map(({ column, code, params }) => {
    const path = apiFieldNames[column] ?? column;
    return code === "identifier"
      ? identifierDetail(path)
      : detail(path, `import.error.${code}`, { ...params });
  });
}

/** SPEC "Privacy": a hit names the field and never echoes the number. */
export function identifierDetail(path: string): ValidationDetail {
  return detail(path, "screening.identifierFound", { field: path });
}

/** Details for the fields whose text holds a personnummer or samordningsnummer. */
export function screenFields(fields: Readonly<Record<string, string | undefined>>) {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined && containsIdentifier(value))
    .map(([path]) => identifierDetail(path));
}

/** Page size and offset: the route checks them too, but this layer must not trust it. */
export function pageDetails(limit: number, offset: number, maxLimit: number): ValidationDetail[] {
  const details: ValidationDetail[] = [];
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    details.push(detail("limit", "access.invalid.limit", { max: maxLimit }));
  }
  if (!Number.isInteger(offset) || offset < 0) {
    details.push(detail("offset", "access.invalid.offset"));
  }
  return details;
}
