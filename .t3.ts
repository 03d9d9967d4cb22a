import { readFileSync } from 'node:fs';
import { analyze } from './server/src/analysis/analyze';
for (const f of process.argv.slice(2)) { const r = analyze(readFileSync(f,'utf8')); console.log('==', f); for (const x of r.findings) console.log(x.range.start.line+1, x.severity, x.ruleId, x.message, JSON.stringify(x.data)); if (r.failures.length) console.log(r.failures); }
