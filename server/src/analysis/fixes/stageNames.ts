import { classifyImage } from '../images';
import { VALID_STAGE_NAME } from '../rules/invalidStageName';
import { RESERVED_STAGE_NAMES } from '../rules/reservedStageName';
import type { Stage, StageGraph, StageReference } from '../stageModel';
import type { TextEdit } from './fix';
import { isReferenceRangeExact } from './findingTargets';

/**
 * The first of `base`, `base-2`, `base-3`… that no stage uses (BuildKit compares names lowercased) and
 * that no reference already names: renaming a stage to a value a `COPY --from` pulls as an image would
 * silently make that copy read from the stage.
 */
export function freeStageName(graph: StageGraph, base: string, ignoreStage?: number): string {
  const taken = new Set<string>();
  for (const stage of graph.stages) {
    if (stage.nameLower !== undefined && stage.index !== ignoreStage) {
      taken.add(stage.nameLower);
    }
  }
  for (const reference of graph.references) {
    taken.add(reference.value.toLowerCase());
  }
  const stem = validStageName(base);
  if (!taken.has(stem) && !RESERVED_STAGE_NAMES.has(stem)) {
    return stem;
  }
  for (let suffix = 2; ; suffix++) {
    const candidate = `${stem}-${suffix}`;
    if (!taken.has(candidate)) {
      return candidate;
    }
  }
}

/** A name BuildKit accepts that keeps what it can of `name`: lowercase, other characters become `-`. */
export function validStageName(name: string): string {
  let result = name
    .toLowerCase()
    .replace(/[^a-z0-9\-_.]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (result !== '' && !/^[a-z]/.test(result)) {
    result = `stage-${result}`;
  }
  return VALID_STAGE_NAME.test(result) ? result : 'stage';
}

const TEST_COMMAND =
  /\b(go test|cargo test|npm (run )?test|yarn test|pnpm test|pytest|mvn( \S+)* (test|verify)|gradle(w)? test|dotnet test|make (check|test))\b/;
const BUILD_COMMAND =
  /\b(go build|go install|cargo build|npm run build|yarn build|pnpm build|mvn( \S+)* (package|install)|gradlew? (build|assemble|bootJar|jar)|dotnet (publish|build)|make\b|cmake|gcc|g\+\+|cc -o|zig build|mix release)/;
const DEPENDENCY_COMMAND =
  /\b(go mod download|npm ci|npm install|yarn install|pnpm install|pip install|cargo fetch|mvn( \S+)* dependency:|gradlew? dependencies|dotnet restore|bundle install|composer install)\b/;
const ASSET_TOOLCHAIN = 'node';

/**
 * A name that says what a stage is for, read from its base image (classifyImage) and its RUN lines: `test`
 * when it runs tests, `build` for a toolchain that builds, `deps` for one that only installs dependencies,
 * `assets` for a Node build copied into a non-Node image, `runtime` for the final stage, otherwise `base`.
 */
export function stagePurpose(graph: StageGraph, stage: Stage): string {
  const runs = stage.instructions
    .filter((instruction) => instruction.getKeyword() === 'RUN')
    .map((instruction) => instruction.getTextContent().replace(/\s+/g, ' '));
  const ran = (pattern: RegExp) => runs.some((run) => pattern.test(run));
  if (ran(TEST_COMMAND)) {
    return 'test';
  }
  const toolchain = toolchainOf(graph, stage);
  if (toolchain !== undefined) {
    if (ran(BUILD_COMMAND)) {
      return toolchain === ASSET_TOOLCHAIN && isCopiedIntoNonNodeImage(graph, stage) ? 'assets' : 'build';
    }
    return ran(DEPENDENCY_COMMAND) ? 'deps' : 'build';
  }
  if (ran(BUILD_COMMAND)) {
    return 'build';
  }
  return stage.index === graph.stages.length - 1 ? 'runtime' : 'base';
}

/** The toolchain of a stage's image, following `FROM <stage>` to the image underneath. */
function toolchainOf(graph: StageGraph, stage: Stage): string | undefined {
  const seen = new Set<number>();
  let current: Stage | undefined = stage;
  while (current && !seen.has(current.index)) {
    seen.add(current.index);
    const parent = stageReferenceOfFrom(graph, current);
    if (parent === undefined) {
      return current.baseExpanded === undefined ? undefined : classifyImage(current.baseExpanded).toolchain;
    }
    current = graph.stages[parent];
  }
  return undefined;
}

function stageReferenceOfFrom(graph: StageGraph, stage: Stage): number | undefined {
  const reference = graph.references.find(
    (candidate) => candidate.kind === 'from' && candidate.fromStageIndex === stage.index,
  );
  return reference?.resolution.type === 'stage' ? reference.resolution.stageIndex : undefined;
}

function isCopiedIntoNonNodeImage(graph: StageGraph, stage: Stage): boolean {
  return referencesTo(graph, stage.index).some((reference) => {
    const consumer = graph.stages[reference.fromStageIndex];
    return (
      consumer !== undefined && reference.kind === 'copy' && toolchainOf(graph, consumer) !== ASSET_TOOLCHAIN
    );
  });
}

/** A fresh name for a stage from its purpose, unique in the file. */
export function purposeStageName(graph: StageGraph, stage: Stage): string {
  return freeStageName(graph, stagePurpose(graph, stage), stage.index);
}

/** Every reference that resolves to the stage (by name, by index, or as a later stage FROM cannot see). */
export function referencesTo(graph: StageGraph, stageIndex: number): StageReference[] {
  return graph.references.filter(
    (reference) =>
      (reference.resolution.type === 'stage' || reference.resolution.type === 'laterStage') &&
      reference.resolution.stageIndex === stageIndex,
  );
}

/**
 * Edits that rename a stage and every reference by name that `include` accepts; undefined when one of
 * those references cannot be rewritten safely (see isReferenceRangeExact). Numeric references keep
 * working, and a FROM whose base is written with a variable is left alone: rewriting it would drop the
 * variable. FROM references are written lowercased, because FROM only matches lowercased names.
 */
export function renameStageEdits(
  text: string,
  graph: StageGraph,
  stage: Stage,
  newName: string,
  include: (reference: StageReference) => boolean = () => true,
): TextEdit[] | undefined {
  if (!stage.nameRange) {
    return undefined;
  }
  const edits: TextEdit[] = [{ range: stage.nameRange, newText: newName }];
  for (const reference of referencesTo(graph, stage.index)) {
    if (reference.resolution.type === 'stage' && reference.resolution.byIndex) {
      continue;
    }
    if (reference.kind === 'from' && graph.stages[reference.fromStageIndex]?.base !== reference.value) {
      continue;
    }
    const newText = reference.kind === 'from' ? newName.toLowerCase() : newName;
    if (reference.value === newText || !include(reference)) {
      continue;
    }
    if (!isReferenceRangeExact(text, reference)) {
      return undefined;
    }
    edits.push({ range: reference.valueRange, newText });
  }
  return edits;
}

/** The `AS` keyword in the casing of the stage's FROM (BuildKit's FromAsCasing). */
export function asKeywordFor(stage: Stage): string {
  return stage.fromKeyword === stage.fromKeyword.toLowerCase() ? 'as' : 'AS';
}
