/**
 * @module walk-forward
 * Walk-forward optimisation (docs/WALK-FORWARD.md): windows over the data (rolling or anchored), a
 * sweep of the grid on each train range (host/sweep), the best combination run on the next test range,
 * the out-of-sample equity stitched, one signed record over every run; verify of such a folder.
 */
export { walkForward, removeWalkForwardPartials, type WalkForwardRequest, type WalkForwardReport } from './walk-forward.ts';
export { verifyWalkForward, writeWalkForwardReport, isWalkForwardFolder, type WalkForwardVerifyOptions, type WalkForwardVerifyReport } from './verify.ts';
export { parseDuration, addDuration, windowsOf, MAX_WINDOWS, type Duration, type WalkWindow, type WindowRule } from './windows.ts';
export { WALK_FORWARD_FILES, WALK_FORWARD_PLAN_FORMAT, WALK_FORWARD_SUMMARY_FORMAT, type WalkForwardPlan, type WalkRule } from './plan.ts';
export { stitchEquity, type WindowResult } from './stitch.ts';
export { proveWalkForwardRun } from './prove.ts';
