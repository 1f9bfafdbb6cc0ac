// <upload-summary>: accessible, defaults, attribute/property sync, i18n (French, overrides, UTC dates).
import { expect, fixture, html } from '@open-wc/testing';
import type { UploadSummary } from '../../core/summary.js';
import './upload-summary.js';
import type { UploadSummaryElement } from './upload-summary.component.js';

const summary: UploadSummary = {
  records: 1234,
  rows: 1240,
  distinctUsers: 1201,
  dateRange: { from: '2026-01-01', to: '2026-03-14' },
  byStatus: { Completed: 1000, Attended: 234 },
  statusColumn: 'Status',
  byLabel: { create: 1230, 'already-recorded': 4 },
  issues: 0,
  rowsWithIssues: 0,
  issuesByCode: {},
  issuesByColumn: {},
};

const withIssues: UploadSummary = {
  ...summary,
  records: 0,
  issues: 7,
  rowsWithIssues: 5,
  issuesByCode: { 'cell-date-invalid': 5, 'user-not-found': 2 },
  issuesByColumn: { 'Completion date': 5, Email: 2 },
};

/** The text a reader meets, text nodes joined by spaces (no-break spaces kept). */
function text(el: UploadSummaryElement): string {
  const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.textContent ?? '');
  return parts.join(' ').replace(/[ \t\n]+/g, ' ');
}

describe('<upload-summary>', () => {
  it('is accessible in both layouts, with and without issues', async () => {
    for (const layout of ['full', 'compact']) {
      for (const s of [summary, withIssues]) {
        const el = await fixture<UploadSummaryElement>(html`<upload-summary .summary=${s} layout=${layout}></upload-summary>`);
        await expect(el).to.be.accessible();
      }
    }
  });

  it('defaults to the full layout and says when there is no summary yet', async () => {
    const el = await fixture<UploadSummaryElement>(html`<upload-summary></upload-summary>`);
    expect(el.layout).to.equal('full');
    expect(el.getAttribute('layout')).to.equal('full');
    expect(text(el)).to.contain('No summary yet.');
  });

  it('shows records ready, learners, rows, date range and breakdowns in English', async () => {
    const el = await fixture<UploadSummaryElement>(html`<upload-summary lang="en" .summary=${summary}></upload-summary>`);
    const t = text(el);
    expect(el.shadowRoot!.querySelector('[part=headline] strong')!.textContent).to.equal('1,234');
    expect(t).to.contain('records ready to create');
    expect(t).to.contain('1,201');
    expect(t).to.contain('1,240');
    expect(t).to.contain('Jan 1, 2026 – Mar 14, 2026');
    expect(t).to.contain('By Status');
    expect(t).to.contain('Completed 1,000');
    expect(t).to.contain('Already recorded 4');
    expect(t).to.contain('New records 1,230');
    expect(t).to.contain('Issues None');
  });

  it('shows issues by kind, and a single date once', async () => {
    const s = { ...withIssues, dateRange: { from: '2026-02-03', to: '2026-02-03' } };
    const el = await fixture<UploadSummaryElement>(html`<upload-summary lang="en" .summary=${s}></upload-summary>`);
    const t = text(el);
    expect(t).to.contain('Issues by kind');
    expect(t).to.contain('Invalid date 5');
    expect(t).to.contain('Unknown learner 2');
    expect(t).to.contain('Feb 3, 2026');
    expect(t).not.to.contain('–');
  });

  it('reflects layout and hides breakdowns in the compact layout', async () => {
    const el = await fixture<UploadSummaryElement>(html`<upload-summary .summary=${summary}></upload-summary>`);
    expect(el.shadowRoot!.querySelector('[part=breakdowns]')).to.exist;
    el.layout = 'compact';
    await el.updateComplete;
    expect(el.getAttribute('layout')).to.equal('compact');
    expect(el.shadowRoot!.querySelector('[part=breakdowns]')).to.equal(null);
    el.setAttribute('layout', 'full');
    await el.updateComplete;
    expect(el.layout).to.equal('full');
    expect(el.shadowRoot!.querySelector('[part=breakdowns]')).to.exist;
  });

  it('honours heading-level for the breakdown headings', async () => {
    const el = await fixture<UploadSummaryElement>(html`<upload-summary heading-level="4" .summary=${summary}></upload-summary>`);
    expect(el.headingLevel).to.equal(4);
    expect(el.shadowRoot!.querySelectorAll('h4').length).to.equal(2);
    expect(el.shadowRoot!.querySelector('h3')).to.equal(null);
  });

  it('speaks French with French numbers and dates, and follows a lang change', async () => {
    const el = await fixture<UploadSummaryElement>(html`<upload-summary lang="fr" .summary=${summary}></upload-summary>`);
    let t = text(el);
    expect(t).to.contain('enregistrements prêts à créer');
    expect(t).to.match(/1\u202f234/);
    expect(t).to.contain('du 1 janv. 2026 au 14 mars 2026');
    expect(t).to.contain('Déjà enregistrés');
    el.lang = 'en';
    await el.updateComplete;
    t = text(el);
    expect(t).to.contain('records ready to create');
  });

  it('inherits the language of an ancestor, and locale wins over lang', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr"><upload-summary .summary=${summary}></upload-summary></div>`);
    const el = wrapper.querySelector('upload-summary')!;
    await el.updateComplete;
    expect(text(el)).to.contain('Apprenants');
    el.locale = 'en-GB';
    await el.updateComplete;
    expect(text(el)).to.contain('1 Jan 2026 – 14 Mar 2026');
  });

  it('in Arabic is right-to-left like the wizard, the LMS\'s status values keeping their own direction', async () => {
    const el = await fixture<UploadSummaryElement>(html`<upload-summary lang="ar" .summary=${summary}></upload-summary>`);
    expect(el.getAttribute('dir')).to.equal('rtl');
    const names = [...el.shadowRoot!.querySelectorAll('[part=breakdown] li > span[dir=auto]')].map((s) => s.textContent);
    expect(names).to.include.members(['Completed', 'Attended']);
    el.lang = 'en';
    await el.updateComplete;
    expect(el.hasAttribute('dir')).to.equal(false);
  });

  it('formats YYYY-MM-DD dates without a time-zone shift', async () => {
    const s = { ...summary, dateRange: { from: '2026-01-01', to: '2026-12-31' } };
    const el = await fixture<UploadSummaryElement>(html`<upload-summary locale="en-US" .summary=${s}></upload-summary>`);
    expect(text(el)).to.contain('Jan 1, 2026 – Dec 31, 2026');
  });

  it('lets a host override strings, plurals and kinds', async () => {
    const el = await fixture<UploadSummaryElement>(html`<upload-summary lang="en" .summary=${withIssues}
      .messages=${{ summaryUsers: 'People', summaryRecordsReady: { one: '{count} row to go', other: '{count} rows to go' }, kinds: { 'cell-date-invalid': 'Bad date' } }}></upload-summary>`);
    const t = text(el);
    expect(t).to.contain('People');
    expect(t).to.contain('0 rows to go');
    expect(t).to.contain('Bad date 5');
  });
});
