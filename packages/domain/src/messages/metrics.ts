export const metricsMessages = {
  "metrics.bad_parameters": {
    sv: "En eller flera parametrar är felaktiga. Se detaljerna.",
    en: "One or more parameters are wrong. See the details.",
  },
  "metrics.bad_date": {
    sv: "Ogiltigt datum: skriv ett datum som finns, ÅÅÅÅ-MM-DD.",
    en: "Invalid date: write a date that exists, YYYY-MM-DD.",
  },
  "metrics.unknown_code": { sv: "Okänd kod: {value}.", en: "Unknown code: {value}." },
  "metrics.unknown_dimension": {
    sv: "Okänd gruppering: {value}. Tillåtna: {allowed}.",
    en: "Unknown grouping: {value}. Allowed: {allowed}.",
  },
  "metrics.repeated_dimension": {
    sv: "Grupperingen {value} står mer än en gång.",
    en: "The grouping {value} appears more than once.",
  },
  "metrics.no_group_by": {
    sv: "Det här måttet kan inte grupperas.",
    en: "This metric cannot be grouped.",
  },
  "metrics.from_after_to": {
    sv: "Periodens början ligger efter dess slut.",
    en: "The period starts after it ends.",
  },
  "metrics.whole_months_from": {
    sv: "Perioden ska börja den första i en månad. Hela månader skyddar mot att enskilda ärenden kan räknas fram genom att flytta perioden en dag.",
    en: "The period must start on the first of a month. Whole months protect against working out single cases by shifting the period a day.",
  },
  "metrics.whole_months_to": {
    sv: "Perioden ska sluta den sista i en månad. Hela månader skyddar mot att enskilda ärenden kan räknas fram genom att flytta perioden en dag.",
    en: "The period must end on the last day of a month. Whole months protect against working out single cases by shifting the period a day.",
  },
  "metrics.step_not_in_process": {
    sv: "Steg {step} finns inte i processen {process}.",
    en: "Step {step} is not part of the process {process}.",
  },
  "metrics.required": { sv: "Parametern krävs.", en: "The parameter is required." },
} as const;
