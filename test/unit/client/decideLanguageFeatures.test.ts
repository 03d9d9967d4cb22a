import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideLanguageFeatures } from '../../../client/src/decideLanguageFeatures';

const UNRELATED = ['ms-python.python', 'esbenp.prettier-vscode'];

describe('decideLanguageFeatures', () => {
  it('turns the general features on in auto when no Docker extension is installed', () => {
    assert.deepEqual(decideLanguageFeatures('auto', UNRELATED), { generalFeatures: true, dockerDx: false });
  });

  for (const id of ['ms-azuretools.vscode-containers', 'ms-azuretools.vscode-docker']) {
    it(`turns them off in auto next to ${id}, without touching the rules`, () => {
      assert.deepEqual(decideLanguageFeatures('auto', [...UNRELATED, id]), {
        generalFeatures: false,
        dockerDx: false,
      });
    });
  }

  it('turns them off in auto next to Docker DX and reports DX', () => {
    assert.deepEqual(decideLanguageFeatures('auto', ['docker.docker']), {
      generalFeatures: false,
      dockerDx: true,
    });
  });

  it('compares extension ids without case, as VS Code does', () => {
    assert.deepEqual(decideLanguageFeatures('auto', ['Docker.Docker']), {
      generalFeatures: false,
      dockerDx: true,
    });
  });

  it('obeys on and off whatever is installed, and leaves the rules alone', () => {
    const everything = ['ms-azuretools.vscode-containers', 'docker.docker'];
    assert.deepEqual(decideLanguageFeatures('on', everything), { generalFeatures: true, dockerDx: false });
    assert.deepEqual(decideLanguageFeatures('off', []), { generalFeatures: false, dockerDx: false });
  });

  it('reads a missing or unknown setting as auto', () => {
    assert.deepEqual(decideLanguageFeatures(undefined, []), { generalFeatures: true, dockerDx: false });
    assert.deepEqual(decideLanguageFeatures('sometimes', ['docker.docker']), {
      generalFeatures: false,
      dockerDx: true,
    });
  });
});
