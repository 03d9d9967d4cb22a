import type { Instruction } from 'dockerfile-ast';
import { expandVariables as expandStageVariables } from './artifacts/stageVariables';
import type { StageBuildInput } from './artifacts';
import { AUTOMATIC_PLATFORM_ARGS } from './artifacts/crossCompileSignals';
import { declarationsOf } from './declarations';
import { expandVariables } from './expandVariables';
import { classifyImage, type ImageFacts } from './images';
import { unknownFacts } from './images/classifyImage';
import type { AnalysisSettings } from './settings';
import type { Stage, StageGraph } from './stageModel';

/**
 * What the analysis knows about one stage's environment: the base image it ends up on (followed
 * through `FROM <stage>` chains), the platform it is built for, and the ENV and ARG values its RUN
 * instructions see. Rules, hovers, inlay hints and graph views all read these, so the facts are
 * computed once per stage graph and settings.
 */
export interface StageFacts {
  readonly stage: Stage;
  /** The facts of the image at the root of the `FROM` chain; libc 'unknown' when it cannot be told. */
  readonly image: ImageFacts;
  /**
   * The root image reference after ARG expansion (`golang:1.22`), or undefined when the chain ends
   * in an unexpandable variable, an invalid reference or a cycle.
   */
  readonly imageReference: string | undefined;
  /** The stage this one is built `FROM`, when its base is another stage. */
  readonly inheritsFrom?: number;
  /** This stage's index, then each stage it inherits from, nearest first. */
  readonly chain: readonly number[];
  /**
   * The `--platform` value after ARG expansion. BuildKit's automatic platform ARGs
   * (`$BUILDPLATFORM`, `$TARGETPLATFORM`…) stay as written unless the file declares them with a
   * default. A stage without the flag inherits the platform of the stage it is built from;
   * undefined means the build's target platform.
   */
  readonly platform: string | undefined;
  /** The stage whose FROM line carries `platform` (this stage or an ancestor). */
  readonly platformStage?: number;
  /**
   * ENV values in effect at the end of the stage, inherited ones included (ENV persists in the
   * image config, so a `FROM <stage>` sees its parent's ENV). Values are expanded as Docker does
   * when the ENV instruction runs.
   */
  readonly env: Readonly<Record<string, string>>;
  /**
   * ARGs declared in this stage with their values (undefined when declared without a default and no
   * global or build argument supplies one). ARG scope ends with its stage, so these are never
   * inherited through `FROM <stage>`; a bare `ARG X` takes the global ARG's value.
   */
  readonly args: Readonly<Record<string, string | undefined>>;
  /** The text of this stage's own RUN instructions (continuations joined, exec form as words, heredocs kept). */
  readonly runs: readonly string[];
  /**
   * The arguments of each `ADD <url> ...` of the stage and the stages it is built FROM (ancestors first):
   * what they fetch is built elsewhere, like a file a RUN fetches with curl.
   */
  readonly downloads: readonly string[];
  /**
   * The input for build-signal detection (artifacts/findBuildSignals): the RUNs of the whole chain,
   * ancestors first, since the stage's filesystem holds what they built; this stage's ENV and ARGs.
   */
  readonly buildInput: StageBuildInput;
}

/**
 * An object that is the same from one document version to the next exactly when the stage's instructions
 * (the very objects), its parent's facts, the global ARG values, the escape character and the image
 * settings are: per-stage results that depend on nothing else (findings of intra-stage rules, build
 * signals) can be kept in a WeakMap under it, so an edit recomputes only the stages it touched.
 */
export function stageFactsKey(facts: StageFacts): object {
  return facts.buildInput;
}

// The platform ARGs live with the cross-compile signals that read them; rules import them from here.
export { AUTOMATIC_PLATFORM_ARGS };

interface CacheEntry {
  readonly images: AnalysisSettings['images'];
  readonly buildArgs: AnalysisSettings['buildArgs'];
  readonly facts: readonly StageFacts[];
}

/** Keyed by graph: each document version has its own graph, so entries go when the graph does. */
const cache = new WeakMap<StageGraph, CacheEntry>();

/**
 * The facts of every stage, indexed like `graph.stages`. Pure and total: an odd stage yields
 * unknown facts, never an exception. Results are cached per graph and settings objects.
 */
export function computeStageFacts(graph: StageGraph, settings: AnalysisSettings): readonly StageFacts[] {
  const cached = cache.get(graph);
  if (cached && cached.images === settings.images && cached.buildArgs === settings.buildArgs) {
    return cached.facts;
  }
  const facts = computeAll(graph, settings);
  cache.set(graph, { images: settings.images, buildArgs: settings.buildArgs, facts });
  return facts;
}

