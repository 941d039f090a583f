/**
 * The demo county's register, forums and evaluations, as `samsyn start` loads them after the
 * cases: exported for the load benchmark (tooling/bench), which loads a county of its own size.
 */
export { loadDemoEvaluations } from "./demo-evaluations";
export { loadDemoForums } from "./demo-forums";
export { loadDemoRegister } from "./demo-register";
