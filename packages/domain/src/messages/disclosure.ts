/** Texts about disclosure control: why a figure is withheld, why a value was refused. */
export const disclosureMessages = {
  "disclosure.suppressed": {
    sv: "Visas inte: för få ärenden för att skydda den enskilde.",
    en: "Not shown: too few cases to protect the individual.",
  },
  "disclosure.suppressedHint": {
    sv: "Tal mellan 1 och {k} visas inte, och inte heller tal som skulle gå att räkna ut ur dem.",
    en: "Numbers from 1 to {k} are not shown, nor numbers they could be worked out from.",
  },
  "disclosure.statisticWithheld": {
    sv: "Visas bara när minst {k} ärenden ingår.",
    en: "Shown only when at least {k} cases are included.",
  },
  "screening.identifierFound": {
    sv: "Fältet {field} innehåller ett personnummer eller samordningsnummer och kan inte sparas.",
    en: "The field {field} contains a personal identity or coordination number and cannot be saved.",
  },
  "screening.valueWithheld": {
    sv: "(värdet visas inte)",
    en: "(value not shown)",
  },
} as const;
