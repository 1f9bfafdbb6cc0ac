// Arabic messages for every issue code, with the same parameters as the English table: written for an
// admin looking at the cell, saying how to fix it. File extensions are kept left to right (U+200E).
import type { IssueParams, ReadingNoticeCode } from '../core/issues.js';
import type { IssueMessages } from './issues.en.js';
import { templateTextsAr } from './files.ar.js';

const s = (p: IssueParams, key: string, fallback = ''): string => {
  const v = p[key];
  return v === undefined ? fallback : String(v);
};
/** Counts in Arabic digits as Intl writes them for `ar`. */
const n = (p: IssueParams, key: string): string => {
  const v = p[key];
  return typeof v === 'number' ? v.toLocaleString('ar') : s(p, key);
};

/** What a refused file is, by the reader's `kind` (completes «هذا الملف …»). */
const FORMATS: Readonly<Record<string, string>> = {
  xls: 'مصنّف Excel 97-2003 (‎.xls)',
  ods: 'جدول بيانات OpenDocument (‎.ods)',
  numbers: 'جدول بيانات Apple Numbers (‎.numbers)',
  xlsb: 'مصنّف Excel ثنائي (‎.xlsb)',
  officeText: 'مستند Word وليس جدول بيانات',
  officeSlides: 'عرض PowerPoint تقديمي وليس جدول بيانات',
  odf: 'ملف OpenDocument ليس جدول بيانات',
  zip: 'أرشيف zip وليس جدول بيانات',
  ole2: 'مستند Office 97-2003 ليس مصنّفًا',
  pdf: 'مستند PDF',
  image: 'صورة',
  html: 'صفحة ويب (HTML) وليس جدول بيانات',
  xml: 'ملف XML وليس مصنّفًا',
  xml2003: 'جدول بيانات Excel 2003 بصيغة XML',
  rtf: 'مستند نص منسّق (‎.rtf)',
  archive: 'أرشيف مضغوط وليس جدول بيانات',
  binary: 'بصيغة لا نستطيع قراءتها',
};
const PATTERNS: Readonly<Record<string, string>> = templateTextsAr.datePatterns;

