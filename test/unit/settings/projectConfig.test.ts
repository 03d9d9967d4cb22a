import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeUnderUserSettings, parseProjectConfig } from '../../../server/src/analysis/projectConfig';
import { DEFAULT_SETTINGS } from '../../../server/src/analysis/settings';

describe('parseProjectConfig', () => {
  it('keeps the known keys and names unknown ones', () => {
    const parsed = parseProjectConfig('{"images": {}, "target": "runtime", "colour": 1}', 'x.json');
    assert.deepEqual(parsed.raw, { images: {}, target: 'runtime' });
    assert.deepEqual(parsed.problems, [
      'x.json: unknown key "colour"; the keys are images, rules, target, buildArgs.',
    ]);
  });

  it('reports text that is not a JSON object', () => {
    assert.match(parseProjectConfig('{', 'x.json').problems[0] ?? '', /^x\.json: not valid JSON/);
    assert.match(parseProjectConfig('[1]', 'x.json').problems[0] ?? '', /^x\.json: must hold a JSON object/);
    assert.equal(parseProjectConfig('[1]', 'x.json').raw, undefined);
  });

  it('accepts a byte-order mark', () => {
    assert.deepEqual(parseProjectConfig('\uFEFF{"rules": {}}', 'x.json').raw, { rules: {} });
  });
});

describe('mergeUnderUserSettings', () => {
  it('lets the user win, except where the user only restates a default', () => {
    const project = {
      rules: { LibcMismatch: 'error', UnusedStage: 'off' },
      target: 'runtime',
      buildArgs: { A: '1', B: '1' },
      images: [
        { glob: 'mycorp/*', libc: 'musl' },
        { glob: 'other/*', libc: 'glibc' },
      ],
    } as const;
    const user = {
      rules: { LibcMismatch: 'default', UnusedStage: 'hint' },
      target: undefined,
      buildArgs: { B: '2' },
      images: [{ glob: 'mycorp/*', libc: 'glibc' }],
    } as const;
    assert.deepEqual(mergeUnderUserSettings(project, user), {
      rules: { LibcMismatch: 'error', UnusedStage: 'hint' },
      target: 'runtime',
      buildArgs: { A: '1', B: '2' },
      images: [
        { glob: 'mycorp/*', libc: 'glibc' },
        { glob: 'other/*', libc: 'glibc' },
      ],
    });
  });

  it('changes nothing when both are the defaults', () => {
    assert.deepEqual(mergeUnderUserSettings(DEFAULT_SETTINGS, DEFAULT_SETTINGS), DEFAULT_SETTINGS);
  });
});
