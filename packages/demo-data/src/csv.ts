import { csvField } from "@samsyn/domain";

// RFC 4180 fields as every Samsyn file writes them; the interchange files end lines with LF.
export { csvField };

export function csvLine(fields: readonly string[]): string {
  return `${fields.map((field) => csvField(field)).join(",")}\n`;
}
