// What admins call the template's columns in their own sheets, per column kind, in every shipped language
// (English, French, Arabic). Matching data, not display text: the words on screen come from src/i18n.

/**
 * Synonyms by column kind. A kind is the identifier kind for the identifier column (`identifier:email`)
 * and the column's key otherwise (`completionDate`, `status` …): the keys the LMS contract documents.
 */
export const HEADER_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  'identifier:email': [
    'email', 'e-mail', 'email address', 'e-mail address', 'mail', 'work email', 'learner email', 'user email', 'employee email', 'participant email',
    'courriel', 'adresse courriel', 'adresse e-mail', 'adresse email', 'adresse mail', 'adresse électronique', 'mél',
    'البريد الإلكتروني', 'بريد إلكتروني', 'البريد', 'الإيميل', 'عنوان البريد الإلكتروني',
  ],
  'identifier:username': [
    'username', 'user name', 'login', 'login name', 'user id', 'userid', 'user login', 'account',
    'identifiant', "nom d'utilisateur", 'identifiant de connexion', 'compte',
    'اسم المستخدم', 'المستخدم', 'اسم الدخول', 'معرف المستخدم',
  ],
  'identifier:employeeId': [
    'employee number', 'employee id', 'employee no', 'employee #', 'staff number', 'staff id', 'personnel number', 'emp id', 'badge number',
    'matricule', "numéro d'employé", 'numéro de salarié', 'numéro matricule', 'n° matricule', 'n° employé',
    'الرقم الوظيفي', 'رقم الموظف', 'الرقم الوظيفى', 'رقم الشارة',
  ],
  completionDate: [
    'completion date', 'date completed', 'completed on', 'date of completion', 'completed', 'date', 'attendance date', 'date attended', 'session date',
    'assessment date', 'date assessed', 'training date', 'course date', 'end date',
    "date d'achèvement", 'date de réalisation', 'date de complétion', 'date de fin', 'date de la session', "date de l'évaluation", 'date de participation',
    'date de formation', 'réalisé le', 'terminé le',
    'تاريخ الإكمال', 'تاريخ الإنجاز', 'التاريخ', 'تاريخ الحضور', 'تاريخ التقييم', 'تاريخ الانتهاء من الدورة',
  ],
  status: [
    'status', 'result', 'outcome', 'completion status', 'attendance', 'pass/fail',
    'statut', 'état', 'résultat', 'réussite',
    'الحالة', 'النتيجة',
  ],
  score: [
    'score', 'mark', 'marks', 'grade', 'percentage', 'points',
    'note', 'pourcentage',
    'الدرجة', 'العلامة', 'النسبة', 'النسبة المئوية',
  ],
  hours: [
    'hours', 'duration', 'hours completed', 'time spent', 'number of hours',
    'heures', 'durée', "nombre d'heures",
    'الساعات', 'عدد الساعات', 'المدة',
  ],
  trainer: [
    'trainer', 'instructor', 'facilitator', 'teacher', 'tutor', 'assessor', 'trainer name',
    'formateur', 'formatrice', 'animateur', 'intervenant', 'instructeur',
    'المدرب', 'المدربة', 'المحاضر',
  ],
  comments: [
    'comments', 'comment', 'notes', 'remarks',
    'commentaires', 'commentaire', 'remarques', 'observations',
    'ملاحظات', 'تعليقات', 'التعليقات', 'ملاحظة',
  ],
  expiryDate: [
    'expiry', 'expiry date', 'expiration date', 'certificate expiry', 'certificate expiry date', 'expires', 'expires on', 'valid until',
    "date d'expiration", 'expiration', "valable jusqu'au", 'fin de validité', 'date de fin de validité',
    'تاريخ الانتهاء', 'تاريخ انتهاء الشهادة', 'صالح حتى', 'تاريخ انتهاء الصلاحية',
  ],
  location: [
    'location', 'place', 'site', 'venue',
    'lieu', 'emplacement',
    'الموقع', 'المكان',
  ],
};
