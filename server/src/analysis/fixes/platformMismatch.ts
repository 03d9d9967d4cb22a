import type { Range } from 'vscode-languageserver-types';
import type { Finding } from '../findings';
import type { StageFacts } from '../stageFacts';
import type { Stage } from '../stageModel';
import type { Fix, FixContext, FixProvider, TextEdit } from './fix';
import { copyEdgeStagesOf } from './copyEdgeFindingData';
import { findBuildSignals } from '../artifacts';
import { insertLineAfterFrom, stageLabel } from './stageLineEdits';
import { lineEndingOf } from './textEdits';
import { keepResolving } from './verifyFix';

const BUILD_PLATFORM = /\$\{?BUILD(?:PLATFORM|OS|ARCH)\b/;
/** `go build` / `go install` at the start of a shell command on one line of a RUN. */
const GO_BUILD = /(^|[\s;&|(`])go\s+(?:build|install)\b/g;

/**
 * PlatformMismatch. A Go build on `$BUILDPLATFORM` cross-compiles for the target once it reads
 * BuildKit's TARGETOS and TARGETARCH (Dockerfile reference, "Automatic platform ARGs"); anything else
 * builds for the right platform once the constant `--platform` goes (or matches the runtime's).
 */
export const platformMismatchFixes: FixProvider = {
  ruleId: 'PlatformMismatch',
  fixes(finding, context) {
    return keepResolving(candidateFixes(finding, context), finding, context);
  },
};

function candidateFixes(finding: Finding, context: FixContext): Fix[] {
  const edge = copyEdgeStagesOf(finding, context);
  const sourcePlatform = finding.data?.sourcePlatform;
  if (!edge?.source || typeof sourcePlatform !== 'string') {
    return [];
  }
  const { source, sourceFacts, target } = edge;
  const graph = context.analysis.graph;
  if (BUILD_PLATFORM.test(sourcePlatform)) {
    const goBuilds = sourceFacts
      ? findBuildSignals({ runs: sourceFacts.runs, env: sourceFacts.env, args: sourceFacts.args }).goBuilds
      : [];
    if (goBuilds.length > 0) {
      const fix = goCrossCompile(context, source, sourceFacts);
      return fix ? [fix] : [];
    }
  }
  // The flag may sit on a stage this one is built FROM.
  const pinned = graph.stages[sourceFacts?.platformStage ?? source.index];
  const flag = pinned ? platformFlagRange(context, pinned) : undefined;
  if (!pinned?.platform || !flag) {
    return [];
  }
  const targetFlag = target.platform?.value;
  if (targetFlag !== undefined && !BUILD_PLATFORM.test(sourcePlatform)) {
    return [
      {
        title: `Build stage ${stageLabel(pinned)} for ${targetFlag} (--platform=${targetFlag})`,
        kind: 'quickfix',
        isPreferred: true,
        edits: [{ range: pinned.platform.range, newText: targetFlag }],
      },
    ];
  }
  return [
    {
      title: `Remove --platform=${pinned.platform.value} from stage ${stageLabel(pinned)}`,
      kind: 'quickfix',
      isPreferred: true,
      edits: [{ range: flag, newText: '' }],
    },
  ];
}

function goCrossCompile(context: FixContext, source: Stage, facts: StageFacts | undefined): Fix | undefined {
  const lines = context.analysis.parsed.lines;
  const edits: TextEdit[] = [];
  for (const instruction of source.instructions) {
    if (
      instruction.getKeyword() !== 'RUN' ||
      (instruction.getArgumentsContent() ?? '').trim().startsWith('[')
    ) {
      continue;
    }
    const { start, end } = instruction.getRange();
    for (let line = start.line; line <= end.line; line++) {
      const text = lines[line] ?? '';
      if (/^\s*#/.test(text) || /\bGO(?:OS|ARCH)=/.test(text)) {
        continue;
      }
      for (const match of text.matchAll(GO_BUILD)) {
        const character = (match.index ?? 0) + (match[1]?.length ?? 0);
        if (line === start.line && character < start.character) {
          continue;
        }
        const at = { line, character };
        edits.push({ range: { start: at, end: at }, newText: 'GOOS=$TARGETOS GOARCH=$TARGETARCH ' });
      }
    }
  }
  if (edits.length === 0) {
    return undefined;
  }
  const missing = ['TARGETOS', 'TARGETARCH'].filter(
    (name) => !facts || !Object.prototype.hasOwnProperty.call(facts.args, name),
  );
  if (missing.length > 0) {
    // One ARG per line: dockerfile-ast reads `ARG TARGETOS TARGETARCH` as TARGETOS with the default
    // "TARGETARCH", and so would every tool built on it.
    const eol = lineEndingOf(context.text);
    edits.unshift(insertLineAfterFrom(context, source, missing.map((name) => `ARG ${name}`).join(eol)));
  }
  return {
    title: `Cross-compile for the target platform (GOOS=$TARGETOS GOARCH=$TARGETARCH in stage ${stageLabel(source)})`,
    kind: 'quickfix',
    isPreferred: true,
    edits,
  };
}

/** The whole `--platform=<value>` flag and the blanks after it, when it sits on one line. */
function platformFlagRange(context: FixContext, stage: Stage): Range | undefined {
  const platform = stage.platform;
  if (!platform) {
    return undefined;
  }
  const { start, end } = platform.range;
  const line = context.analysis.parsed.lines[start.line] ?? '';
  const prefix = '--platform=';
  const flagStart = start.character - prefix.length;
  if (
    end.line !== start.line ||
    flagStart < 0 ||
    line.slice(flagStart, start.character).toLowerCase() !== prefix
  ) {
    return undefined;
  }
  let flagEnd = end.character;
  while (flagEnd < line.length && (line[flagEnd] === ' ' || line[flagEnd] === '\t')) {
    flagEnd++;
  }
  return { start: { line: start.line, character: flagStart }, end: { line: start.line, character: flagEnd } };
}
