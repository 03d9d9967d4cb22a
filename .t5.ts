import { classifyImage, describeImageFacts } from './server/src/analysis/images';
for (const r of process.argv.slice(2)) { const f = classifyImage(r); console.log(r.padEnd(50), f.libc, f.glibcVersion, f.release, f.packageManager, f.toolchain, f.hasCCompiler, f.muslStatic, '|', describeImageFacts(f), f.previousBase ? JSON.stringify(f.previousBase):''); }
