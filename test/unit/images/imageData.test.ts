/**
 * Keeps the knowledge base consistent: every entry names its source, and every release a family
 * refers to exists in the distribution tables.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { imageFamilies } from '../../../server/src/analysis/images/imageFamilies';
import type { OsRef, VersionRule } from '../../../server/src/analysis/images/imageFamily';
import { osDescriptors } from '../../../server/src/analysis/images/osReleases';
import { releaseFromWord } from '../../../server/src/analysis/images/osReleaseLookup';

function knownRelease(ref: OsRef): boolean {
  const descriptor = osDescriptors.find((candidate) => candidate.id === ref.os);
  if (!descriptor) {
    return false;
  }
  if (ref.release === undefined) {
    return true;
  }
  return (
    descriptor.releases.some((entry) => entry.release === ref.release) ||
    releaseFromWord(descriptor, ref.release) !== undefined
  );
}

function refsOf(rules: readonly VersionRule[] | undefined): OsRef[] {
  return (rules ?? []).flatMap((rule) => [
    rule.base,
    ...(rule.slim ? [rule.slim] : []),
    ...(rule.previous ? [rule.previous.base] : []),
  ]);
}

describe('image knowledge base', () => {
  it('gives every distribution, release and flavor a source', () => {
    for (const descriptor of osDescriptors) {
      assert.ok(descriptor.source, descriptor.id);
      for (const entry of descriptor.releases) {
        assert.ok(entry.source, `${descriptor.id} ${entry.release}`);
      }
      for (const [name, flavor] of Object.entries(descriptor.flavors ?? {})) {
        assert.ok(flavor.source, `${descriptor.id} ${name}`);
      }
    }
  });

  it('gives every family, version rule and tag word a source', () => {
    for (const family of imageFamilies) {
      assert.ok(family.source, family.id);
      for (const rule of [...(family.versions ?? []), ...(family.versionAfterWord?.versions ?? [])]) {
        assert.ok(rule.source, `${family.id} ${rule.min ?? ''}-${rule.max ?? ''}`);
      }
      for (const [word, entry] of Object.entries(family.words ?? {})) {
        assert.ok(entry.source, `${family.id} ${word}`);
      }
    }
  });

  it('refers only to releases the distribution tables know', () => {
    for (const family of imageFamilies) {
      const refs = [
        ...(family.base ? [family.base] : []),
        ...(family.slim ? [family.slim] : []),
        ...(family.previous ? [family.previous.base] : []),
        ...refsOf(family.versions),
        ...refsOf(family.versionAfterWord?.versions),
        ...Object.values(family.words ?? {}).flatMap((word) => (word.base ? [word.base] : [])),
      ];
      for (const ref of refs) {
        assert.ok(knownRelease(ref), `${family.id}: ${ref.os} ${ref.release ?? ''}`);
      }
    }
  });

  it('lists glibc versions only for glibc distributions, in release order within Debian and Ubuntu', () => {
    for (const descriptor of osDescriptors) {
      if (descriptor.libc !== 'glibc') {
        assert.ok(
          descriptor.releases.every((entry) => entry.glibc === undefined),
          descriptor.id,
        );
      }
    }
    for (const id of ['debian', 'ubuntu'] as const) {
      const versions =
        osDescriptors
          .find((descriptor) => descriptor.id === id)
          ?.releases.map((entry) => entry.glibc ?? '') ?? [];
      const sorted = [...versions].sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
      assert.deepEqual(versions, sorted, id);
    }
  });

  it('has unique family ids', () => {
    const ids = imageFamilies.map((family) => family.id);
    assert.equal(new Set(ids).size, ids.length);
  });
});
