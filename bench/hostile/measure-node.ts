// One hostile read in its own Node process (so its peak memory is its own), driven by bench/hostile/run.ts:
//   node --import tsx bench/hostile/measure-node.ts <file>   → one JSON line: ms, outcome, rss before, peak rss
import { readFileSync } from 'node:fs';
import { validateSpreadsheet } from '../../src/core/pipeline.js';
import { classroomSpec } from '../../test/fixtures/specs.js';

const bytes = new Uint8Array(readFileSync(process.argv[2]!));
(globalThis as { gc?: () => void }).gc?.();
const before = process.memoryUsage().rss;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const result = await validateSpreadsheet(bytes, classroomSpec, { today: '2026-06-01' });
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const outcome = result.issues.length > 0 ? result.issues.map((i) => i.code).join(',') : `${result.records.length} records`;
// maxRSS is in KiB: the process's peak, reached during the read (the file was loaded before `before`).
console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, outcome, rssBefore: before, rssPeak: process.resourceUsage().maxRSS * 1024 }));
