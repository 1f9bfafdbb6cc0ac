// The downloaded files speak the admin's language: the template (sheet names, Instructions, column help,
// sample row's note, Excel's prompts, date placeholders) and the issues report (.xlsx and CSV) built in
// French and Arabic, read back with exceljs; a French or Arabic template still reads back as records.
import { expect } from '@open-wc/testing';
import type { Workbook, Worksheet } from 'exceljs';
import { assessmentSpec, classroomSpec } from '../../test/fixtures/specs.js';
import { buildErrorReport } from '../core/error-report.js';
import type { Issue } from '../core/issues.js';
import { validateSpreadsheet } from '../core/pipeline.js';
import { buildTemplate } from '../core/template/build.js';
import { loadLocalizer } from './load-words.js';
import { Localizer, translationFor } from './localize.js';
import { uiMessagesEn } from './ui.en.js';

async function load(data: Uint8Array): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(data).buffer);
  return workbook;
}

/** Every text on a sheet, one line per row, cells joined by " | ". */
function sheetText(sheet: Worksheet): string {
  const lines: string[] = [];
  sheet.eachRow((row) => lines.push((row.values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v))).join(' | ')));
  return lines.join('\n');
}

type Validations = Record<string, { error?: string; errorTitle?: string } | undefined>;
const validationsOf = (sheet: Worksheet) => (sheet as unknown as { dataValidations: { model: Validations } }).dataValidations.model;

const issues: Issue[] = [
  { code: 'file-template-outdated', message: 'file-template-outdated', params: { found: 'cls-1', expected: 'cls-2' } },
  { row: 4, column: 'Completion date', columnKey: 'completionDate', code: 'cell-date-invalid', message: 'cell-date-invalid', value: '31/02/2026', params: { order: 'DMY' } },
  { row: 5, column: 'Status', columnKey: 'status', code: 'cell-choice-invalid', message: 'cell-choice-invalid', value: 'Done', params: { choices: 'Attended, Completed' } },
];

