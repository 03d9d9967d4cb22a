import type { Position, Range } from 'vscode-languageserver-types';
import type { AnalysisResult } from '../analyze';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../settings';
import type { Stage } from '../stageModel';
import { reachableStages, resolveTargetStage } from '../stageReachability';
import { stageOccurrences } from './stageOccurrences';

/** One line of text above a FROM, and the references it can open when clicked. */
export interface StageLens {
  readonly stageIndex: number;
  /** The FROM keyword: editors show the lens on the line above it. */
  readonly range: Range;
  readonly title: string;
  /** Where the stage is defined, for a "show references" peek anchored there. */
  readonly position: Position;
  /** Every reference to the stage; empty when the lens has nothing to open. */
  readonly references: readonly Range[];
}

/**
 * A lens above each FROM that says how the stage is used: `used by runner · 2 references`,
 * `unused — built only with --target test`, `final stage`. Usage follows the references; "unused" and
 * "final" follow the target (`dockerfileStages.target`, else the last stage) the way BuildKit does.
 */
export function stageCodeLenses(
  result: AnalysisResult,
  settings: AnalysisSettings = DEFAULT_SETTINGS,
): StageLens[] {
  const { graph } = result;
  const target = resolveTargetStage(graph, settings.target);
  const reachable = reachableStages(graph, target);
  return graph.stages.map((stage) => {
    const references = stageOccurrences(graph, stage.index).filter(
      (occurrence) => occurrence.kind !== 'definition',
    );
    const parts: string[] = [];
    if (stage.index === target?.index) {
      parts.push(
        stage.index === graph.stages.length - 1 && settings.target === undefined
          ? 'final stage'
          : 'build target',
      );
    }
    if (references.length > 0) {
      const users = [...new Set(references.map((occurrence) => occurrence.reference?.fromStageIndex ?? -1))]
        .filter((index) => index !== stage.index)
        .map((index) => nameOf(graph.stages[index]));
      const count = `${references.length} reference${references.length === 1 ? '' : 's'}`;
      parts.push(users.length > 0 ? `used by ${users.join(', ')} · ${count}` : count);
      if (target && !reachable.has(stage.index)) {
        parts.push(`not needed for ${nameOf(target)}`);
      }
    } else if (stage.index !== target?.index) {
      parts.push(unusedTitle(stage));
    }
    return {
      stageIndex: stage.index,
      range: stage.fromKeywordRange,
      title: parts.join(' · '),
      position: (stage.nameRange ?? stage.fromKeywordRange).start,
      references: references.map((occurrence) => occurrence.range),
    };
  });
}

function unusedTitle(stage: Stage): string {
  return stage.name === undefined
    ? 'unused — no name, so no build reaches it'
    : `unused — built only with --target ${stage.name}`;
}

function nameOf(stage: Stage | undefined): string {
  return stage ? (stage.name ?? `stage ${stage.index}`) : '?';
}
