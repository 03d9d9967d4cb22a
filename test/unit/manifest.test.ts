/**
 * Keeps the three places that describe the rules in step: the registry, the settings schema in
 * package.json, and docs/rules.md.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ALL_RULES } from '../../server/src/analysis/rules';

const ROOT = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: {
    configuration: {
      properties: Record<string, { enum?: string[]; markdownDescription?: string; scope?: string }>;
    };
  };
};
const docs = readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8');

describe('rule metadata', () => {
  it('has unique ids', () => {
    const ids = ALL_RULES.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length);
  });

  for (const rule of ALL_RULES) {
    it(`${rule.id} has a resource-scoped severity setting`, () => {
      const setting = manifest.contributes.configuration.properties[`dockerfileStages.rules.${rule.id}`];
      assert.ok(setting, 'setting is declared');
      assert.deepEqual(setting.enum, ['default', 'off', 'hint', 'information', 'warning', 'error']);
      assert.equal(setting.scope, 'resource');
      assert.ok(setting.markdownDescription?.includes(rule.description), 'description matches the rule');
      assert.ok(setting.markdownDescription?.includes(`\`default\` is \`${rule.defaultSeverity}\``));
    });

    it(`${rule.id} is documented with its default severity and an example`, () => {
      const start = docs.indexOf(`\n## ${rule.id}\n`);
      assert.ok(start >= 0, 'section exists');
      const next = docs.indexOf('\n## ', start + 1);
      const section = docs.slice(start, next < 0 ? undefined : next);
      assert.ok(section.includes(`**Default:** ${rule.defaultSeverity}`), 'states the default severity');
      assert.ok(section.includes('```dockerfile'), 'has an example');
    });
  }

  it('every setting has a markdownDescription', () => {
    for (const [key, setting] of Object.entries(manifest.contributes.configuration.properties)) {
      assert.ok(setting.markdownDescription, `${key} needs a markdownDescription`);
    }
  });
});
