import { expect } from '@open-wc/testing';
import { classroomSpec } from '../../../test/fixtures/specs.js';
import { validateSpreadsheet } from '../pipeline.js';
import { validateForEditing, UNDO_DEPTH } from './table.js';

const TODAY = '2026-11-28';
const csv = (lines: string[]): Uint8Array => new TextEncoder().encode(lines.join('\r\n'));

/** A classroom upload with a title row above the header and three rows with problems. */
const upload = csv([
  'March sessions,,,',
  'Email,Completion date,Status,Trainer',
  'ana@example.com,14/03/2026,Completed,Sam Lee',
  'not-an-email,15/03/2026,Attended,',
  'bo@example.com,31/02/2026,Maybe,',
  'cy@example.com,16/03/2026,Completed,',
  ' DEE@example.com ,17/03/2026,completed,',
]);

async function editing() {
  const { result, upload: editable } = await validateForEditing(upload, classroomSpec, { today: TODAY });
  expect(editable, 'an upload to edit').to.exist;
  return { result, editable: editable! };
}

const codes = (issues: readonly { row?: number; code: string }[]) => issues.map((i) => [i.row, i.code]);

describe('EditableUpload', () => {
  it('checks the upload exactly as validateSpreadsheet does before any edit', async () => {
    const { result, editable } = await editing();
    const plain = await validateSpreadsheet(upload, classroomSpec, { today: TODAY });
    expect(result).to.deep.equal(plain);
    expect(editable.validate(classroomSpec, { today: TODAY })).to.deep.equal(plain);
    expect(codes(result.issues)).to.deep.equal([
      [4, 'cell-identifier-format'],
      [5, 'cell-date-invalid'],
      [5, 'cell-choice-invalid'],
    ]);
  });

  it('fixes cells in place: the edited upload gives what the same file fixed in a spreadsheet gives', async () => {
    const { editable } = await editing();
    const changes = editable.apply([
      { row: 4, columnKey: 'identifier', value: 'eve@example.com' },
      { row: 5, columnKey: 'completionDate', value: '28/02/2026' },
      { row: 5, columnKey: 'status', value: 'Attended' },
    ]);
    expect(changes).to.deep.equal([
      { row: 4, columnKey: 'identifier', before: 'not-an-email', after: 'eve@example.com' },
      { row: 5, columnKey: 'completionDate', before: '31/02/2026', after: '28/02/2026' },
      { row: 5, columnKey: 'status', before: 'Maybe', after: 'Attended' },
    ]);
    const edited = editable.validate(classroomSpec, { today: TODAY });
    const fixedFile = await validateSpreadsheet(
      csv([
        'March sessions,,,',
        'Email,Completion date,Status,Trainer',
        'ana@example.com,14/03/2026,Completed,Sam Lee',
        'eve@example.com,15/03/2026,Attended,',
        'bo@example.com,28/02/2026,Attended,',
        'cy@example.com,16/03/2026,Completed,',
        ' DEE@example.com ,17/03/2026,completed,',
      ]),
      classroomSpec,
      { today: TODAY },
    );
    expect(edited.issues).to.deep.equal([]);
    expect(edited.records).to.deep.equal(fixedFile.records);
    expect(edited.records.find((r) => r.row === 5)!.values).to.include({ completionDate: '2026-02-28', status: 'Attended' });
    expect(editable.editedRows).to.deep.equal([4, 5]);
  });

  it('re-checks across rows: an edit that makes a duplicate is caught, and undo takes it back', async () => {
    const { editable } = await editing();
    editable.apply([{ row: 4, columnKey: 'identifier', value: 'cy@example.com' }]);
    const after = editable.validate(classroomSpec, { today: TODAY });
    expect(codes(after.issues).filter(([, code]) => code === 'row-duplicate-user')).to.have.length(2);
    expect(editable.undo()).to.be.true;
    expect(editable.text(4, 'identifier')).to.equal('not-an-email');
    expect(codes(editable.validate(classroomSpec, { today: TODAY }).issues)[0]).to.deep.equal([4, 'cell-identifier-format']);
    expect(editable.editedRows).to.deep.equal([]);
    expect(editable.undo()).to.be.false;
  });

  it('undoes a column-wide fix as one step, and a second edit of a cell back to its first edit', async () => {
    const { editable } = await editing();
    editable.apply([{ row: 5, columnKey: 'status', value: 'Attended' }]);
    editable.apply([{ row: 5, columnKey: 'status', value: 'Completed' }]);
    editable.apply([
      { row: 3, columnKey: 'trainer', value: 'Lee' },
      { row: 6, columnKey: 'trainer', value: 'Lee' },
      { row: 7, columnKey: 'trainer', value: 'Lee' },
    ]);
    editable.undo();
    expect(editable.text(3, 'trainer')).to.equal('Sam Lee');
    expect(editable.text(7, 'trainer')).to.equal('');
    expect(editable.text(5, 'status')).to.equal('Completed');
    editable.undo();
    expect(editable.text(5, 'status')).to.equal('Attended');
    editable.undo();
    expect(editable.text(5, 'status')).to.equal('Maybe');
  });

  it('deletes rows on purpose: they are neither checked nor created, listed, restorable and undoable', async () => {
    const { editable } = await editing();
    editable.deleteRows([4, 5, 2 /* the header: refused */, 99 /* not in the file */]);
    expect(editable.deletedRows).to.deep.equal([4, 5]);
    const result = editable.validate(classroomSpec, { today: TODAY });
    expect(result.issues).to.deep.equal([]);
    expect(result.records.map((r) => r.row)).to.deep.equal([3, 6, 7]);
    expect(result.stats.rows).to.equal(3);
    const file = editable.rowsOf(editable.deletedRows);
    expect(file.header).to.deep.equal(['Email', 'Completion date', 'Status', 'Trainer']);
    expect(file.rows.map((r) => r.cells[0])).to.deep.equal(['not-an-email', 'bo@example.com']);
    editable.undo();
    expect(editable.deletedRows).to.deep.equal([]);
    editable.deleteRows([4]);
    editable.restoreRows([4]);
    expect(editable.validate(classroomSpec, { today: TODAY }).issues).to.have.length(3);
  });

  it('refuses edits outside the file: the header row, a row it does not have, a column it does not have', async () => {
    const { editable } = await editing();
    expect(() => editable.apply([{ row: 2, columnKey: 'identifier', value: 'x@example.com' }])).to.throw(RangeError);
    expect(() => editable.apply([{ row: 50, columnKey: 'identifier', value: 'x@example.com' }])).to.throw(RangeError);
    expect(() => editable.apply([{ row: 3, columnKey: 'comments', value: 'hello' }])).to.throw(RangeError);
  });

  it('saves and restores the work (after a reload the same edits give the same result)', async () => {
    const first = await editing();
    first.editable.apply([{ row: 4, columnKey: 'identifier', value: 'eve@example.com' }]);
    first.editable.deleteRows([5]);
    const saved = JSON.parse(JSON.stringify(first.editable.snapshot())) as ReturnType<typeof first.editable.snapshot>;
    expect(saved).to.deep.equal({ edits: [{ row: 4, columnKey: 'identifier', value: 'eve@example.com' }], deleted: [5] });
    const second = await editing();
    second.editable.restore(saved);
    expect(second.editable.validate(classroomSpec, { today: TODAY })).to.deep.equal(first.editable.validate(classroomSpec, { today: TODAY }));
  });

  it(`keeps the last ${UNDO_DEPTH} steps`, async () => {
    const { editable } = await editing();
    for (let i = 0; i <= UNDO_DEPTH; i++) editable.apply([{ row: 3, columnKey: 'trainer', value: `T${i}` }]);
    let undone = 0;
    while (editable.undo()) undone++;
    expect(undone).to.equal(UNDO_DEPTH);
    expect(editable.text(3, 'trainer')).to.equal('T0');
  });

  it('leaves nothing to edit when reading stopped at a file-level problem', async () => {
    const { result, upload: editable } = await validateForEditing(new TextEncoder().encode('%PDF-1.7 nonsense'), classroomSpec, { fileName: 'x.pdf' });
    expect(result.issues[0]!.code).to.equal('file-unsupported-format');
    expect(editable).to.equal(undefined);
  });
});
