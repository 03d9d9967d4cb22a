import { generateMultiStageDockerfile } from '/work/main/bench/generateDockerfile.mjs';
const { IncrementalParser } = await import('/work/main/server/src/analysis/incremental/incrementalParser.ts');
const { analyzeParsed } = await import('/work/main/server/src/analysis/analyze.ts');
const { ALL_RULES } = await import('/work/main/server/src/analysis/rules/index.ts');
const n = +(process.argv[2] ?? 500);
let text = generateMultiStageDockerfile(n);
const p = new IncrementalParser();
analyzeParsed(p.parse(text));
const lines = text.split('\n');
const line = 3 + 22 * Math.floor(n / 2) + 12;
const T = {};
const add = (k, v) => (T[k] ??= []).push(v);
for (let e = 0; e < 30; e++) {
  lines[line] += 'abcdefghij'[e % 10]; text = lines.join('\n');
  let t = process.hrtime.bigint();
  const parsed = p.parse(text);
  add('parse', Number(process.hrtime.bigint() - t) / 1e6);
  t = process.hrtime.bigint();
  analyzeParsed(parsed, undefined, []);
  add('graph+suppressions', Number(process.hrtime.bigint() - t) / 1e6);
  for (const rule of ALL_RULES) {
    t = process.hrtime.bigint();
    analyzeParsed(parsed, undefined, [rule]);
    add(rule.id, Number(process.hrtime.bigint() - t) / 1e6 - T['graph+suppressions'].at(-1));
  }
}
const med = (x) => x.sort((a, b) => a - b)[x.length >> 1].toFixed(2);
for (const [k, v] of Object.entries(T)) console.log(k.padEnd(28), med(v));
