export const demoMessages = {
  "demo.invalid_seed": {
    sv: "Fröet (seed) ska vara ett heltal mellan 0 och {max}.",
    en: "The seed must be a whole number between 0 and {max}.",
  },
  "demo.invalid_cases": {
    sv: "Antalet ärenden ska vara ett heltal mellan 0 och {max}.",
    en: "The number of cases must be a whole number between 0 and {max}.",
  },
  "demo.invalid_as_of": {
    sv: "Datumet för demodata ska vara ett riktigt datum, ÅÅÅÅ-MM-DD.",
    en: "The demo data date must be a real date, YYYY-MM-DD.",
  },
} as const;
