import { expect } from '@open-wc/testing';
import { normaliseHeader, TemplateSpec } from './spec.js';

const base = {
  version: '1',
  activity: { id: 'a1', name: 'Fire safety', categoryId: 'c1', startDate: '2025-01-01' },
  domain: { id: 'd1', name: 'Employees' },
  identifierKind: { key: 'email', label: 'Email' },
  columns: [
    { key: 'identifier', header: 'Email', type: 'identifier', required: true },
    { key: 'completionDate', header: 'Completion date', type: 'date', required: true },
  ],
};

describe('TemplateSpec', () => {
  it('accepts a spec whose first column is the identifier', () => {
    const spec = TemplateSpec.parse(base);
    expect(spec.rules.scoreRequired).to.equal(false);
  });

  it('refuses a spec without the identifier column first', () => {
    const result = TemplateSpec.safeParse({ ...base, columns: [...base.columns].reverse() });
    expect(result.success).to.equal(false);
  });

  it('refuses two columns whose headers differ only by case and a star', () => {
    const columns = [...base.columns, { key: 'other', header: 'completion DATE *', type: 'text', required: false }];
    expect(TemplateSpec.safeParse({ ...base, columns }).success).to.equal(false);
  });
});

describe('normaliseHeader', () => {
  it('ignores case, surrounding and repeated spaces and a trailing star', () => {
    expect(normaliseHeader('  Completion   Date * ')).to.equal('completion date');
  });
});
