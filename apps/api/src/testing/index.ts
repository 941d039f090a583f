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
