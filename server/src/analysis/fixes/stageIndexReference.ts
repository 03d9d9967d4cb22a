import type { Range } from 'vscode-languageserver-types';
import type { Stage, StageGraph } from '../stageModel';
import type { Fix, FixContext, FixProvider, TextEdit } from './fix';
import { isReferenceRangeExact, stageIndexData } from './findingTargets';
import { asKeywordFor, freeStageName, stagePurpose } from './stageNames';

/**
 * "Name stage N 'build' and use the name": adds `AS <name>` to the stage (its purpose, unique in the file)
 * and rewrites every numeric `--from` that points at it. A stage that already has a name only needs the
 * references rewritten.
 */
export const stageIndexReferenceFixes: FixProvider = {
  ruleId: 'StageIndexReference',
  fixes(finding, { analysis, text }) {
    const stage = stageIndexData(analysis.graph, finding);
    const fix = stage ? nameStageFix(text, analysis.graph, stage, new Set()) : undefined;
    return fix ? [{ ...fix, kind: 'quickfix', isPreferred: true, safe: true }] : [];
  },
};

/** Names one stage and rewrites its numeric references; `taken` holds names other edits already give out. */
function nameStageFix(text: string, graph: StageGraph, stage: Stage, taken: Set<string>): Fix | undefined {
  const numeric = graph.references.filter((reference) => isNumericTo(reference, stage.index));
  if (!numeric.every((reference) => isReferenceRangeExact(text, reference))) {
    return undefined;
  }
  if (stage.name !== undefined) {
    if (numeric.length === 0) {
      return undefined;
    }
    return {
      title: `Use the name '${stage.name}' instead of ${stage.index}`,
      kind: 'quickfix',
      edits: numeric.map((reference) => ({ range: reference.valueRange, newText: stage.name as string })),
    };
  }
  const insertion = nameInsertion(stage);
  if (!insertion) {
    return undefined;
  }
  let name = freeStageName(graph, stagePurpose(graph, stage), stage.index);
  for (let suffix = 2; taken.has(name); suffix++) {
    name = freeStageName(graph, `${stagePurpose(graph, stage)}-${suffix}`, stage.index);
  }
  taken.add(name);
  const edits: TextEdit[] = [
    {
      range: insertion.range,
      newText: insertion.withKeyword ? ` ${asKeywordFor(stage)} ${name}` : ` ${name}`,
    },
    ...numeric.map((reference) => ({ range: reference.valueRange, newText: name })),
  ];
  const title =
    numeric.length > 0
      ? `Name stage ${stage.index} '${name}' and use the name`
      : `Name stage ${stage.index} '${name}'`;
  return { title, kind: 'quickfix', edits };
}

/**
 * Where `AS <name>` goes: after the image (`FROM golang:1.22`), or after a dangling `AS`. A FROM with
 * anything else after the image is left alone rather than guessed at.
 */
function nameInsertion(stage: Stage): { range: Range; withKeyword: boolean } | undefined {
  const args = stage.instructions[0]?.getArguments() ?? [];
  if (args.length === 1 && stage.baseRange) {
    return { range: { start: stage.baseRange.end, end: stage.baseRange.end }, withKeyword: true };
  }
  if (args.length === 2 && stage.asRange) {
    return { range: { start: stage.asRange.end, end: stage.asRange.end }, withKeyword: false };
  }
  return undefined;
}

/** The source action "Name all stages": every unnamed stage gets a purpose name; numeric references follow. */
export function nameAllStages(context: FixContext): Fix | undefined {
  const { graph } = context.analysis;
  const taken = new Set<string>();
  const edits: TextEdit[] = [];
  for (const stage of graph.stages) {
    if (stage.name !== undefined && !graph.references.some((r) => isNumericTo(r, stage.index))) {
      continue;
    }
    const fix = nameStageFix(context.text, graph, stage, taken);
    if (fix) {
      edits.push(...fix.edits);
    }
  }
  return edits.length > 0 ? { title: 'Name all stages', kind: 'source', edits } : undefined;
}

function isNumericTo(reference: StageGraph['references'][number], index: number): boolean {
  return (
    reference.resolution.type === 'stage' &&
    reference.resolution.byIndex &&
    reference.resolution.stageIndex === index
  );
}
