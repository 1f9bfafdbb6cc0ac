// The English fallback wording of issues (the core and the worker use it when no Localizer is at hand):
// sizes arrive as bytes and are worded here; file text is shortened and isolated.
import { expect } from '@open-wc/testing';
import { formatBytesEn, issueMessage, withSizes } from './issue-message.js';

describe('formatBytesEn', () => {
  it('writes sizes as a file manager does', () => {
    expect(formatBytesEn(0)).to.equal('0 bytes');
    expect(formatBytesEn(1)).to.equal('1 byte');
    expect(formatBytesEn(1536)).to.equal('1.5 KB');
    expect(formatBytesEn(50 * 1024 * 1024)).to.equal('50 MB');
    expect(formatBytesEn(52_428_801 + 10 * 1024 * 1024)).to.equal('60 MB');
    expect(formatBytesEn(3 * 1024 ** 3)).to.equal('3 GB');
  });
});

describe('issueMessage', () => {
  it('words the sizes the core sends as bytes', () => {
    expect(issueMessage('file-too-large', { sizeBytes: 80 * 1024 * 1024, limitBytes: 50 * 1024 * 1024 })).to.equal(
      'This file is 80 MB; the limit is 50 MB. Split the records into several files.',
    );
  });

  it('keeps a worded size the caller already set (the Localizer, in the admin’s language)', () => {
    expect(withSizes({ limitBytes: 2048, limit: '2 ko' })).to.deep.equal({ limitBytes: 2048, limit: '2 ko' });
  });

  it('says what a refused format is from its kind alone', () => {
    expect(issueMessage('file-unsupported-format', { kind: 'ods' })).to.contain('an OpenDocument spreadsheet (.ods)');
    expect(issueMessage('file-unsupported-format', { kind: 'something-new' })).to.contain('not a spreadsheet we can read');
  });
});
