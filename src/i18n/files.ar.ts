// Arabic words of the downloaded files: the template (Instructions sheet, column help, sample row's note,
// Excel's validation prompts) and the issues report. The sheets open right to left (`rtl`).
import type { ErrorReportTexts } from '../core/error-report.js';
import type { TemplateTexts } from '../core/template/texts.js';

const eg = (example: string | undefined) => (example ? `، مثال: ${example}` : '');

export const templateTextsAr: TemplateTexts = {
  fileSuffix: ' - قالب سجلات الأنشطة خارج المنصة',
  rtl: true,
  sheets: { records: 'السجلات', instructions: 'التعليمات' },
  datePatterns: { DMY: 'يي/شش/سسسس', MDY: 'شش/يي/سسسس', YMD: 'سسسس-شش-يي' },
  sampleNote: 'صف نموذجي — احذفه قبل الرفع',
  title: (activity) => `قالب سجلات الأنشطة خارج المنصة: ${activity}`,
  intro: 'املأ صفًا واحدًا لكل متعلّم في ورقة السجلات، ثم ارفع الملف. أُعدّ هذا القالب للنشاط والنطاق والمعرّف المذكورة أدناه.',
  labels: {
    activity: 'النشاط',
    category: 'الفئة',
    activityDates: 'تواريخ النشاط',
    domain: 'النطاق',
    identifierKind: 'يُعرَّف المستخدمون بـ',
    templateVersion: 'إصدار القالب',
    rules: 'القواعد',
  },
  dates: (from, to) => (to ? `من ${from} إلى ${to}` : `اعتبارًا من ${from}`),
  columnsHeading: 'الأعمدة',
  columnHeaders: ['العمود', 'إلزامي', 'الصيغة', 'القيم المسموح بها', 'الحدود', 'مساعدة'],
  yes: 'نعم',
  no: 'لا',
  format: {
    email: (example) => `عنوان بريد إلكتروني${eg(example)}`,
    identifier: (label, hint, example) => `${label}${hint ? `: ${hint}` : ''}${eg(example)}`,
    date: (example, typed, iso) => `تاريخ${eg(example)}؛ إذا كُتب نصًا فاكتبه بالصيغة ${typed} أو ${iso}`,
    number: (example) => `رقم${eg(example)}؛ دون وحدات أو علامة %`,
    integer: (example) => `عدد صحيح${eg(example)}`,
    choice: (example) => `إحدى القيم المسموح بها${eg(example)}`,
    text: (example) => `نص${eg(example)}`,
  },
  limits: {
    between: (min, max) => `من ${min} إلى ${max}`,
    atLeast: (min) => `${min} على الأقل`,
    atMost: (max) => `${max} على الأكثر`,
    maxLength: (n) => `حتى ${n} حرف`,
    dateWindow: (start, end, noFuture) => `في ${start} أو بعده${end ? `، وفي ${end} أو قبله` : ''}${noFuture ? '؛ وليس في المستقبل' : ''}`,
    after: (header) => `بعد «${header}»`,
  },
  rules: {
    scoreRequired: 'الدرجة إلزامية لكل سجل.',
    passMark: (mark) => `درجة النجاح: ${mark}.`,
    expiry: (months) => `تنتهي صلاحية الشهادات بعد ${months} شهرًا من الإكمال ما لم يُذكر تاريخ انتهاء.`,
    futureAllowed: 'التواريخ المستقبلية مقبولة.',
  },
  howToHeading: 'طريقة التعبئة والرفع',
  steps: ({ records, identifierKind, typedDate, isoDate }) => [
    `1. في ورقة «${records}»، احذف صف النموذج (الصف 2، بخط مائل رمادي).`,
    '2. أبقِ صف العناوين كما هو. الأعمدة المعلَّمة بـ * إلزامية؛ ويمكن ترك الأخرى فارغة.',
    `3. اكتب صفًا واحدًا لكل متعلّم، معرَّفًا بـ${identifierKind}. لا يجوز أن يظهر المتعلّم إلا مرة واحدة.`,
    `4. أدخل التواريخ كتواريخ Excel، أو اكتبها بالصيغة ${typedDate} أو ${isoDate}.`,
    '5. احفظ الملف بصيغة مصنّف Excel (‎.xlsx) أو CSV UTF-8 وارفعه في «رفع سجلات الأنشطة خارج المنصة».',
    '6. تُعرض كل مشكلة حسب الصف والعمود. صحّح الملف وارفعه من جديد: لا يُنشأ أي شيء حتى تصبح كل الصفوف صحيحة.',
  ],
  validation: {
    errorTitle: 'قيمة غير مقبولة',
    date: (typed, iso) => `أدخل تاريخًا، مثلًا بالصيغة ${typed} أو ${iso}.`,
    number: (limits) => `أدخل رقمًا${limits ? ` (${limits})` : ''}، دون وحدات.`,
    integer: (limits) => `أدخل عددًا صحيحًا${limits ? ` (${limits})` : ''}.`,
    choice: 'اختر قيمة من القائمة.',
    length: (n) => `استخدم ${n} حرفًا على الأكثر.`,
  },
};

export const errorReportTextsAr: ErrorReportTexts = {
  sheetName: 'المشكلات',
  fileSuffix: ' - مشكلات الرفع',
  rtl: true,
  headers: ['الصف', 'العمود', 'القيمة', 'المشكلة'],
  codeHeader: 'مرجع للدعم الفني',
  wholeFile: 'الملف',
};
