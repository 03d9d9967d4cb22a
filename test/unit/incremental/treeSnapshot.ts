/**
 * Plain-data snapshots of a dockerfile-ast tree and of an analysis result, so that two of them (the
 * incremental one and a whole-text one) can be compared with deepEqual. They read everything rules and
 * features read: instructions with arguments, flags, variables (with whether each resolves) and heredocs,
 * comments, directives, build stages, the escape character and the global ARGs.
 */
import type { Comment, Dockerfile, ImageTemplate, Instruction } from 'dockerfile-ast';
import type { AnalysisResult } from '../../../server/src/analysis/analyze';

type Loose = Instruction & {
  getFlags?: () => { getName(): string; getValue(): string | null; getRange(): unknown }[];
  getHeredocs?: () => {
    getName(): string;
    getStartRange(): unknown;
    getContentRange(): unknown;
    getDelimiterRange(): unknown;
  }[];
  getImage?: () => string | null;
  getBuildStage?: () => string | null;
};

/**
 * What a getter returns, or the error it throws: dockerfile-ast overflows its stack resolving variables in
 * some malformed files (` fromage $BASE`), and both trees must then fail the same way.
 */
function attempt(read: () => unknown): unknown {
  try {
    return read();
  } catch (error) {
    return { throws: error instanceof Error ? error.name : String(error) };
  }
}

function snapshotInstruction(instruction: Instruction): unknown {
  const loose = instruction as Loose;
  return {
    keyword: instruction.getKeyword(),
    instruction: instruction.getInstruction(),
    range: instruction.getRange(),
    instructionRange: instruction.getInstructionRange(),
    arguments: instruction.getArguments().map((argument) => [argument.getValue(), argument.getRange()]),
    variables: attempt(() =>
      instruction
        .getVariables()
        .map((variable) => [
          variable.getName(),
          variable.getRange(),
          variable.isDefined(),
          variable.isBuildVariable(),
        ]),
    ),
    flags: loose.getFlags?.().map((flag) => [flag.getName(), flag.getValue(), flag.getRange()]),
    heredocs: attempt(() =>
      loose
        .getHeredocs?.()
        .map((heredoc) => [
          heredoc.getName(),
          heredoc.getStartRange(),
          heredoc.getContentRange(),
          heredoc.getDelimiterRange(),
        ]),
    ),
    image: loose.getImage?.(),
    buildStage: loose.getBuildStage?.(),
  };
}

function snapshotComment(comment: Comment): unknown {
  return [comment.getRange(), comment.getContent()];
}

function snapshotTemplate(template: ImageTemplate): unknown {
  return {
    instructions: template.getInstructions().map((instruction) => instruction.getRange()),
    comments: template.getComments().map(snapshotComment),
    range: template.getRange(),
  };
}

export function snapshotDockerfile(dockerfile: Dockerfile | undefined): unknown {
  if (!dockerfile) {
    return undefined;
  }
  const internals = dockerfile as unknown as {
    buildStages: ImageTemplate[];
    initialInstructions: ImageTemplate;
  };
  return {
    escape: dockerfile.getEscapeCharacter(),
    directives: dockerfile
      .getDirectives()
      .map((directive) => [directive.getDirective(), directive.getValue(), directive.getRange()]),
    instructions: dockerfile.getInstructions().map(snapshotInstruction),
    comments: dockerfile.getComments().map(snapshotComment),
    initialArgs: dockerfile.getInitialARGs().map((arg) => arg.getRange()),
    froms: dockerfile.getFROMs().map((from) => from.getRange()),
    initial: snapshotTemplate(internals.initialInstructions),
    buildStages: internals.buildStages.map(snapshotTemplate),
    range: dockerfile.getRange(),
  };
}

/** The analysis as data: findings, failures and the stage graph (instructions by their range). */
export function snapshotAnalysis(result: AnalysisResult): unknown {
  return {
    lines: result.parsed.lines,
    parseError: result.parsed.parseError,
    findings: result.findings,
    failures: result.failures.map((failure) => failure.ruleId),
    stages: result.graph.stages.map((stage) => ({
      ...stage,
      instructions: stage.instructions.map((instruction) => instruction.getRange()),
    })),
    references: result.graph.references.map((reference) => ({
      ...reference,
      instruction: reference.instruction.getRange(),
    })),
    globalArgs: result.graph.globalArgs,
    escapeChar: result.graph.escapeChar,
  };
}
