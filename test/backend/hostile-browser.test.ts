// An endless answer in Chromium, where the issue was measured (847 MB in 8 s before the timeout): the
// test server's /__hostile/api/… (scripts/wtr-plugins.mjs) streams a JSON body that never ends.
// RestBackend must stop at the operation's cap — long before its timeout — and drop the connection.
import { expect } from '@open-wc/testing';
import { ContractError } from '../../src/backend/errors.js';
import { RestBackend } from '../../src/backend/rest-backend.js';

describe('RestBackend in Chromium: an endless answer', () => {
  it('stops at the cap (2 MB for the categories), not at the 20 s timeout, and stops reading', async () => {
    const rest = new RestBackend({ baseUrl: '/__hostile/api', timeoutMs: 20_000, retries: { attempts: 1 } });
    const started = performance.now();
    const error = await rest.listCategories().catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ContractError);
    expect((error as ContractError).code).to.equal('response-too-large');
    expect((error as ContractError).message).to.match(/^GET \/categories answered more than 2 MB/);
    expect(performance.now() - started).to.be.below(10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { written } = (await (await fetch('/__hostile/stats')).json()) as { written: number };
    // The server stops writing once the page drops the connection (socket buffers aside).
    expect(written).to.be.below(64 * 1024 * 1024);
  });
});
