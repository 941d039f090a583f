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
  // SPEC "Privacy and disclosure control": the one sentence that says how a metric's counts were
  // published, chosen by the answer's `disclosure` (dashboard: DisclosureNote, and every export).
  "disclosure.note.cellkey": {
    sv: "För att skydda enskilda kan varje antal avvika med högst 2 från det verkliga, så summan av delarna kan skilja sig från totalen. Samma ärenden ger alltid samma antal. Antal från 1 till {below} visas inte.",
    en: "To protect individuals, each count may differ from the true count by at most 2, so the parts may not add up to the total. The same cases always give the same count. Counts from 1 to {below} are not shown.",
  },
  "disclosure.note.cellkey_notes": {
    sv: "För att skydda enskilda kan varje antal avvika med högst 2 från det verkliga, så summan av delarna kan skilja sig från totalen. Samma lappar ger alltid samma antal. Antal från 1 till {below} visas inte.",
    en: "To protect individuals, each count may differ from the true count by at most 2, so the parts may not add up to the total. The same notes always give the same count. Counts from 1 to {below} are not shown.",
  },
  "disclosure.note.suppression": {
    sv: "Antalen är exakta. För att skydda enskilda visas inte antal från 1 till {below}, och inte heller antal som de skulle kunna räknas fram ur.",
    en: "Counts are exact. To protect individuals, counts from 1 to {below} are not shown, nor counts from which they could be worked out.",
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
