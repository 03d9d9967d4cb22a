import {
  From,
  type Arg,
  type Dockerfile,
  type Flag,
  type ImageTemplate,
  type Instruction,
} from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import { expandVariables } from './expandVariables';
import { declarationsOf } from './declarations';
import { flagOptionSpans } from './flagOptions';
import type { ParsedDockerfile } from './parseDockerfile';
import { resolveStageReference } from './resolveStageReference';
import type { GlobalArg, PlatformFlag, Stage, StageGraph, StageReference } from './stageModel';

export interface StageGraphOptions {
  /** `--build-arg` style overrides for global ARGs (only ARGs the file declares take them, as in BuildKit). */
  readonly buildArgs?: Readonly<Record<string, string>>;
}

/**
 * Builds the stage graph from a parsed Dockerfile. Tolerates half-typed text: a FROM without an image
 * still makes a stage, a flag without a value makes no reference.
 */
export function buildStageGraph(parsed: ParsedDockerfile, options: StageGraphOptions = {}): StageGraph {
  const dockerfile = parsed.dockerfile;
  if (!dockerfile) {
    return { stages: [], globalArgs: [], references: [], escapeChar: '\\' };
  }
  const escapeChar = dockerfile.getEscapeCharacter();
  const globalArgs = readGlobalArgs(dockerfile.getInitialARGs());
  const argValues = new Map<string, string | undefined>();
  for (const arg of globalArgs) {
    const override = options.buildArgs?.[arg.name];
    argValues.set(arg.name, override ?? arg.defaultValue);
  }

  const argValuesKey = JSON.stringify([...argValues]);
  const groups = stageInstructionGroups(dockerfile);
  const parts = groups.map((instructions) =>
    stageParts(instructions, parsed, argValues, argValuesKey, escapeChar),
  );
  const stages = parts.map(({ stage }, index) =>
    placeStage(stage, index, stageRange(groups[index][0], groups[index + 1]?.[0], parsed), groups[index]),
  );

  const references: StageReference[] = [];
  stages.forEach((stage, index) => {
    for (const { kind, value, valueRange, instruction } of parts[index].references) {
      references.push({
        kind,
        value,
        valueRange,
        fromStageIndex: stage.index,
        instruction,
        resolution: resolveStageReference(kind, value, stage, stages),
      });
    }
  });
  return { stages, globalArgs, references, escapeChar };
}

/** What a stage's own instructions say, before it is placed in the file and its references resolved. */
type StageOwnFields = Omit<Stage, 'index' | 'range' | 'instructions'>;
type RawReference = Pick<StageReference, 'kind' | 'value' | 'valueRange' | 'instruction'>;

interface StageParts {
  readonly instructions: readonly Instruction[];
  readonly argValuesKey: string;
  readonly escapeChar: string;
  readonly stage: StageOwnFields;
  readonly references: readonly RawReference[];
}

/**
 * Per stage, keyed by its FROM instruction. The incremental parser reuses a stage's instruction objects
 * while its text and first line are unchanged, so after an edit only the edited stage is read again; the
 * cheap parts that depend on the other stages (index, range, reference resolution) are redone every time.
 * A WeakMap, so entries go with the parse trees.
 */
const partsByFrom = new WeakMap<Instruction, StageParts>();

function stageParts(
  instructions: Instruction[],
  parsed: ParsedDockerfile,
  argValues: ReadonlyMap<string, string | undefined>,
  argValuesKey: string,
  escapeChar: string,
): StageParts {
  const from = instructions[0];
  const cached = partsByFrom.get(from);
  if (
    cached &&
    cached.argValuesKey === argValuesKey &&
    cached.escapeChar === escapeChar &&
    (cached.instructions === instructions || sameInstructions(cached.instructions, instructions))
  ) {
    return cached;
  }
  const built = buildStage(instructions, 0, undefined, parsed, argValues, escapeChar);
  const references: StageReference[] = [];
  collectReferences(built, [], parsed.lines, escapeChar, references);
  // The placement fields are filled in per version by buildStageGraph; the rest is the stage's own. A rest
  // pattern, not `delete`, which would turn the object (and every stage spread from it) into a slow
  // dictionary-mode object.
  const { index, range, instructions: ownInstructions, ...stage } = built;
  const parts: StageParts = {
    instructions,
    argValuesKey,
    escapeChar,
    stage,
    references: references.map(({ kind, value, valueRange, instruction }) => ({
      kind,
      value,
      valueRange,
      instruction,
    })),
  };
  partsByFrom.set(from, parts);
  return parts;
}

/**
 * A stage from its own fields and its place in this version of the file. The fields are written out rather
 * than spread: spreading a cached object of this size on every keystroke for every stage was one of the
 * largest costs of an edit on large files.
 */
function placeStage(own: StageOwnFields, index: number, range: Range, instructions: Instruction[]): Stage {
  return {
    index,
    name: own.name,
    nameLower: own.nameLower,
    nameRange: own.nameRange,
    asKeyword: own.asKeyword,
    asRange: own.asRange,
    fromKeyword: own.fromKeyword,
    fromKeywordRange: own.fromKeywordRange,
    fromRange: own.fromRange,
    base: own.base,
    baseExpanded: own.baseExpanded,
    baseRange: own.baseRange,
    platform: own.platform,
    range,
    instructions,
  };
}

function sameInstructions(a: readonly Instruction[], b: readonly Instruction[]): boolean {
  return a.length === b.length && a.every((instruction, index) => instruction === b[index]);
}

