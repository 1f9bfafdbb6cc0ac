// French words of the downloaded files: the template (Instructions sheet, column help, sample row's note,
// Excel's validation prompts) and the issues report. No-break spaces (\u00a0) before « : ; ».
import type { ErrorReportTexts } from '../core/error-report.js';
import type { TemplateTexts } from '../core/template/texts.js';

const nb = '\u00a0';
const eg = (example: string | undefined) => (example ? `, p.${nb}ex. ${example}` : '');

export const templateTextsFr: TemplateTexts = {
  fileSuffix: ' - modèle d’enregistrements hors ligne',
  sheets: { records: 'Enregistrements', instructions: 'Mode d’emploi' },
  datePatterns: { DMY: 'JJ/MM/AAAA', MDY: 'MM/JJ/AAAA', YMD: 'AAAA-MM-JJ' },
  sampleNote: 'Ligne d’exemple — supprimez-la avant l’import',
  title: (activity) => `Modèle d’enregistrements hors ligne${nb}: ${activity}`,
  intro:
    'Remplissez une ligne par apprenant dans la feuille Enregistrements, puis importez le fichier. Ce modèle est préparé pour l’activité, le domaine et l’identifiant ci-dessous.',
  labels: {
    activity: 'Activité',
    category: 'Catégorie',
    activityDates: 'Dates de l’activité',
    domain: 'Domaine',
    identifierKind: 'Apprenants identifiés par',
    templateVersion: 'Version du modèle',
    rules: 'Règles',
  },
  dates: (from, to) => (to ? `du ${from} au ${to}` : `à partir du ${from}`),
  columnsHeading: 'Colonnes',
  columnHeaders: ['Colonne', 'Obligatoire', 'Format', 'Valeurs autorisées', 'Limites', 'Aide'],
  yes: 'Oui',
  no: 'Non',
  format: {
    email: (example) => `Adresse e-mail${eg(example)}`,
    identifier: (label, hint, example) => `${label}${hint ? `${nb}: ${hint}` : ''}${eg(example)}`,
    date: (example, typed, iso) => `Date${eg(example)}${nb}; saisie comme texte, écrivez ${typed} ou ${iso}`,
    number: (example) => `Nombre${eg(example)}${nb}; sans unité ni signe %`,
    integer: (example) => `Nombre entier${eg(example)}`,
    choice: (example) => `L’une des valeurs autorisées${eg(example)}`,
    text: (example) => `Texte${eg(example)}`,
  },
  limits: {
    between: (min, max) => `De ${min} à ${max}`,
    atLeast: (min) => `Au moins ${min}`,
    atMost: (max) => `Au plus ${max}`,
    maxLength: (n) => `${n} caractères au plus`,
    dateWindow: (start, end, noFuture) =>
      `Le ${start} ou après${end ? `, le ${end} ou avant` : ''}${noFuture ? `${nb}; pas dans le futur` : ''}`,
    after: (header) => `Après «${nb}${header}${nb}»`,
  },
  rules: {
    scoreRequired: 'Un score est obligatoire pour chaque enregistrement.',
    passMark: (mark) => `Seuil de réussite${nb}: ${mark}.`,
    expiry: (months) => `Les certificats expirent ${months}${nb}mois après la réalisation, sauf si une date d’expiration est indiquée.`,
    futureAllowed: 'Les dates dans le futur sont acceptées.',
  },
  howToHeading: 'Comment remplir et importer',
  steps: ({ records, identifierKind, typedDate, isoDate }) => [
    `1. Dans la feuille «${nb}${records}${nb}», supprimez la ligne d’exemple (ligne 2, en italique gris).`,
    `2. Gardez la ligne d’en-tête telle quelle. Les colonnes marquées * sont obligatoires${nb}; les autres peuvent rester vides.`,
    `3. Écrivez une ligne par apprenant, identifié par ${identifierKind}. Chaque apprenant ne peut figurer qu’une fois.`,
    `4. Saisissez les dates comme dates Excel, ou tapez-les sous la forme ${typedDate} ou ${isoDate}.`,
    `5. Enregistrez le fichier au format Classeur Excel (.xlsx) ou CSV UTF-8 et importez-le dans «${nb}Importer des enregistrements hors ligne${nb}».`,
    `6. Chaque problème est indiqué par ligne et par colonne. Corrigez le fichier et importez-le à nouveau${nb}: rien n’est créé tant qu’une ligne est incorrecte.`,
  ],
  validation: {
    errorTitle: 'Valeur refusée',
    date: (typed, iso) => `Saisissez une date, p.${nb}ex. sous la forme ${typed} ou ${iso}.`,
    number: (limits) => `Saisissez un nombre${limits ? ` (${limits.toLowerCase()})` : ''}, sans unité.`,
    integer: (limits) => `Saisissez un nombre entier${limits ? ` (${limits.toLowerCase()})` : ''}.`,
    choice: 'Choisissez une valeur dans la liste.',
    length: (n) => `Utilisez ${n}${nb}caractères au plus.`,
  },
};

export const errorReportTextsFr: ErrorReportTexts = {
  sheetName: 'Problèmes',
  fileSuffix: ' - problèmes d’import',
  headers: ['Ligne', 'Colonne', 'Valeur', 'Problème'],
  codeHeader: 'Référence pour l’assistance',
  wholeFile: 'Fichier',
};
