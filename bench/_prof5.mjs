import { generateMultiStageDockerfile } from '/work/main/bench/generateDockerfile.mjs';
const { IncrementalParser } = await import('/work/main/server/src/analysis/incremental/incrementalParser.ts');
const { analyzeParsed } = await import('/work/main/server/src/analysis/analyze.ts');
const n = +(process.argv[2] ?? 500);
let text = generateMultiStageDockerfile(n);
const p = new IncrementalParser();
analyzeParsed(p.parse(text));
const P = [], A = [];
const lines = text.split('\n');
const line = 3 + 22 * Math.floor(n / 2) + 12;
for (let e = 0; e < 100; e++) {
  lines[line] += 'abcdefghij'[e % 10]; text = lines.join('\n');
  let t = process.hrtime.bigint();
  const parsed = p.parse(text);
  P.push(Number(process.hrtime.bigint() - t) / 1e6);
  t = process.hrtime.bigint();
  analyzeParsed(parsed);
  A.push(Number(process.hrtime.bigint() - t) / 1e6);
}
const med = (x) => x.sort((a, b) => a - b)[x.length >> 1].toFixed(2);
console.log(n, lines[line], 'parse', med(P), 'analyze', med(A));
