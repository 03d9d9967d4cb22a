import { classifyCopiedPath } from './server/src/analysis/artifacts';
for (const p of process.argv.slice(2)) console.log(p, classifyCopiedPath(p));