export const issueMessagesAr: IssueMessages = {
  'file-unsupported-format': (p) =>
    `هذا الملف ${FORMATS[s(p, 'kind')] ?? FORMATS['binary']}. احفظه بصيغة مصنّف Excel (‎.xlsx) أو CSV (‎.csv) ثم ارفعه من جديد.`,
  'file-encrypted': () =>
    'هذا الملف محمي بكلمة مرور. أزل كلمة المرور في Excel (ملف › معلومات › حماية المصنّف)، واحفظه بصيغة ‎.xlsx ثم ارفعه من جديد.',
  'file-corrupt': () =>
    'هذا الملف تالف ولا يمكن قراءته. افتحه في Excel أو LibreOffice، واحفظه من جديد بصيغة ‎.xlsx أو ‎.csv ثم ارفع الملف الجديد.',
  'file-too-large': (p) => `حجم هذا الملف ${s(p, 'size')}، والحد المسموح به ${s(p, 'limit')}. وزّع السجلات على عدة ملفات.`,
  'file-inflates-too-large': (p) =>
    `يتجاوز هذا الملف بعد فك ضغطه ${s(p, 'limit')}، وهذا أكثر بكثير مما تحتاجه قائمة سجلات. انسخ السجلات إلى قالب جديد وارفعه.`,
  'file-too-many-rows': (p) => `يحتوي هذا الملف على أكثر من ${n(p, 'limit')} سجل. قسّمه إلى ملفات لا يتجاوز كل منها ${n(p, 'limit')} سجل.`,
  'file-too-many-blank-rows': (p) =>
    `يحتوي هذا الملف على أكثر من ${n(p, 'limit')} صف، بما فيها الصفوف الفارغة، لما لا يزيد على ${n(p, 'records')} سجل. احذف الصفوف الفارغة تحت سجلاتك، أو انسخ السجلات إلى قالب جديد، ثم ارفعه من جديد.`,
  'file-row-too-large': (p) =>
    `${p['row'] !== undefined ? `يحتوي الصف ${n(p, 'row')}` : 'يحتوي أحد الصفوف'} في هذا الملف على أكثر من ${s(p, 'limit')}، وهذا أكثر بكثير مما يحتاجه سجل. تحقّق من ذلك الصف (أو انسخ السجلات إلى قالب جديد) ثم ارفع الملف من جديد.`,
  'file-cell-too-long': (p) =>
    `في هذا الملف خلية أطول مما يسمح به Excel (${n(p, 'limit')} حرفًا)${p['row'] !== undefined ? ` في الصف ${n(p, 'row')}` : ''}. اختصرها، أو انسخ السجلات إلى قالب جديد، ثم ارفع الملف من جديد.`,
  'file-too-many-columns': (p) =>
    `في هذا الملف أعمدة أكثر مما يسمح به Excel (${n(p, 'limit')})${p['row'] !== undefined ? ` في الصف ${n(p, 'row')}` : ''}. انسخ السجلات إلى قالب جديد وارفعه.`,
  'file-too-much-text': (p) =>
    `يحتوي هذا الملف على نص أكثر مما تحتاجه قائمة سجلات (${p['kind'] === 'count' ? `أكثر من ${n(p, 'limit')} نصًا مختلفًا` : `أكثر من ${s(p, 'limit')}`}). انسخ السجلات إلى قالب جديد وارفعه.`,
  'file-more-issues': (p) =>
    `عُثر على ${n(p, 'more')} مشكلة أخرى بعد أول ${n(p, 'shown')} معروضة هنا. أصلح هذه المشكلات، ثم ارفع الملف من جديد لترى البقية.`,
  'file-empty': () => 'لا توجد سجلات تحت صف العناوين. املأ صفًا واحدًا لكل إكمال ثم ارفع الملف من جديد.',
  'file-no-header': (p) =>
    `لم يُعثر على صف العناوين. يجب أن يحتوي الصف الأول على عناوين القالب (${s(p, 'headers')})؛ نزّل القالب وانسخ سجلاتك إليه.`,
  'file-template-mismatch': (p) =>
    `أُعدّ قالب هذا الملف لـ${s(p, 'found')}، وليس لـ${s(p, 'expected')} (النشاط / النطاق / المعرّف). نزّل القالب الخاص بالاختيار الحالي، أو غيّر الاختيار ليطابق الملف.`,
  'file-template-outdated': (p) =>
    `هذا القالب قديم${p['found'] ? ` (الإصدار ${s(p, 'found')}؛ الإصدار الحالي ${s(p, 'expected')})` : ''}: تغيّرت أعمدة النشاط منذ تنزيله. نزّل القالب من جديد وانسخ سجلاتك إليه.`,
  'column-missing': (p) => `العمود الإلزامي «${s(p, 'header')}» غير موجود. أضفه من جديد بهذا العنوان نفسه تمامًا (انظر القالب).`,
  'column-unknown': (p) => `العمود «${s(p, 'header')}» ليس من أعمدة القالب. احذفه، أو أعد تسميته بأحد هذه العناوين: ${s(p, 'expected')}.`,
  'column-duplicate': (p) => `يتكرر العمود «${s(p, 'header')}» أكثر من مرة. أبقِ على واحد واحذف البقية.`,
  'row-sample-left-in': () => 'هذا هو صف النموذج في القالب. احذفه قبل الرفع.',
  'row-duplicate-user': (p) => `هذا المستخدم موجود أيضًا في الصف ${s(p, 'otherRow')}. أبقِ صفًا واحدًا لكل مستخدم: ادمج الصفين أو احذف المكرر.`,
  'cell-required': (p) => `${p['header'] !== undefined ? `القيمة «${s(p, 'header')}»` : 'هذه القيمة'} إلزامية. املأ هذه الخلية.`,
  'cell-identifier-format': (p) =>
    p['kind'] === 'email'
      ? `هذا ليس عنوان بريد إلكتروني صالحًا. اكتبه على الصورة name@example.com${p['example'] ? ` (مثال: ${s(p, 'example')})` : ''}.`
      : `هذا ليس ${s(p, 'label', 'معرّفًا')} صالحًا${p['hint'] ? `: المتوقع ${s(p, 'hint')}` : ''}${p['example'] ? ` (مثال: ${s(p, 'example')})` : ''}.`,
  'cell-date-invalid': (p) =>
    `هذا ليس تاريخًا يمكن قراءته. أدخل تاريخًا حقيقيًا بالصيغة ${PATTERNS[s(p, 'order')] ?? s(p, 'format', PATTERNS['YMD'])}، أو نسّق الخلية كتاريخ في Excel.`,
  'cell-date-ambiguous': (p) =>
    `يمكن قراءة هذا التاريخ بطريقتين: ${s(p, 'first')} (${PATTERNS[s(p, 'order')] ?? s(p, 'format')}) أو ${s(p, 'second')} (${PATTERNS[s(p, 'otherOrder')] ?? s(p, 'otherFormat')})، ولا تحسم التواريخ الأخرى في هذا العمود أيّهما المقصود. اكتبه بالصيغة ${PATTERNS['YMD']}، أو صحّح التواريخ التي لا تناسب أيًّا من الترتيبين.`,
  'cell-date-future': (p) => `هذا التاريخ في المستقبل (اليوم هو ${s(p, 'today')}). أدخل التاريخ الذي جرى فيه التدريب.`,
  'cell-date-before-start': (p) => `هذا التاريخ قبل بدء النشاط (${s(p, 'start')}). تحقّق من التاريخ، أو اختر جلسة النشاط التي ينتمي إليها.`,
  'cell-date-after-end': (p) => `هذا التاريخ بعد انتهاء النشاط (${s(p, 'end')}). تحقّق من التاريخ.`,
  'cell-date-not-after-completion': (p) =>
    `يجب أن يكون هذا التاريخ بعد ${p['header'] !== undefined ? `«${s(p, 'header')}»` : 'تاريخ الإكمال'} (${s(p, 'date')}). صحّحه، أو اترك الخلية فارغة إن كانت اختيارية.`,
  'cell-number-invalid': () => 'هذا ليس رقمًا. أدخل أرقامًا فقط، مثل 85 أو 72.5، دون وحدات أو نص.',
  'cell-integer-invalid': () => 'يجب أن يكون هذا عددًا صحيحًا، مثل 4. أزل الكسور والوحدات والنص.',
  'cell-number-too-small': (p) =>
    `هذه القيمة أقل من الحد الأدنى ${s(p, 'min')}. أدخل قيمة ${p['max'] !== undefined ? `من ${s(p, 'min')} إلى ${s(p, 'max')}` : `لا تقل عن ${s(p, 'min')}`}.`,
  'cell-number-too-large': (p) =>
    `هذه القيمة أكبر من الحد الأقصى ${s(p, 'max')}. أدخل قيمة ${p['min'] !== undefined ? `من ${s(p, 'min')} إلى ${s(p, 'max')}` : `لا تزيد على ${s(p, 'max')}`}.`,
  'cell-choice-invalid': (p) => `هذه ليست إحدى القيم المسموح بها. استخدم إحدى هذه القيم: ${s(p, 'choices')}.`,
  'cell-text-too-long': (p) => `طول هذا النص ${n(p, 'length')} حرفًا، والحد المسموح به ${n(p, 'max')}. اختصره.`,
  'cell-formula-no-result': () =>
    'تحتوي هذه الخلية على صيغة بلا نتيجة محفوظة. افتح الملف في Excel ودعه يحسب ثم احفظه، أو اكتب القيمة نفسها.',
  'cell-formula-error': (p) => `تعطي هذه الصيغة خطأ (${s(p, 'error', '#VALUE!')}). أصلح الصيغة أو اكتب القيمة نفسها.`,
  'user-not-found': () => 'لا يوجد في نظام إدارة التعلّم مستخدم بهذا المعرّف. تحقّق من الكتابة، أو اطلب إنشاء الحساب أولًا.',
  'user-inactive': () => 'هذا المستخدم غير نشط في نظام إدارة التعلّم. أعد تنشيط الحساب أولًا، أو احذف هذا الصف.',
  'user-outside-domain': (p) =>
    `هذا المستخدم ليس في النطاق ${s(p, 'domain', 'الذي اخترته')}. احذف الصف، أو ارفعه ضمن نطاق المستخدم نفسه.`,
  'record-exists': (p) =>
    `لدى هذا المستخدم سجل لهذا النشاط من قبل${p['date'] ? ` بتاريخ ${s(p, 'date')}` : ''}. احذف الصف؛ لا يمكن رفع السجل نفسه مرتين.`,
  'record-conflict': (p) =>
    `لا يستطيع نظام إدارة التعلّم قبول هذا السجل${p['detail'] ? `: ${s(p, 'detail')}` : ''}. تحقّق من الصف، أو تواصل مع دعم نظام إدارة التعلّم.`,
  'date-outside-activity': (p) =>
    `يرفض نظام إدارة التعلّم هذا التاريخ لهذا النشاط${p['start'] ? ` (يمتد ${p['end'] ? `من ${s(p, 'start')} إلى ${s(p, 'end')}` : `اعتبارًا من ${s(p, 'start')}`})` : ''}. صحّح التاريخ.`,
  'value-rejected': (p) => `رفض نظام إدارة التعلّم هذه القيمة${p['detail'] ? `: ${s(p, 'detail')}` : ''}. صحّحها ثم ارفع الملف من جديد.`,
};

/** Notices (how the file was read; nothing to fix), with the same parameters as the English table. */
export const readingNoticeMessagesAr: { readonly [C in ReadingNoticeCode]: (p: IssueParams) => string } = {
  'date-order-switched': (p) =>
    p['order'] === 'MDY'
      ? `قُرئت التواريخ المكتوبة نصًا في «${s(p, 'column')}» بالشهر أولًا (${PATTERNS['MDY']}): بعضها مستحيل إذا قُرئ باليوم أولًا، وكلها تناسب الشهر أولًا.`
      : `قُرئت التواريخ المكتوبة نصًا في «${s(p, 'column')}» باليوم أولًا (${PATTERNS['DMY']}): بعضها مستحيل إذا قُرئ بالشهر أولًا، وكلها تناسب اليوم أولًا.`,
};
