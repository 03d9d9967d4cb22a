import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { computeSemanticTokensFast } from '../../../server/src/features/languageService/semanticTokens';
import { mergeCompletions } from '../../../server/src/features/languageService/serviceCompletions';
import { mergeHovers } from '../../../server/src/features/languageService/serviceHover';
import { toServiceDiagnostic } from '../../../server/src/features/languageService/validation';
import { readInitializationOptions } from '../../../server/src/initializationOptions';

/** A few stages with continuations, comments between lines, variables, JSON forms and a heredoc. */
function sampleDockerfile(stages: number): string {
  let text = '# syntax=docker/dockerfile:1\nARG BASE=alpine:3.20\n';
  for (let i = 0; i < stages; i++) {
    text += `FROM \${BASE} AS s${i}\n`;
    text += 'RUN apk add --no-cache \\\n    # compilers\n    gcc musl-dev "quoted $HOME"\n';
    text += `COPY --from=s0 --chown=1000:1000 /a /b\nENV A=b C="d e"\nCMD ["sh", "-c", "echo \${A}"]\n`;
    text += 'RUN <<EOF\necho heredoc\nEOF\nMAINTAINER someone\n';
  }
  return text;
}

describe('semantic tokens in linear time', () => {
  it('gives exactly the tokens of dockerfile-language-service', () => {
    const service = DockerfileLanguageServiceFactory.createLanguageService();
    for (const text of [
      sampleDockerfile(1),
      sampleDockerfile(12),
      sampleDockerfile(12).replace(/\n/g, '\r\n'),
    ]) {
      const expected = service.computeSemanticTokens(text);
      const actual = computeSemanticTokensFast(text, () => {
        throw new Error('the fast path should apply to this version of the service');
      });
      assert.deepEqual(actual.data, Array.from(expected.data));
      assert.ok(actual.data.length > 0);
    }
  });
});

describe('toServiceDiagnostic', () => {
  it('names the code, sets the source and drops the library’s extra fields', () => {
    const found = {
      range: { start: { line: 1, character: 8 }, end: { line: 1, character: 11 } },
      message: 'WORKDIR paths should be absolute',
      severity: DiagnosticSeverity.Warning,
      code: 50,
      source: 'dockerfile-utils',
      instructionLine: 1,
    };
    assert.deepEqual(toServiceDiagnostic(found), {
      range: found.range,
      message: found.message,
      severity: DiagnosticSeverity.Warning,
      code: 'WORKDIR_IS_NOT_ABSOLUTE',
      source: 'dockerfile-utils',
    });
  });
});

describe('merging with the stage-aware answers', () => {
  it('puts our completions first and drops the service’s items with the same label', () => {
    const merged = mergeCompletions(
      [{ label: 'build', detail: 'ours' }],
      [
        { label: 'build', detail: 'theirs' },
        { label: 'WORKDIR', detail: 'theirs' },
      ],
    );
    assert.deepEqual(merged, [
      { label: 'build', detail: 'ours' },
      { label: 'WORKDIR', detail: 'theirs' },
    ]);
  });

  it('joins two hovers, ours first, and passes a single one through', () => {
    const ours = { contents: { kind: 'markdown' as const, value: '**build** (golang)' } };
    const theirs = { contents: 'Set the `baseImage` to use.' };
    assert.equal(mergeHovers(ours, null), ours);
    assert.equal(mergeHovers(null, theirs), theirs);
    assert.deepEqual(mergeHovers(ours, theirs)?.contents, {
      kind: 'markdown',
      value: '**build** (golang)\n\n---\n\nSet the `baseImage` to use.',
    });
  });
});

describe('readInitializationOptions', () => {
  it('takes booleans and defaults everything else', () => {
    assert.deepEqual(readInitializationOptions({ generalFeatures: true, dockerDx: true }), {
      generalFeatures: true,
      dockerDx: true,
    });
    assert.deepEqual(readInitializationOptions({ generalFeatures: 'yes' }), {
      generalFeatures: false,
      dockerDx: false,
    });
    assert.deepEqual(readInitializationOptions(null), { generalFeatures: false, dockerDx: false });
  });
});
