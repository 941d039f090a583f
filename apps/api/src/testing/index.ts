export {
  aDeviation,
  agreementUnits,
  anIndicator,
  importAgreementCounty,
  stockholmAgreement,
} from "./agreements";
export { authed, jsonInit, testApp, unusedDatabase } from "./app";
export {
  aCaseEscalation,
  aLift,
  aResolution,
  aRoutineEscalation,
  createEscalationFixtures,
  type EscalationFixtures,
  escalationCall,
} from "./escalations";
export {
  anEvaluationItem,
  aSession,
  aSessionForum,
  createEvaluationFixtures,
  type EvaluationFixtures,
  evaluationCall,
} from "./evaluations";
export {
  aDecision,
  aForumAction,
  aMeeting,
  anAgendaItem,
  createForumFixtures,
  type ForumCall,
  type ForumFixtures,
  forumCall,
  forumRequest,
  stockholmForum,
} from "./forums";
export {
  insertEvaluation,
  recordChange,
  type SseMessage,
  type SseReader,
  sseReader,
} from "./live-board";
export { type CapturedLogs, captureLogs } from "./logs";
export { createTestIdentityProvider, type TestIdentityProvider } from "./oidc";
export { registerProbeRoutes } from "./routes";
export {
  adminScope,
  expiredTokenFor,
  testScope,
  testSecret,
  tokenFor,
  tokenSignedElsewhere,
  unsignedTokenFor,
} from "./tokens";
