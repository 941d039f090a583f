import { containsIdentifier, type FieldIssue, type MessageKey, t } from "@samsyn/domain";
import type { ValidationDetail } from "./result";

export function detail(
  path: string,
  key: MessageKey,
  params: Record<string, string | number> = {},
): ValidationDetail {
  return { path, message: t(key, params) };
}

/** The issues of a parsed command (screening included) as API details, by the caller's field names. */
export function fieldDetails(issues: readonly FieldIssue[]): ValidationDetail[] {
  return issues.map(({ field, code, params }) =>
    code === "identifier"
      ? identifierDetail(field)
      : detail(field, `import.error.${code}`, { ...params }),
  );
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
