/** Utvärdering: the refusals of the evaluations' decider, one per code, and its signal. */
export const evaluationMessages = {
  "evaluations.error.unknownOrganisation": {
    sv: "Organisationen finns inte i katalogen.",
    en: "The organisation is not in the catalogue.",
  },
  "evaluations.error.noOrganisation": {
    sv: "Ange minst en organisation.",
    en: "Name at least one organisation.",
  },
  "evaluations.error.periodReversed": {
    sv: "Periodens slut ligger före dess början.",
    en: "The period ends before it starts.",
  },
  "evaluations.error.unknownProcess": {
    sv: "Processen finns inte i katalogen.",
    en: "The process is not in the catalogue.",
  },
  "evaluations.error.stepsWithoutProcess": {
    sv: "Steg kan bara anges tillsammans med en process.",
    en: "Steps can only be given with a process.",
  },
  "evaluations.error.stepNotInProcess": {
    sv: "Steget hör inte till utvärderingens process.",
    en: "The step is not part of the evaluation's process.",
  },
  "evaluations.error.votesOutOfRange": {
    sv: "Antal röster per deltagare ska vara 1–10.",
    en: "Votes per participant must be 1–10.",
  },
  "evaluations.error.unknownTheme": {
    sv: "Temat finns inte i katalogen över utvärderingsteman.",
    en: "The theme is not in the catalogue of evaluation themes.",
  },
  "evaluations.error.wrongPhase": {
    sv: "Det går inte i utvärderingens nuvarande fas.",
    en: "Not possible in the evaluation's current phase.",
  },
  "evaluations.error.phaseNotNext": {
    sv: "Fasen kan bara flyttas ett steg framåt: insamling → gruppering → röstning → diskussion → avslutad.",
    en: "The phase moves forward one step at a time: collect → group → vote → discuss → closed.",
  },
  "evaluations.error.unknownItem": {
    sv: "Lappen finns inte i den här utvärderingen.",
    en: "The item is not part of this evaluation.",
  },
  "evaluations.error.noItems": {
    sv: "Ange minst en lapp.",
    en: "Name at least one item.",
  },
  "evaluations.error.unknownTarget": {
    sv: "Det finns ingen lapp eller grupp med det id:t i utvärderingen.",
    en: "No item or group with that id in this evaluation.",
  },
  "evaluations.error.voteLimitReached": {
    sv: "Du har använt alla dina röster.",
    en: "You have used all your votes.",
  },
  "evaluations.error.notAnImprovement": {
    sv: "Bara förbättringsområden kan bli åtgärder.",
    en: "Only improvements can become actions.",
  },
  "evaluations.error.ownerNotMember": {
    sv: "Ansvarig organisation måste vara medlem i forumet.",
    en: "The owning organisation must be a member of the forum.",
  },
  "agenda.signal.improvement_theme": {
    sv: "Återkommande förbättringsområde: {name} ({sessions} utvärderingar)",
    en: "Recurring improvement theme: {name} ({sessions} evaluations)",
  },
} as const;
