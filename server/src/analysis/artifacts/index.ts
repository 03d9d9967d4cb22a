/** Artifact and static-build signals read from Dockerfile text: pure functions, no I/O. */
export { architectureOfTarget, normalizeArchitecture, type Architecture } from './architectures';
export type { BuildSignalKind, SignalVerdict } from './buildSignalCatalog';
export { findBuildSignals, findStaticBuildSignals, isCgoAutoDisabled } from './buildSignals';
export type {
  BinaryOutput,
  BinaryTool,
  BuildSignal,
  BuildSignals,
  CargoBuild,
  DotnetPublish,
  GoBuild,
  SignalLocation,
} from './buildSignalTypes';
export { classifyCopiedPath, type CopiedPathClass, type CopiedPathOptions } from './classifyCopiedPath';
export {
  findCrossCompileSignals,
  type CrossCompileKind,
  type CrossCompileSignal,
  type CrossCompileSignals,
} from './crossCompileSignals';
export {
  findKnownImageArtifact,
  isStaticBuilderImage,
  type KnownArtifactVerdict,
} from './knownImageArtifacts';
export type { StageBuildInput } from './stageVariables';
