// The layer rule of docs/architecture.md is enforced by eslint.config.js (no-restricted-imports per
// folder). These tests lint small sources placed in each layer, so a config change that stops catching
// an upward import fails here; `npm run lint` checks the real tree with the same rule.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint();

/** The rule ids that fire for `code` as if it were the file `filePath`. */
async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`).filter((m) => /no-restricted-(imports|globals)/.test(m));
}

describe('layer rule (eslint no-restricted-imports)', () => {
  it('refuses core importing i18n, the session, components, lit or the DOM', async () => {
    const found = await violations(
      'src/core/validate/x.ts',
      [
        "import { issueMessage } from '../../i18n/issue-message.js';",
        "import type { UploadSession } from '../../session/upload-session.js';",
        "import { html } from 'lit';",
        "import type { RestBackend } from '../../backend/rest-backend.js';",
        'export const x = [issueMessage, html, document.title] as unknown as [UploadSession, RestBackend];',
      ].join('\n'),
    );
    assert.equal(found.length, 5, found.join('\n'));
    assert.match(found.join('\n'), /core\/ is the bottom layer/);
    assert.match(found.join('\n'), /no document/);
  });

  it('refuses backend importing anything but core', async () => {
    const found = await violations('src/backend/x.ts', "import { Localizer } from '../i18n/localize.js';\nexport const x = Localizer;\n");
    assert.equal(found.length, 1, found.join('\n'));
  });

  it('refuses session importing components, and any src file importing server/ or demo/', async () => {
    assert.equal((await violations('src/session/x.ts', "import { saveBlob } from '../components/offline-upload-wizard/download.js';\nexport const x = saveBlob;\n")).length, 1);
    assert.equal((await violations('src/components/x.ts', "import { app } from '../../server/app.js';\nexport const x = app;\n")).length, 1);
    assert.equal((await violations('src/index.ts', "import { handlers } from '../demo/mocks/handlers.js';\nexport const x = handlers;\n")).length, 1);
  });

  it('lets i18n name the session\'s codes as types only', async () => {
    assert.deepEqual(await violations('src/i18n/x.ts', "import type { FailureCode } from '../session/failures.js';\nexport type X = FailureCode;\n"), []);
    assert.equal((await violations('src/i18n/x.ts', "import { FAILURE_CODES } from '../session/failures.js';\nexport const x = FAILURE_CODES;\n")).length, 1);
  });

  it('lets each layer import what is below it', async () => {
    assert.deepEqual(await violations('src/i18n/x.ts', "import type { IssueCode } from '../core/issues.js';\nexport type X = IssueCode;\n"), []);
    assert.deepEqual(await violations('src/session/x.ts', "import { Localizer } from '../i18n/localize.js';\nexport const x = Localizer;\n"), []);
    assert.deepEqual(await violations('src/components/x.ts', "import { html } from 'lit';\nimport type { UploadSession } from '../session/upload-session.js';\nexport const x = html as unknown as UploadSession;\n"), []);
  });
});
