import type { Label } from "./catalogues";

export interface Step {
  readonly number: number;
  readonly name: Label;
  /** At most this many days in the step before the case counts as stuck; absent = no target. */
  readonly targetDays?: number;
}

export interface ProcessModel {
  readonly code: string;
  readonly name: Label;
  readonly steps: readonly Step[];
}

/**
 * Processkarta för intern samverkan vid samsjuklighetsärenden (seed 004). Target days are
 * defaults each county edits: step 3 "skyndsamt", step 5 follows the four months of a SoL
 * utredning; steps 8 and 9 span the time insatser run.
 */
export const internSamsjuklighet: ProcessModel = {
  code: "intern_samsjuklighet",
  name: {
    sv: "Intern samverkan vid samsjuklighet",
    en: "Internal collaboration on co-occurring disorders",
  },
  steps: [
    {
      number: 1,
      name: {
        sv: "Enskild i behov av internt samordnade insatser",
        en: "Individual in need of internally coordinated support",
      },
      targetDays: 7,
    },
    {
      number: 2,
      name: {
        sv: "Kontakt med berörda enheter och tjänstemannamöte",
        en: "Contact with the units concerned and officials' meeting",
      },
      targetDays: 14,
    },
    {
      number: 3,
      name: {
        sv: "Gemensamt möte med den enskilde (skyndsamt)",
        en: "Joint meeting with the individual (promptly)",
      },
      targetDays: 14,
    },
    { number: 4, name: { sv: "Tjänstemannamöte", en: "Officials' meeting" }, targetDays: 14 },
    { number: 5, name: { sv: "Utredning", en: "Assessment" }, targetDays: 120 },
    {
      number: 6,
      name: { sv: "Samplanering av insatser", en: "Joint planning of interventions" },
      targetDays: 21,
    },
    {
      number: 7,
      name: { sv: "Gemensamt möte med den enskilde", en: "Joint meeting with the individual" },
      targetDays: 21,
    },
    {
      number: 8,
      name: {
        sv: "Verkställighet av planering/insatser",
        en: "Carrying out the plan and interventions",
      },
      targetDays: 180,
    },
    { number: 9, name: { sv: "Uppföljning", en: "Follow-up" }, targetDays: 60 },
    {
      number: 10,
      name: { sv: "Avslut eller ny samhandläggning", en: "Closure or renewed joint handling" },
      targetDays: 30,
    },
    {
      number: 11,
      name: { sv: "Utvärdera samverkan", en: "Evaluate the collaboration" },
      targetDays: 30,
    },
  ],
};

/** Samordnad individuell plan (seeds 001 and 003): from noticed need to closure. */
export const sipProcess: ProcessModel = {
  code: "sip",
  name: { sv: "Samordnad individuell plan (SIP)", en: "Coordinated individual plan (SIP)" },
  steps: [
    {
      number: 1,
      name: { sv: "Behov av samordning uppmärksammat", en: "Need for coordination noticed" },
      targetDays: 7,
    },
    { number: 2, name: { sv: "Dialog och samtycke", en: "Dialogue and consent" }, targetDays: 14 },
    {
      number: 3,
      name: { sv: "Kallelse till planeringsmöte", en: "Invitation to the planning meeting" },
      targetDays: 14,
    },
    { number: 4, name: { sv: "Förberedelser", en: "Preparations" }, targetDays: 14 },
    { number: 5, name: { sv: "Planeringsmöte", en: "Planning meeting" }, targetDays: 7 },
    {
      number: 6,
      name: {
        sv: "Plan fastställd (justerade anteckningar)",
        en: "Plan adopted (approved minutes)",
      },
      targetDays: 14,
    },
    { number: 7, name: { sv: "Genomförande", en: "Implementation" }, targetDays: 180 },
    { number: 8, name: { sv: "Uppföljningsmöte", en: "Follow-up meeting" }, targetDays: 30 },
    { number: 9, name: { sv: "Avslut", en: "Closure" }, targetDays: 30 },
  ],
};

export const defaultProcessModels: readonly ProcessModel[] = [internSamsjuklighet, sipProcess];

export function findStep(model: ProcessModel, stepNumber: number): Step | undefined {
  return model.steps.find((s) => s.number === stepNumber);
}
