import '../memoizeInstructionArguments';
import {
  DockerfileParser,
  type Comment,
  type Dockerfile,
  type ImageTemplate,
  type Instruction,
  type ParserDirective,
} from 'dockerfile-ast';
import { parseShifted } from './shiftedParse';

/**
 * One slice of a Dockerfile parsed on its own, with every range at its absolute line.
 *
 * The slice runs from `startLine` up to and including the first line of the next slice (`probeLine`), which
 * should hold a FROM. dockerfile-ast scans left to right with no state but its position, so if that FROM
 * comes out as an instruction start here, the parser of the whole text is at the top level there too and
 * the slices can be parsed apart and joined. The probe line's own instruction is left out of the pieces.
 */
export interface ChunkParse {
  readonly startLine: number;
  /** The probe line, or undefined when the chunk runs to the end of the text. */
  readonly probeLine: number | undefined;
  /** Lines (after `startLine`, up to the probe line) where this parse started a FROM instruction. */
  readonly fromStarts: ReadonlySet<number>;
  readonly instructions: readonly Instruction[];
  readonly comments: readonly Comment[];
  /** The build stages that start before the probe line. */
  readonly buildStages: readonly ImageTemplate[];
  /** Only meaningful for the chunk at line 0: the parser directives and the instructions before any FROM. */
  readonly directives: readonly ParserDirective[];
  readonly initialInstructions: ImageTemplate;
  /** The tree this chunk was parsed into; the whole-file tree borrows its pieces. */
  readonly dockerfile: Dockerfile;
}

/** The private fields of dockerfile-ast's Dockerfile (0.7.x) that the incremental parser reads and sets. */
export interface DockerfileInternals {
  document: unknown;
  directives: ParserDirective[];
  initialInstructions: ImageTemplate;
  buildStages: ImageTemplate[];
  currentBuildStage: ImageTemplate | undefined;
  foundFrom: boolean;
  instructions: Instruction[];
  comments: Comment[];
}

/**
 * Parses `body` (the text from `startLine` to the end of the probe line) as if it stood at `startLine` of
 * the file, with the file's escape character. Only the chunk at line 0 sees the file's real directives.
 */
export function parseChunk(
  body: string,
  startLine: number,
  probeLine: number | undefined,
  escapeChar: string,
): ChunkParse {
  const dockerfile =
    startLine === 0 ? DockerfileParser.parse(body) : parseShifted(body, startLine, escapeChar);
  const internals = dockerfile as unknown as DockerfileInternals;
  const before = (line: number) => probeLine === undefined || line < probeLine;
  const fromStarts = new Set<number>();
  for (const instruction of dockerfile.getInstructions()) {
    const line = instruction.getRange().start.line;
    if (line > startLine && instruction.getKeyword() === 'FROM') {
      fromStarts.add(line);
    }
  }
  return {
    startLine,
    probeLine,
    fromStarts,
    instructions: dockerfile.getInstructions().filter((item) => before(item.getRange().start.line)),
    comments: dockerfile.getComments().filter((item) => before(item.getRange().start.line)),
    buildStages: internals.buildStages.filter((stage) =>
      before(stage.getInstructions()[0]?.getRange().start.line ?? 0),
    ),
    directives: internals.directives,
    initialInstructions: internals.initialInstructions,
    dockerfile,
  };
}
