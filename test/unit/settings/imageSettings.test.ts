import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeSettings } from '../../../server/src/analysis/settings';

describe('normalizeSettings: images', () => {
  it('turns the glob map into overrides in the order written', () => {
    const { settings, problems } = normalizeSettings(
      {
        images: {
          'registry.example.com/base/*': { libc: 'musl', release: 'alpine 3.20' },
          'mycorp/runtime': { libc: 'glibc', glibcVersion: '2.31', packageManager: 'apt' },
        },
      },
      [],
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.images, [
      { glob: 'registry.example.com/base/*', libc: 'musl', release: 'alpine 3.20' },
      { glob: 'mycorp/runtime', libc: 'glibc', glibcVersion: '2.31', packageManager: 'apt' },
    ]);
  });

  it('defaults to no overrides', () => {
    assert.deepEqual(normalizeSettings({}, []).settings.images, []);
  });

  it('drops invalid entries whole and names each problem', () => {
    const { settings, problems } = normalizeSettings(
      {
        images: {
          a: { libc: 'bionic' },
          b: 'musl',
          c: { libc: 'musl', glibcVersion: '2.36' },
          d: { libc: 'glibc', glibcVersion: 'new' },
          e: { libc: 'glibc', packageManager: 'brew' },
          f: { libc: 'glibc', colour: 'red' },
          g: { libc: 'none' },
        },
      },
      [],
    );
    assert.deepEqual(settings.images, [{ glob: 'g', libc: 'none' }]);
    assert.equal(problems.length, 6);
    assert.match(problems[0], /images\["a"\]: "libc" must be one of glibc, musl/);
    assert.match(problems[1], /images\["b"\] must be an object/);
    assert.match(problems[2], /only applies when "libc" is "glibc"/);
    assert.match(problems[3], /must look like "2.36"/);
    assert.match(problems[4], /"packageManager" must be one of/);
    assert.match(problems[5], /there is no field "colour"/);
  });

  it('rejects a non-object images value', () => {
    const { settings, problems } = normalizeSettings({ images: ['alpine'] }, []);
    assert.deepEqual(settings.images, []);
    assert.match(problems[0], /dockerfileStages.images must be an object/);
  });
});