function computeAll(graph: StageGraph, settings: AnalysisSettings): readonly StageFacts[] {
  const globals = globalArgValues(graph, settings);
  const globalsKey = JSON.stringify([...globals]);
  const parents = new Map<number, number>();
  for (const reference of graph.references) {
    if (reference.kind === 'from' && reference.resolution.type === 'stage') {
      parents.set(reference.fromStageIndex, reference.resolution.stageIndex);
    }
  }
  const results: StageFacts[] = [];
  const cores: (StageCore | undefined)[] = [];
  for (const stage of graph.stages) {
    try {
      const parentIndex = parents.get(stage.index);
      // FROM can only name earlier stages, so the parent's facts are already computed.
      const parent =
        parentIndex !== undefined && parentIndex < stage.index ? results[parentIndex] : undefined;
      const parentCore =
        parentIndex !== undefined && parentIndex < stage.index ? cores[parentIndex] : undefined;
      const core = stageCore(stage, parent, parentCore, graph.escapeChar, settings, globals, globalsKey);
      cores.push(core);
      results.push(assemble(stage, parent, core));
    } catch {
      cores.push(undefined);
      results.push(emptyFacts(stage));
    }
  }
  return results;
}

/**
 * The facts of a stage that do not depend on where it sits in the file (its index and its parent's
 * index are added by `assemble`). They are a function of the stage's instructions, its parent's core,
 * the global ARG values, the escape character and the image settings, and they are the costly part.
 */
interface StageCore {
  readonly image: ImageFacts;
  readonly imageReference: string | undefined;
  /** Whether this stage's own FROM sets the platform (rather than inheriting it). */
  readonly ownPlatform: boolean;
  readonly platform: string | undefined;
  readonly env: Readonly<Record<string, string>>;
  readonly args: Readonly<Record<string, string | undefined>>;
  readonly runs: readonly string[];
  readonly downloads: readonly string[];
  readonly buildInput: StageBuildInput;
}

interface CoreEntry {
  readonly instructions: readonly Instruction[];
  readonly parentCore: StageCore | undefined;
  readonly globalsKey: string;
  readonly escapeChar: string;
  readonly images: AnalysisSettings['images'];
  readonly core: StageCore;
}

/**
 * Per stage, keyed by its FROM instruction: the incremental parser hands back the very same instruction
 * objects for a stage whose text did not change, so an edit in one stage recomputes that stage and the
 * stages built FROM it, not the whole file. A WeakMap, so entries go with the parse trees that hold them.
 */
const coreCache = new WeakMap<Instruction, CoreEntry>();

function stageCore(
  stage: Stage,
  parent: StageFacts | undefined,
  parentCore: StageCore | undefined,
  escapeChar: string,
  settings: AnalysisSettings,
  globals: ReadonlyMap<string, string | undefined>,
  globalsKey: string,
): StageCore {
  const from = stage.instructions[0];
  const cached = from === undefined ? undefined : coreCache.get(from);
  if (
    cached &&
    cached.parentCore === parentCore &&
    cached.globalsKey === globalsKey &&
    cached.escapeChar === escapeChar &&
    cached.images === settings.images &&
    sameInstructions(cached.instructions, stage.instructions)
  ) {
    return cached.core;
  }
  const core = computeCore(stage, parent, escapeChar, settings, globals);
  if (from !== undefined && (parent === undefined || parentCore !== undefined)) {
    coreCache.set(from, {
      instructions: stage.instructions,
      parentCore,
      globalsKey,
      escapeChar,
      images: settings.images,
      core,
    });
  }
  return core;
}

function sameInstructions(a: readonly Instruction[], b: readonly Instruction[]): boolean {
  if (a.length !== b.length) {
    return false;
  }
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      return false;
    }
  }
  return true;
}

function computeCore(
  stage: Stage,
  parent: StageFacts | undefined,
  escapeChar: string,
  settings: AnalysisSettings,
  globals: ReadonlyMap<string, string | undefined>,
): StageCore {
  const ownPlatform = expandPlatform(stage, globals, escapeChar);
  const ownRuns = readRuns(stage.instructions);
  const { env, args } = readVariables(stage.instructions, parent?.env ?? {}, globals);
  const runs = [...(parent?.buildInput.runs ?? []), ...ownRuns];
  const downloads = [...(parent?.downloads ?? []), ...readRemoteAdds(stage.instructions)];
  const image = parent
    ? parent.image
    : stage.baseExpanded !== undefined
      ? classifyImage(stage.baseExpanded, settings.images)
      : unknownFacts(stage.base ?? '', describeMissingBase(stage));
  const platformFromParent = ownPlatform === undefined && parent !== undefined;
  return {
    image,
    imageReference: parent ? parent.imageReference : stage.baseExpanded,
    ownPlatform: ownPlatform !== undefined,
    platform: platformFromParent ? parent.platform : ownPlatform,
    env,
    args,
    runs: ownRuns,
    downloads,
    buildInput: { runs, env, args },
  };
}

