import type { Instruction } from 'dockerfile-ast';
import type { Stage } from '../stageModel';
import { resolvePath } from './splitArtifacts';

/**
 * Which instructions of a single build-and-run stage belong to the runtime: the ones that only set
 * image configuration (ENTRYPOINT, CMD, EXPOSE, USER, HEALTHCHECK, VOLUME, STOPSIGNAL, LABEL), and
 * ENV, USER and WORKDIR once no build step follows them (earlier ones can change what a RUN does,
 * so they stay where they are). Each keeps the comment lines written directly above it.
 */

const RUNTIME_ONLY: ReadonlySet<string> = new Set([
  'ENTRYPOINT',
  'CMD',
  'EXPOSE',
  'HEALTHCHECK',
  'VOLUME',
  'STOPSIGNAL',
  'LABEL',
  'MAINTAINER',
]);

/** These change what later build steps do, so they move only when no build step follows. */
const RUNTIME_WHEN_LAST: ReadonlySet<string> = new Set(['ENV', 'USER', 'WORKDIR']);

/** Instructions that run or write into the build stage's filesystem. */
const BUILD_STEPS: ReadonlySet<string> = new Set(['RUN', 'COPY', 'ADD']);

/** A moved instruction with the comment lines that belong to it (all 0-based line numbers). */
export interface MovedBlock {
  readonly instruction: Instruction;
  readonly keyword: string;
  /** First line of the block: its first comment, or the instruction. */
  readonly firstLine: number;
  readonly lastLine: number;
  /**
   * First line to delete: blank lines directly above the block go with it, so that the build stage
   * is not left with runs of empty lines where the block was.
   */
  readonly deleteFromLine: number;
}

export interface StageLayout {
  readonly moved: readonly MovedBlock[];
  /** The WORKDIR each RUN of the stage ran in, by RUN index. */
  readonly runWorkdirs: readonly string[];
  /** The WORKDIR at the end of the stage, which is the one CMD and ENTRYPOINT run in. */
  readonly finalWorkdir: string;
  /** True when a WORKDIR of the stage sets the final WORKDIR (rather than the image's default). */
  readonly workdirWritten: boolean;
  /** True when the final WORKDIR is set by a WORKDIR that stays in the build stage (or by the image). */
  readonly finalWorkdirStays: boolean;
  /** USER instructions that stay in the build stage because a build step follows them. */
  readonly keptUsers: readonly Instruction[];
}

export function layOutStage(stage: Stage, lines: readonly string[], imageWorkdir: string): StageLayout {
  const body = stage.instructions.slice(1);
  const lastBuild = lastIndexWhere(body, (instruction) => BUILD_STEPS.has(instruction.getKeyword()));
  const instructionLines = new Set<number>();
  for (const instruction of stage.instructions) {
    const { start, end } = instruction.getRange();
    for (let line = start.line; line <= end.line; line++) {
      instructionLines.add(line);
    }
  }
  const moved: MovedBlock[] = [];
  const runWorkdirs: string[] = [];
  const keptUsers: Instruction[] = [];
  let workdir = imageWorkdir;
  let workdirMoved = false;
  let workdirWritten = false;
  body.forEach((instruction, index) => {
    const keyword = instruction.getKeyword();
    const movable = RUNTIME_ONLY.has(keyword) || (RUNTIME_WHEN_LAST.has(keyword) && index > lastBuild);
    if (keyword === 'WORKDIR') {
      const path = (instruction.getArgumentsContent() ?? '').trim();
      if (path !== '') {
        workdir = resolvePath(path, workdir);
        workdirMoved = movable;
        workdirWritten = true;
      }
    }
    if (keyword === 'RUN') {
      runWorkdirs.push(workdir);
    }
    if (keyword === 'USER' && !movable) {
      keptUsers.push(instruction);
    }
    if (movable) {
      const { start, end } = instruction.getRange();
      let firstLine = start.line;
      while (
        firstLine - 1 > stage.fromRange.end.line &&
        !instructionLines.has(firstLine - 1) &&
        /^\s*#/.test(lines[firstLine - 1] ?? '')
      ) {
        firstLine--;
      }
      let deleteFromLine = firstLine;
      while (
        deleteFromLine - 1 > stage.fromRange.end.line &&
        !instructionLines.has(deleteFromLine - 1) &&
        (lines[deleteFromLine - 1] ?? '').trim() === ''
      ) {
        deleteFromLine--;
      }
      moved.push({ instruction, keyword, firstLine, lastLine: end.line, deleteFromLine });
    }
  });
  return {
    moved,
    runWorkdirs,
    finalWorkdir: workdir,
    workdirWritten,
    finalWorkdirStays: !workdirMoved,
    keptUsers,
  };
}

function lastIndexWhere<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item !== undefined && predicate(item)) {
      return i;
    }
  }
  return -1;
}
