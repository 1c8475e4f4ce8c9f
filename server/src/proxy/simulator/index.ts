// Sidecar simulator: build a simulated VM sidecar for a scenario and serve it on 127.0.0.1.
export { SCENARIOS, SCENARIO_SPECS, HOSTILE, isScenario, type ScenarioName } from './scenarios';
export { buildSidecar, createMeshRoot, type SimulatedSidecar, type SidecarOptions } from './sidecar';
export { serveSidecar, type RunningSidecar, type ServeOptions } from './server';
export { serveIstiod, type RunningIstiod } from './istiod';
