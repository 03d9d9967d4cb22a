import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { formatRange, rangeOf } from './diagnostics';
import { openScratchDockerfile, textOf } from './documents';
import { pollFor } from './poll';

const multiStage = [
  'FROM golang:1.22-alpine AS build',
  'RUN go build -o /out/app .',
  '',
  'FROM node:20-alpine AS assets',
  'RUN npm ci && npm run build',
  '',
  'FROM alpine:3.20 AS runtime',
  'COPY --from=build /out/app /app',
  'COPY --from=assets /app/dist /srv',
  'RUN --mount=type=cache,target=/root/.cache,from=build ls /root/.cache',
  '',
  'FROM runtime AS test',
  'RUN /app --self-test',
  '',
].join('\n');

let document: vscode.TextDocument;

/** Where a definition points, whichever of the two shapes the provider answers with. */
function targetOf(location: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in location
    ? { uri: location.targetUri, range: location.targetSelectionRange ?? location.targetRange }
    : { uri: location.uri, range: location.range };
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

suite('Navigation and completion', () => {
  suiteSetup(async () => {
    ({ document } = await openScratchDockerfile(multiStage));
  });

  test('completion after COPY --from= lists the earlier stages only', async () => {
    const editor = await openScratchDockerfile(
      multiStage.replace('COPY --from=assets /app/dist /srv', 'COPY --from='),
    );
    const lines = textOf(editor.document).split('\n');
    const position = new vscode.Position(lines.indexOf('COPY --from='), 'COPY --from='.length);
    const labels = await pollFor('stage names in the completion list', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        editor.document.uri,
        position,
      );
      const found = list.items.map(labelOf);
      return found.includes('build') ? found : undefined;
    });
    assert.ok(labels.includes('build'), `build should be offered: ${labels.join(', ')}`);
    assert.ok(labels.includes('assets'), `assets should be offered: ${labels.join(', ')}`);
    assert.ok(!labels.includes('runtime'), `the current stage should not be offered: ${labels.join(', ')}`);
    assert.ok(!labels.includes('test'), `a later stage should not be offered: ${labels.join(', ')}`);
  });

  test('go to definition on a COPY --from reference lands on the stage name', async () => {
    const reference = rangeOf(document, 'COPY --from=build', 'build');
    const locations = await pollFor('a definition', async () => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider',
        document.uri,
        reference.start.translate(0, 1),
      );
      return found.length > 0 ? found : undefined;
    });
    assert.deepEqual(
      locations.map(targetOf).map(({ uri, range }) => `${uri.toString()} ${formatRange(range)}`),
      [`${document.uri.toString()} ${formatRange(rangeOf(document, 'AS build', 'build'))}`],
    );
  });

  test('find references from the stage name lists every reference, mounts included', async () => {
    const declaration = rangeOf(document, 'AS build', 'build');
    const locations = await pollFor('references', async () => {
      const found = await vscode.commands.executeCommand<vscode.Location[]>(
        'vscode.executeReferenceProvider',
        document.uri,
        declaration.start,
      );
      return found.length > 0 ? found : undefined;
    });
    const ranges = locations
      .filter((location) => location.uri.toString() === document.uri.toString())
      .map((location) => location.range)
      .sort((a, b) => a.start.compareTo(b.start))
      .map(formatRange);
    assert.deepEqual(ranges, [
      formatRange(declaration),
      formatRange(rangeOf(document, 'COPY --from=build', 'build')),
      formatRange(rangeOf(document, 'from=build ls', 'build')),
    ]);
  });

  test('rename from a reference renames the stage and every reference', async () => {
    const editor = await openScratchDockerfile(multiStage);
    const reference = rangeOf(editor.document, 'from=build ls', 'build');
    const edit = await pollFor('a rename edit', async () =>
      vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>(
        'vscode.executeDocumentRenameProvider',
        editor.document.uri,
        reference.start,
        'compile',
      ),
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(
      textOf(editor.document),
      multiStage
        .replace('AS build', 'AS compile')
        .replace('--from=build', '--from=compile')
        .replace('from=build ls', 'from=compile ls'),
    );
    await editor.document.save();
  });

  test('the outline shows one symbol per stage, in order, with its image', async () => {
    const symbols = await pollFor('document symbols', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
        'vscode.executeDocumentSymbolProvider',
        document.uri,
      );
      return found !== undefined && found.length > 0 ? found : undefined;
    });
    const stages = [
      ['build', 'golang:1.22-alpine'],
      ['assets', 'node:20-alpine'],
      ['runtime', 'alpine:3.20'],
      ['test', 'runtime'],
    ];
    assert.deepEqual(
      symbols.map((symbol) => symbol.name.split(/\s/)[0]),
      stages.map(([name]) => name),
    );
    symbols.forEach((symbol, index) => {
      const image = stages[index]?.[1] ?? '';
      assert.ok(
        `${symbol.name} ${symbol.detail}`.includes(image),
        `The outline entry "${symbol.name}" (${symbol.detail}) should name its base ${image}.`,
      );
      assert.ok(symbol.children.length > 0, `The stage ${symbol.name} should list its instructions.`);
    });
  });
});
