export {
  type DemoEvaluation,
  type DemoEvaluationItem,
  type DemoLift,
  type DemoParticipant,
  demoEvaluations,
  RECURRING_DEMO_THEME,
  SODERTALJE_FORUM,
} from "./evaluations";
export {
  type DemoAction,
  type DemoActionLink,
  type DemoEscalation,
  type DemoForum,
  type DemoMeeting,
  demoEscalations,
  demoForums,
} from "./forums";
export {
  DEFAULT_DEMO_AS_OF,
  DEFAULT_DEMO_CASES,
  DEFAULT_DEMO_SEED,
  type DemoCountyOptions,
  type DemoCountySummary,
  generateDemoCounty,
  MAX_DEMO_CASES,
  PRELOADED_DEMO_SEED,
} from "./generate-demo-county";
export { createRandom, type Random } from "./prng";
export {
  type DemoAgreement,
  type DemoDeviation,
  type DemoIndicator,
  demoRegister,
} from "./register";
