import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RestartPolicy } from '../../../client/src/restartPolicy';

describe('server restart policy', () => {
  it('restarts a server that dies, up to four times within three minutes, then stops', () => {
    let now = 0;
    const policy = new RestartPolicy(4, 180_000, () => now);
    const decisions = [];
    for (let death = 0; death < 5; death++) {
      now += 1_000;
      decisions.push(policy.onClosed());
    }
    assert.deepEqual(decisions, ['restart', 'restart', 'restart', 'restart', 'stop']);
  });

  it('forgets deaths older than the window', () => {
    let now = 0;
    const policy = new RestartPolicy(2, 60_000, () => now);
    assert.equal(policy.onClosed(), 'restart');
    assert.equal(policy.onClosed(), 'restart');
    now = 61_000;
    assert.equal(policy.onClosed(), 'restart');
    assert.equal(policy.onClosed(), 'restart');
    assert.equal(policy.onClosed(), 'stop');
  });
});
