// The preview in the wizard against the demo LMS (msw in this page): learner names as the LMS resolved
// them, a skip-policy activity's row already recorded shown as left unchanged, "Create records" straight
// to the confirmation that states exactly those counts, and a done screen and created event saying them.
import { expect, fixture, html } from '@open-wc/testing';
import { demoLms } from '../../../test/backend/demo-lms.js';
import { DEMO, SKIPPED_RECORD } from '../../../demo/mocks/data.js';
import '../../register.js';
import { $, $$, atStep, button, drop, text, untilStatus, waitFor } from '../../../test/components/helpers.js';
import type { OfflineUploadWizardElement } from '../offline-upload-wizard/offline-upload-wizard.component.js';
import type { CreatedEvent } from '../../events/created.js';
import type { RecordsPreviewElement } from './records-preview.component.js';

describe('records preview in the wizard (demo LMS)', () => {
  it('a skip-policy activity: learners named, one row left unchanged, confirmed and created as previewed', async () => {
    const controls = await demoLms();
    const el = await fixture<OfflineUploadWizardElement>(html`<offline-upload-wizard api-base="/api/lms" activity-id=${DEMO.activities.skipsExisting}
      domain-id=${DEMO.domains.employees} identifier="email" max-rows="200"></offline-upload-wizard>`);
    await atStep(el, 'template', 15_000);
    el.goToStep('upload');
    await el.updateComplete;
    const [d, e] = [DEMO.employees[6]!, DEMO.employees[7]!];
    const [y, m, day] = SKIPPED_RECORD.date.split('-');
    const csv = ['Email,Completion date,Status', `${d.email},12/03/2026,Completed`, `${SKIPPED_RECORD.email},${day}/${m}/${y},Completed`, `${e.email},12/03/2026,Attended`];
    await drop(el, new File([csv.join('\r\n')], 'briefing.csv', { type: 'text/csv' }));
    await untilStatus(el, 'ready');
    await atStep(el, 'review');

    const preview = $<RecordsPreviewElement>(el, 'offline-upload-records-preview');
    await preview.updateComplete;
    const rows = [...preview.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => tr.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows).to.have.length(3);
    expect(rows[0]).to.contain(d.name).and.contain('New record');
    expect(rows[1]).to.contain(SKIPPED_RECORD.name).and.contain('Already recorded — left unchanged');
    expect(rows[2]).to.contain(e.name).and.contain('Mar 12, 2026').and.contain('Attended');
    expect($(el, '#create-plan').textContent!.replace(/\s+/g, ' ')).to.contain('2 new records will be created.').and.contain('1 row the LMS already has will be left unchanged.');
    expect(text(el)).to.contain('2 records ready to create');

    // The counts are the filters.
    const chip = [...preview.shadowRoot!.querySelectorAll<HTMLButtonElement>('.chip')].find((c) => /left unchanged/.test(c.textContent!))!;
    chip.click();
    await preview.updateComplete;
    expect(preview.visibleRows.map((r) => r.learner)).to.deep.equal([SKIPPED_RECORD.name]);

    const created: CreatedEvent[] = [];
    el.addEventListener('offline-upload-created', (ev) => created.push(ev));
    button(el, 'Create records').click();
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.querySelector('h2')!.textContent).to.equal('Create 2 records?');
    expect(dialog.textContent!.replace(/\s+/g, ' ')).to.contain('1 row the LMS already has will be left unchanged.');
    await expect(el).to.be.accessible();
    button(el, 'Create 2 records').click();
    await atStep(el, 'done', 15_000);
    expect($(el, '#done-unchanged').textContent).to.equal('1 record the LMS already had was left unchanged.');
    await waitFor(() => created.length === 1, 'the created event');
    expect(created[0]!.detail).to.include({ count: 2, unchanged: 1 });
    expect(controls.lms.uploadedRecords(DEMO.activities.skipsExisting).map((r) => r.values['identifier'])).to.deep.equal([d.email, e.email]);
    expect($$(el, '[role=progressbar]')).to.have.length(0);
  });
});