function assemble(stage: Stage, parent: StageFacts | undefined, core: StageCore): StageFacts {
  const platformStage = core.ownPlatform ? stage.index : parent?.platformStage;
  return {
    stage,
    image: core.image,
    imageReference: core.imageReference,
    ...(parent ? { inheritsFrom: parent.stage.index } : {}),
    chain: [stage.index, ...(parent?.chain ?? [])],
    platform: core.platform,
    ...(platformStage === undefined ? {} : { platformStage }),
    env: core.env,
    args: core.args,
    runs: core.runs,
    downloads: core.downloads,
    buildInput: core.buildInput,
  };
}

function emptyFacts(stage: Stage): StageFacts {
  return {
    stage,
    image: unknownFacts(stage.base ?? '', 'the stage could not be analysed'),
    imageReference: undefined,
    chain: [stage.index],
    platform: undefined,
    env: {},
    args: {},
    runs: [],
    downloads: [],
    buildInput: { runs: [] },
  };
}

function describeMissingBase(stage: Stage): string {
  if (stage.base === undefined) {
    return 'the FROM instruction names no image';
  }
  return 'the image reference uses a build argument without a value';
}

/** Global ARG values as FROM lines see them: `--build-arg` overrides win over defaults. */
function globalArgValues(graph: StageGraph, settings: AnalysisSettings): Map<string, string | undefined> {
  const values = new Map<string, string | undefined>();
  for (const arg of graph.globalArgs) {
    const override = settings.buildArgs[arg.name];
    values.set(arg.name, override ?? arg.defaultValue);
  }
  return values;
}

function expandPlatform(
  stage: Stage,
  globals: ReadonlyMap<string, string | undefined>,
  escapeChar: string,
): string | undefined {
  const written = stage.platform?.value;
  if (written === undefined) {
    return undefined;
  }
  const values = new Map(globals);
  for (const name of AUTOMATIC_PLATFORM_ARGS) {
    // Undeclared automatic ARGs keep their `$NAME` form, which is what the platform rule reads.
    if (!values.has(name) || values.get(name) === undefined) {
      values.set(name, `$${name}`);
    }
  }
  const expansion = expandVariables(written, values, escapeChar);
  const value = expansion.value.trim();
  return value === '' ? written : value;
}

function readVariables(
  instructions: readonly Instruction[],
  inheritedEnv: Readonly<Record<string, string>>,
  globals: ReadonlyMap<string, string | undefined>,
): { env: Record<string, string>; args: Record<string, string | undefined> } {
  const env: Record<string, string> = { ...inheritedEnv };
  const args: Record<string, string | undefined> = {};
  const lookup = (name: string): string | undefined =>
    Object.prototype.hasOwnProperty.call(env, name)
      ? env[name]
      : Object.prototype.hasOwnProperty.call(args, name)
        ? args[name]
        : undefined;
  for (const instruction of instructions.slice(1)) {
    const keyword = instruction.getKeyword();
    if (keyword !== 'ENV' && keyword !== 'ARG') {
      continue;
    }
    for (const { name, value } of declarationsOf(instruction)) {
      if (keyword === 'ENV') {
        env[name] = expandStageVariables(value ?? '', lookup);
      } else {
        const fallback = globals.has(name) ? globals.get(name) : undefined;
        args[name] = value === undefined ? fallback : expandStageVariables(value, lookup);
      }
    }
  }
  return { env, args };
}

/** A remote ADD source: BuildKit fetches HTTP(S) URLs and Git repositories (Dockerfile reference, ADD). */
const REMOTE_SOURCE = /^(?:https?:\/\/|git@)/i;

/** The arguments, as written, of each ADD that fetches a remote source. */
function readRemoteAdds(instructions: readonly Instruction[]): string[] {
  const downloads: string[] = [];
  for (const instruction of instructions.slice(1)) {
    if (instruction.getKeyword() !== 'ADD') {
      continue;
    }
    const values = instruction.getArguments().map((argument) => argument.getValue());
    if (values.slice(0, -1).some((value) => REMOTE_SOURCE.test(value))) {
      downloads.push(values.join(' '));
    }
  }
  return downloads;
}

/** The text each RUN executes: flags dropped, continuations joined, exec form as space-joined words. */
function readRuns(instructions: readonly Instruction[]): string[] {
  const runs: string[] = [];
  for (const instruction of instructions.slice(1)) {
    if (instruction.getKeyword() !== 'RUN') {
      continue;
    }
    const content = instruction.getArgumentsContent();
    if (content === null) {
      continue;
    }
    runs.push(execFormText(content) ?? content);
  }
  return runs;
}

/** Quotes a word that the shell would otherwise split, so `["sh", "-c", "go build ."]` keeps its script whole. */
function quoteWord(word: string): string {
  return /^[\w./=:,@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function execFormText(content: string): string | undefined {
  const trimmed = content.trim();
  if (!trimmed.startsWith('[')) {
    return undefined;
  }
  try {
    const words: unknown = JSON.parse(trimmed);
    if (Array.isArray(words) && words.every((word) => typeof word === 'string')) {
      return words.map(quoteWord).join(' ');
    }
  } catch {
    // Not valid JSON: Docker runs it as shell form, and so does the analysis.
  }
  return undefined;
}
