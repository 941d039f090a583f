export { addEvaluationItem, type NewItem as NewEvaluationItem } from "./add-item";
export { castEvaluationVote, type VoteView } from "./cast-vote";
export { changeEvaluationPhase } from "./change-phase";
export { createEvaluation, type NewEvaluation } from "./create";
export { type BoardEventType, EVALUATION_EVENTS_CHANNEL, recordBoardEvent } from "./events";
export { createEvaluationGroup, moveToEvaluationGroup } from "./groups";
export { type LiftInput, liftEvaluationItem } from "./lift-item";
