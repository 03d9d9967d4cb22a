import { findShippedToolchain } from '../split/shippedToolchain';
import { computeStageFacts } from '../stageFacts';
import type { Rule } from './rule';

/**
 * The image that ships is a build environment: its base is a toolchain image (golang, rust, gcc,
 * maven, gradle, dotnet/sdk, a JDK, or Node running a build script) or a RUN installs a compiler
 * or make, and a RUN compiles. The compiler, sources and caches then ship with the application.
 * The refactoring "Split into build and runtime stages" moves the build into its own stage.
 *
 * Finding data: `{ stageIndex: number; toolchain: string; origin: 'image' | 'installed' }`.
 */
export const toolchainInFinalStage: Rule = {
  id: 'ToolchainInFinalStage',
  defaultSeverity: 'information',
  description:
    'The final image ships the build toolchain it compiles with; a separate build stage keeps it out.',
  check({ graph, settings, target }, report) {
    if (!target) {
      return;
    }
    const facts = computeStageFacts(graph, settings)[target.index];
    if (!facts) {
      return;
    }
    const shipped = findShippedToolchain(facts);
    if (!shipped) {
      return;
    }
    const where =
      shipped.origin === 'image'
        ? `its base ${facts.imageReference ?? facts.image.reference} is a ${shipped.label} toolchain image`
        : `it installs a C toolchain (${shorten(shipped.install ?? '')})`;
    report({
      range: target.fromRange,
      message: `The final stage builds with '${shorten(shipped.buildCommand)}' and ships the toolchain: ${where}. Build in a separate stage and copy only the artifact into a runtime image.`,
      data: { stageIndex: target.index, toolchain: shipped.toolchain, origin: shipped.origin },
    });
  },
};

function shorten(text: string): string {
  // The lookbehind starts a match only at the beginning of a run of blanks: linear on long runs.
  const oneLine = text
    .replace(/(?<!\s)\s*\\\r?\n\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine;
}