describe('files in the admin’s language', () => {
  // As a headless caller gets them: every word of the language, the later steps' too.
  before(() => Promise.all([loadLocalizer('fr'), loadLocalizer('ar')]));

  it('a headless caller’s Localizer has every English word (the lazily loaded screens’ too)', () => {
    expect(translationFor('en').ui).to.deep.equal(uiMessagesEn);
  });

  it('French template: sheet names, Instructions, column help, sample note, prompts and JJ/MM/AAAA', async () => {
    const l = new Localizer('fr-FR');
    const file = await buildTemplate(assessmentSpec, { texts: l.templateTexts, locale: l.locale, maxRows: 20 });
    expect(file.fileName).to.equal('Forklift Operator Assessment - modèle d’enregistrements hors ligne.xlsx');
    const workbook = await load(file.data);
    expect(workbook.worksheets.filter((s) => s.state === 'visible').map((s) => s.name)).to.deep.equal(['Enregistrements', 'Mode d’emploi']);
    const records = workbook.getWorksheet('Enregistrements')!;
    expect(records.getCell('A2').note).to.equal('Ligne d’exemple — supprimez-la avant l’import');
    expect(validationsOf(records)['B2']!.error).to.equal('Saisissez une date, p.\u00a0ex. sous la forme JJ/MM/AAAA ou AAAA-MM-JJ.');
    expect(validationsOf(records)['B2']!.errorTitle).to.equal('Valeur refusée');
    expect(records.views[0]!.rightToLeft ?? false).to.equal(false);
    const text = sheetText(workbook.getWorksheet('Mode d’emploi')!);
    expect(text).to.contain('Modèle d’enregistrements hors ligne\u00a0: Forklift Operator Assessment');
    expect(text).to.contain('Colonne | Obligatoire | Format | Valeurs autorisées | Limites | Aide');
    expect(text).to.contain('Date, p.\u00a0ex. 2026-04-02\u00a0; saisie comme texte, écrivez JJ/MM/AAAA ou AAAA-MM-JJ');
    expect(text).to.contain('Seuil de réussite\u00a0: 70.');
    expect(text).to.contain('Dates de l’activité | du 1 juin 2025 au 31 décembre 2027');
    expect(text).to.contain('1. Dans la feuille «\u00a0Enregistrements\u00a0»');
    expect(text).to.contain('Nombre, p.\u00a0ex. 82,5\u00a0; sans unité ni signe %');
    // The LMS's own help ("Pass mark 70.") is the LMS's words; none of ours is left in English.
    expect(text).not.to.match(/\b(Column|Required|Sample row|Pass mark:|YYYY)\b/);
  });

  it('Arabic template: right to left, Arabic words and placeholders, Arabic dates from Intl', async () => {
    const l = new Localizer('ar');
    const file = await buildTemplate(classroomSpec, { texts: l.templateTexts, locale: l.locale, maxRows: 20, dateOrder: 'DMY' });
    expect(file.fileName).to.equal('Fire Safety Induction (Classroom) - قالب سجلات الأنشطة خارج المنصة.xlsx');
    const workbook = await load(file.data);
    expect(workbook.worksheets.filter((s) => s.state === 'visible').map((s) => s.name)).to.deep.equal(['السجلات', 'التعليمات']);
    const records = workbook.getWorksheet('السجلات')!;
    expect(records.views[0]!.rightToLeft).to.equal(true);
    expect(records.getCell('A2').note).to.equal('صف نموذجي — احذفه قبل الرفع');
    expect(validationsOf(records)['B2']!.error).to.equal('أدخل تاريخًا، مثلًا بالصيغة يي/شش/سسسس أو سسسس-شش-يي.');
    const instructions = workbook.getWorksheet('التعليمات')!;
    expect(instructions.views[0]!.rightToLeft).to.equal(true);
    const text = sheetText(instructions);
    expect(text).to.contain('قالب سجلات الأنشطة خارج المنصة: Fire Safety Induction (Classroom)');
    expect(text).to.contain('العمود | إلزامي | الصيغة | القيم المسموح بها | الحدود | مساعدة');
    expect(text).to.contain('إذا كُتب نصًا فاكتبه بالصيغة يي/شش/سسسس أو سسسس-شش-يي');
    const start = new Intl.DateTimeFormat('ar', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1));
    expect(text).to.contain(`تواريخ النشاط | اعتبارًا من ${start}`);
    expect(text).not.to.match(/\b(Column|Required|Sample|Records|YYYY)\b/);
  });

  it('a French or Arabic template reads back as records: the fingerprint names the translated sheet', async () => {
    for (const locale of ['fr', 'ar']) {
      const l = new Localizer(locale);
      const workbook = await load((await buildTemplate(classroomSpec, { texts: l.templateTexts, maxRows: 20 })).data);
      const records = workbook.worksheets[0]!;
      records.getRow(2).values = ['amelie.martin@example.org', new Date(Date.UTC(2026, 2, 3)), 'Attended'];
      const data = new Uint8Array(await workbook.xlsx.writeBuffer());
      const result = await validateSpreadsheet(data, classroomSpec, { today: '2026-06-15' });
      expect(result.issues, locale).to.deep.equal([]);
      expect(result.records.map((r) => r.values['identifier']), locale).to.deep.equal(['amelie.martin@example.org']);
      expect(result.stats.sheetName, locale).to.equal(records.name);
    }
  });

  it('French issues report (.xlsx and CSV): headers, problems and the whole-file row', async () => {
    const l = new Localizer('fr');
    const xlsx = await buildErrorReport(issues, classroomSpec, { format: 'xlsx', texts: l.reportTexts, describe: (i) => l.issue(i) });
    expect(xlsx.fileName).to.equal('Fire Safety Induction (Classroom) - problèmes d’import.xlsx');
    const sheet = (await load(xlsx.data)).getWorksheet('Problèmes')!;
    expect(sheet.getRow(1).values).to.deep.equal([undefined, 'Ligne', 'Colonne', 'Valeur', 'Problème', 'Référence pour l’assistance']);
    expect(sheet.getColumn(5).hidden, 'the support code column is hidden').to.equal(true);
    expect(sheet.getCell('A2').value).to.equal('Fichier');
    expect(String(sheet.getCell('D2').value)).to.match(/^Ce modèle est périmé \(version \u2068cls-1\u2069/);
    expect(String(sheet.getCell('D3').value)).to.contain('au format JJ/MM/AAAA');
    expect(String(sheet.getCell('D4').value)).to.contain('Utilisez l’une de celles-ci\u00a0: Attended, Completed.');
    const csv = await buildErrorReport(issues, classroomSpec, { format: 'csv', texts: l.reportTexts, describe: (i) => l.issue(i) });
    const lines = new TextDecoder().decode(csv.data).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).to.equal('Ligne,Colonne,Valeur,Problème');
    expect(lines[1]).to.match(/^Fichier,,,Ce modèle est périmé/);
  });

  it('Arabic issues report: right to left, Arabic headers and problems', async () => {
    const l = new Localizer('ar');
    const xlsx = await buildErrorReport(issues, classroomSpec, { format: 'xlsx', texts: l.reportTexts, describe: (i) => l.issue(i) });
    const sheet = (await load(xlsx.data)).getWorksheet('المشكلات')!;
    expect(sheet.views[0]!.rightToLeft).to.equal(true);
    expect(sheet.getRow(1).values).to.deep.equal([undefined, 'الصف', 'العمود', 'القيمة', 'المشكلة', 'مرجع للدعم الفني']);
    expect(sheet.getColumn(5).hidden, 'the support code column is hidden').to.equal(true);
    expect(sheet.getCell('E2').value).to.equal('file-template-outdated');
    expect(sheet.getCell('A2').value).to.equal('الملف');
    expect(String(sheet.getCell('D3').value)).to.contain('بالصيغة يي/شش/سسسس');
    expect(String(sheet.getCell('D4').value)).to.contain('استخدم إحدى هذه القيم: Attended, Completed.');
  });
});
