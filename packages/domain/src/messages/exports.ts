/** Scope shown on every page, in every export and in print; the Swedish-Excel CSV (issue 14). */
export const exportMessages = {
  "scope.line": { sv: "Omfattning: {scope}", en: "Scope: {scope}" },
  "scope.county": { sv: "Hela länet", en: "The whole county" },
  "scope.county_comparison": {
    sv: "Hela länet, för jämförelse med egna organisationer ({organisations})",
    en: "The whole county, for comparison with own organisations ({organisations})",
  },
  "scope.no_organisations": { sv: "Inga organisationer", en: "No organisations" },
  "print.printed": { sv: "Utskriven {date}", en: "Printed {date}" },
  "export.csv_excel": { sv: "CSV för Excel (semikolon)", en: "CSV for Swedish Excel (semicolon)" },
} as const;
