/**
 * Text for files a spreadsheet opens: the CSV exports, the import report, the register. One
 * place, so that every export quotes alike and none forgets the formula rule.
 */

/**
 * OWASP's CSV injection advice: a text that starts like a formula (= + - @, tab, CR) gets a
 * leading apostrophe, so that Excel shows it instead of running it — an actor or a unit named
 * "=HYPERLINK(…)" stays text.
 */
export function withoutFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: a field holding the separator, a quote or a line break is quoted, its quotes doubled. */
export function csvField(text: string, separator: "," | ";" = ","): string {
  const special = separator === "," ? /[",\r\n]/ : /[";\r\n]/;
  return special.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
