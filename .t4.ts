import { readFileSync } from 'node:fs';
import { analyze } from './server/src/analysis/analyze';
import { computeCopyEdges } from './server/src/analysis/crossStage/copyEdges';
import { DEFAULT_SETTINGS } from './server/src/analysis/settings';
const r = analyze(readFileSync(process.argv[2],'utf8'));
for (const e of computeCopyEdges(r.graph, DEFAULT_SETTINGS)) console.log(JSON.stringify({paths:e.paths, linkage:e.linkage, src:e.sourceImage.libc, tgt:e.target.image.libc, outs:e.sourceSignals?.binaryOutputs, go:e.sourceSignals?.goBuilds}, null, 1));
