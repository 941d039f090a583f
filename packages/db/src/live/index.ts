export {
  type BoardSignal,
  type BoardSubscription,
  closeLiveBoards,
  type LiveBoards,
  liveBoards,
} from "./boards";
export {
  type BoardEvent,
  type BoardHeading,
  evaluationEventsAfter,
  visibleBoard,
} from "./events";
export { evaluationPresenceChannel, type PresenceView, presenceHeartbeatMs } from "./presence";
