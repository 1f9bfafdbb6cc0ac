// Hostile uploads (issue 12) in Node 20, where fflate inflates: each class of attack (bench/hostile/cases.ts,
// at a small scale) is refused with its typed file issue or read correctly, and none crashes the process.
// Time and memory at full size: `npm run bench:hostile`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CASES } from '../../bench/hostile/cases.js';
import { validateSpreadsheet } from '../../src/core/index.js';
import { classroomSpec } from '../fixtures/specs.js';

describe('hostile files in Node', () => {
  for (const hostile of CASES) {
    it(`${hostile.name}: ${hostile.what}`, async () => {
      const result = await validateSpreadsheet(hostile.build(0.02), classroomSpec, { today: '2026-06-01', maxRows: 1_000 });
      if ('refused' in hostile.expect) {
        assert.deepEqual(result.records, []);
        assert.equal(result.issues.length, 1, JSON.stringify(result.issues.slice(0, 3)));
        assert.ok(hostile.expect.refused.includes(result.issues[0]!.code), result.issues[0]!.code);
      } else {
        assert.deepEqual(result.issues, []);
        assert.equal(result.records.length, hostile.expect.records);
      }
    });
  }
});
