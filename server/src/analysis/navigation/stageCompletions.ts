import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import type { AnalysisResult } from '../analyze';
import { classifyImage, describeImageFacts } from '../images';
import { officialImageNames } from '../images/wellKnownImages';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../settings';
import { computeStageFacts } from '../stageFacts';
import type { Stage } from '../stageModel';
import { stageCompletionContext } from './completionContext';

/**
 * Stage names where the cursor asks for one: after `COPY --from=`, after `from=` in `RUN --mount=`, and
 * as the image of a FROM. Only earlier stages are offered, since a stage cannot use itself and FROM
 * cannot see later ones. For FROM the stages come first and well-known images follow. Empty anywhere
 * else, so the result can be merged with general Dockerfile completion.
 */
export function stageCompletions(
  result: AnalysisResult,
  position: Position,
  settings: AnalysisSettings = DEFAULT_SETTINGS,
): CompletionItem[] {
  const context = stageCompletionContext(result.parsed, result.graph, position);
  if (!context) {
    return [];
  }
  const facts = computeStageFacts(result.graph, settings);
  const items: CompletionItem[] = [];
  for (const stage of result.graph.stages.slice(0, context.stage.index)) {
    if (stage.name === undefined || stage.nameLower === undefined) {
      continue;
    }
    // FROM matches names lowercased, exactly; COPY and mounts match any casing, so keep the written one.
    const name = context.kind === 'from' ? stage.nameLower : stage.name;
    const imageFacts = facts[stage.index]?.image;
    items.push({
      label: name,
      kind: CompletionItemKind.Reference,
      detail: [
        baseOf(stage),
        imageFacts ? describeImageFacts(imageFacts) : undefined,
        `line ${stage.fromRange.start.line + 1}`,
      ]
        .filter((part) => part !== undefined)
        .join(' · '),
      labelDetails: { description: `stage ${stage.index}` },
      sortText: `0-${String(stage.index).padStart(4, '0')}`,
      textEdit: { range: context.range, newText: name },
    });
  }
  if (context.kind === 'from') {
    for (const image of wellKnownImageItems()) {
      items.push({ ...image, textEdit: { range: context.range, newText: image.label } });
    }
  }
  return items;
}

function baseOf(stage: Stage): string {
  return stage.base === undefined ? 'no base image yet' : `FROM ${stage.base}`;
}

let imageItems: readonly CompletionItem[] | undefined;

/** Official images with what the knowledge base says about their default tag; computed once. */
function wellKnownImageItems(): readonly CompletionItem[] {
  imageItems ??= [...officialImageNames].sort().map((name) => ({
    label: name,
    kind: CompletionItemKind.Module,
    detail: describeImageFacts(classifyImage(name)),
    sortText: `1-${name}`,
  }));
  return imageItems;
}
