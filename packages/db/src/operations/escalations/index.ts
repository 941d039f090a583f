export { liftEscalation } from "./lift";
export { type NewEscalation, raiseEscalation } from "./raise";
export { resolveEscalation } from "./resolve";