function readGlobalArgs(args: readonly Arg[]): GlobalArg[] {
  const result: GlobalArg[] = [];
  for (const arg of args) {
    // `ARG A=1 B=2` and `ARG A B` declare several variables in one instruction.
    for (const { name, value, range } of declarationsOf(arg)) {
      result.push({ name, defaultValue: value, range });
    }
  }
  return result;
}

/**
 * Each stage's instructions, FROM first. dockerfile-ast already groups them into one template per FROM
 * (a private field of 0.7.x); the incremental parser reuses an unchanged stage's template, so its array is
 * the very same object across edits, which lets per-stage caches compare by identity. Should the field
 * ever be missing, the instructions are grouped here the same way.
 */
function stageInstructionGroups(dockerfile: Dockerfile): Instruction[][] {
  const templates = (dockerfile as unknown as { buildStages?: unknown }).buildStages;
  if (Array.isArray(templates) && templates.every(isImageTemplate)) {
    return templates
      .map((template) => template.getInstructions())
      .filter((instructions) => instructions.length > 0);
  }
  return groupInstructionsByStage(dockerfile.getInstructions());
}

function isImageTemplate(value: unknown): value is ImageTemplate {
  return typeof (value as Partial<ImageTemplate> | null)?.getInstructions === 'function';
}

function groupInstructionsByStage(instructions: readonly Instruction[]): Instruction[][] {
  const groups: Instruction[][] = [];
  for (const instruction of instructions) {
    // dockerfile-ast makes every FROM a From, and only FROMs; the class test spares an uppercased copy of
    // every keyword in the file on every keystroke.
    if (instruction instanceof From) {
      groups.push([instruction]);
    } else if (groups.length > 0) {
      groups[groups.length - 1].push(instruction);
    }
  }
  return groups;
}

function buildStage(
  instructions: Instruction[],
  index: number,
  nextFrom: Instruction | undefined,
  parsed: ParsedDockerfile,
  argValues: ReadonlyMap<string, string | undefined>,
  escapeChar: string,
): Stage {
  const from = instructions[0] as From;
  const args = from.getArguments();
  const name = from.getBuildStage() ?? undefined;
  // `FROM image AS name`: the keyword is the second argument when there are three.
  const asArgument = args.length >= 2 ? args[1] : undefined;
  const isAs = asArgument !== undefined && asArgument.getValue().toLowerCase() === 'as';
  const base = from.getImage() ?? undefined;
  const baseRange = from.getImageRange() ?? undefined;
  const baseExpansion = base === undefined ? undefined : expandVariables(base, argValues, escapeChar);
  return {
    index,
    name: name === '' ? undefined : name,
    nameLower: name ? name.toLowerCase() : undefined,
    nameRange: name ? (from.getBuildStageRange() ?? undefined) : undefined,
    asKeyword: isAs ? asArgument.getValue() : undefined,
    asRange: isAs ? asArgument.getRange() : undefined,
    fromKeyword: from.getInstruction(),
    fromKeywordRange: from.getInstructionRange(),
    fromRange: from.getRange(),
    base,
    baseExpanded: baseExpansion && baseExpansion.complete ? baseExpansion.value : undefined,
    baseRange,
    platform: readPlatform(from.getFlags()),
    range: stageRange(from, nextFrom, parsed),
    instructions,
  };
}

function readPlatform(flags: readonly Flag[]): PlatformFlag | undefined {
  // Read flags by name: From.getPlatformFlag() misses --platform when other flags are present.
  const flag = flags.find((candidate) => candidate.getName().toLowerCase() === 'platform');
  const value = flag?.getValue();
  const range = flag?.getValueRange();
  return flag && value && range ? { value, range } : undefined;
}

function stageRange(from: Instruction, nextFrom: Instruction | undefined, parsed: ParsedDockerfile): Range {
  const start = from.getRange().start;
  if (nextFrom) {
    const endLine = Math.max(start.line, nextFrom.getRange().start.line - 1);
    return { start, end: { line: endLine, character: (parsed.lines[endLine] ?? '').length } };
  }
  const lastLine = Math.max(start.line, parsed.lines.length - 1);
  return { start, end: { line: lastLine, character: (parsed.lines[lastLine] ?? '').length } };
}

function collectReferences(
  stage: Stage,
  stages: readonly Stage[],
  lines: readonly string[],
  escapeChar: string,
  out: StageReference[],
): void {
  const push = (kind: StageReference['kind'], value: string, valueRange: Range, instruction: Instruction) => {
    out.push({
      kind,
      value,
      valueRange,
      fromStageIndex: stage.index,
      instruction,
      resolution: resolveStageReference(kind, value, stage, stages),
    });
  };

  const from = stage.instructions[0];
  if (stage.baseExpanded !== undefined && stage.baseRange && stage.baseExpanded !== '') {
    push('from', stage.baseExpanded, stage.baseRange, from);
  }

  for (const instruction of stage.instructions.slice(1)) {
    const keyword = instruction.getKeyword();
    if (keyword !== 'COPY' && keyword !== 'RUN') {
      continue;
    }
    for (const flag of (instruction as Instruction & { getFlags(): Flag[] }).getFlags()) {
      const flagName = flag.getName().toLowerCase();
      if (keyword === 'COPY' && flagName === 'from') {
        const value = flag.getValue();
        const range = flag.getValueRange();
        if (value && range) {
          push('copy', value, range, instruction);
        }
      } else if (keyword === 'RUN' && flagName === 'mount') {
        for (const option of flagOptionSpans(flag, lines, escapeChar)) {
          if (option.name.toLowerCase() === 'from' && option.value) {
            push('mount', option.value, option.valueRange, instruction);
          }
        }
      }
    }
  }
}
