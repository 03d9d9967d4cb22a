import type { Range } from 'vscode-languageserver';
import type { StageGraph } from '../../analysis/stageModel';

/**
 * dockerfile-language-service types a stage name `namespace` after `AS`, `property` after `--from=` and
 * `class` after `FROM`, so a theme would colour one stage three ways. Every token that is exactly a stage
 * name or a reference resolved to a stage becomes `namespace` (with `declaration` where it is defined),
 * matching what the stage grammar does for themes without semantic highlighting.
 */
export function retypeStageNames(
  data: readonly number[],
  graph: StageGraph,
  namespaceType: number,
  declarationModifier: number,
): number[] {
  const wanted = new Map<string, number>();
  const key = (range: Range) =>
    range.start.line === range.end.line
      ? `${range.start.line}:${range.start.character}:${range.end.character - range.start.character}`
      : undefined;
  for (const stage of graph.stages) {
    const at = stage.nameRange && key(stage.nameRange);
    if (at !== undefined) {
      wanted.set(at, declarationModifier);
    }
  }
  for (const reference of graph.references) {
    const at = key(reference.valueRange);
    if (reference.resolution.type === 'stage' && at !== undefined) {
      wanted.set(at, 0);
    }
  }
  const result = [...data];
  let line = 0;
  let character = 0;
  for (let i = 0; i + 4 < result.length; i += 5) {
    const deltaLine = result[i] ?? 0;
    line += deltaLine;
    character = deltaLine === 0 ? character + (result[i + 1] ?? 0) : (result[i + 1] ?? 0);
    const modifiers = wanted.get(`${line}:${character}:${result[i + 2] ?? 0}`);
    if (modifiers !== undefined) {
      result[i + 3] = namespaceType;
      result[i + 4] = modifiers;
    }
  }
  return result;
}
