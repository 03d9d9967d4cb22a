import { generateMultiStageDockerfile } from './generateDockerfile.mjs';
import { now, startServer } from './lspDriver.mjs';
const stages = +(process.argv[2] ?? 50);
const text = generateMultiStageDockerfile(stages);
const client = await startServer(process.execPath, ['--cpu-prof', '--cpu-prof-dir=/tmp/sprof', 'dist/server.js', '--stdio'], {});
const uri = 'file:///x/Dockerfile';
let p = client.nextDiagnostics(uri); let t = now();
await client.open(uri, text, 1); await p; console.log('open', now() - t);
const line = 3 + 22 * Math.floor(stages / 2) + 12;
let character = text.split('\n')[line].length;
for (let e = 0; e < 10; e++) {
  const v = e + 2;
  p = client.nextDiagnostics(uri, (x) => x.version === v); t = now();
  await client.change(uri, v, { start: { line, character }, end: { line, character } }, 'x'); character++;
  const r = await p; console.log('edit', (r.at - t).toFixed(1), r.params.diagnostics.length);
}
await client.stop();
