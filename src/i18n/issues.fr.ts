// French messages for every issue code, with the same parameters as the English table: written for
// an admin looking at the cell, saying how to fix it.
import type { IssueParams, ReadingNoticeCode } from '../core/issues.js';
import type { IssueMessages } from './issues.en.js';
import { templateTextsFr } from './files.fr.js';

const s = (p: IssueParams, key: string, fallback = ''): string => {
  const v = p[key];
  return v === undefined ? fallback : String(v);
};
const nb = '\u00a0';
/** Counts as a French reader writes them: 100 000 (narrow no-break space). */
const n = (p: IssueParams, key: string): string => {
  const v = p[key];
  return typeof v === 'number' ? v.toLocaleString('fr-FR') : s(p, key);
};

/** Ce qu’est un fichier refusé, selon le `kind` du lecteur (complète « Ce fichier est … »). */
const FORMATS: Readonly<Record<string, string>> = {
  xls: 'un classeur Excel 97-2003 (.xls)',
  ods: 'une feuille de calcul OpenDocument (.ods)',
  numbers: 'une feuille de calcul Apple Numbers (.numbers)',
  xlsb: 'un classeur binaire Excel (.xlsb)',
  officeText: 'un document Word, pas une feuille de calcul',
  officeSlides: 'une présentation PowerPoint, pas une feuille de calcul',
  odf: 'un fichier OpenDocument qui n’est pas une feuille de calcul',
  zip: 'une archive zip, pas une feuille de calcul',
  ole2: 'un document Office 97-2003 qui n’est pas un classeur',
  pdf: 'un document PDF',
  image: 'une image',
  html: 'une page web (HTML), pas une feuille de calcul',
  xml: 'un fichier XML, pas un classeur',
  xml2003: 'une feuille de calcul XML Excel 2003',
  rtf: 'un document texte enrichi (.rtf)',
  archive: 'une archive compressée, pas une feuille de calcul',
  binary: 'dans un format que nous ne savons pas lire',
};
const PATTERNS: Readonly<Record<string, string>> = templateTextsFr.datePatterns;

export const issueMessagesFr: IssueMessages = {
  'file-unsupported-format': (p) =>
    `Ce fichier est ${FORMATS[s(p, 'kind')] ?? FORMATS['binary']}. Enregistrez-le au format Classeur Excel (.xlsx) ou CSV (.csv) et importez-le à nouveau.`,
  'file-encrypted': () =>
    `Ce fichier est protégé par un mot de passe. Retirez le mot de passe dans Excel (Fichier › Informations › Protéger le classeur), enregistrez-le en .xlsx et importez-le à nouveau.`,
  'file-corrupt': () =>
    'Ce fichier est endommagé et illisible. Ouvrez-le dans Excel ou LibreOffice, enregistrez-le à nouveau en .xlsx ou .csv et importez le nouveau fichier.',
  'file-too-large': (p) => `Ce fichier pèse ${s(p, 'size')}${nb}; la limite est de ${s(p, 'limit')}. Répartissez les enregistrements dans plusieurs fichiers.`,
  'file-inflates-too-large': (p) =>
    `Une fois décompressé, ce fichier dépasse ${s(p, 'limit')}, bien plus que ne demande une liste d’enregistrements. Copiez les enregistrements dans un nouveau modèle et importez celui-ci.`,
  'file-too-many-rows': (p) =>
    p['by'] === 'lms'
      ? `Ce fichier contient plus de ${s(p, 'limit')} enregistrements, le maximum que le LMS accepte en un seul import. Répartissez-les dans des fichiers de ${s(p, 'limit')} enregistrements au plus.`
      : `Ce fichier contient plus de ${s(p, 'limit')} enregistrements. Répartissez-les dans des fichiers de ${s(p, 'limit')} enregistrements au plus.`,
  'file-too-many-blank-rows': (p) =>
    `Ce fichier contient plus de ${n(p, 'limit')} lignes, lignes vides comprises, pour ${n(p, 'records')} enregistrements au plus. Supprimez les lignes vides sous vos enregistrements, ou copiez les enregistrements dans un nouveau modèle, puis importez-le à nouveau.`,
  'file-row-too-large': (p) =>
    `${p['row'] !== undefined ? `La ligne ${n(p, 'row')}` : 'Une ligne'} de ce fichier dépasse ${s(p, 'limit')}, bien plus que ne demande un enregistrement. Vérifiez cette ligne (ou copiez les enregistrements dans un nouveau modèle) et importez le fichier à nouveau.`,
  'file-cell-too-long': (p) =>
    `Ce fichier contient une cellule plus longue qu’Excel ne le permet (${n(p, 'limit')}${nb}caractères)${p['row'] !== undefined ? ` à la ligne ${n(p, 'row')}` : ''}. Raccourcissez-la, ou copiez les enregistrements dans un nouveau modèle, puis importez le fichier à nouveau.`,
  'file-too-many-columns': (p) =>
    `Ce fichier a plus de colonnes qu’Excel ne le permet (${n(p, 'limit')})${p['row'] !== undefined ? ` à la ligne ${n(p, 'row')}` : ''}. Copiez les enregistrements dans un nouveau modèle et importez celui-ci.`,
  'file-too-much-text': (p) =>
    `Ce fichier contient plus de texte que ne demande une liste d’enregistrements (${p['kind'] === 'count' ? `plus de ${n(p, 'limit')} textes différents` : `plus de ${s(p, 'limit')}`}). Copiez les enregistrements dans un nouveau modèle et importez celui-ci.`,
  'file-more-issues': (p) =>
    `${n(p, 'more')} autres problèmes ont été trouvés au-delà des ${n(p, 'shown')} listés ici. Corrigez-les, puis importez le fichier à nouveau pour voir la suite.`,
  'file-empty': () => 'Il n’y a aucun enregistrement sous la ligne d’en-tête. Remplissez une ligne par réalisation et importez le fichier à nouveau.',
  'file-no-header': (p) =>
    `Aucune ligne d’en-tête n’a été trouvée. La première ligne doit contenir les en-têtes du modèle (${s(p, 'headers')})${nb}; téléchargez le modèle et copiez-y vos enregistrements.` +
    (p['found'] ? ` «${nb}${s(p, 'found')}${nb}», ligne ${s(p, 'row')}, ressemble à «${nb}${s(p, 'expected')}${nb}»${nb}: renommez-le ainsi.` : ''),
  'file-template-mismatch': (p) =>
    `Le modèle de ce fichier a été préparé pour ${s(p, 'found')}, et non pour ${s(p, 'expected')} (activité / domaine / identifiant). Téléchargez le modèle correspondant au choix actuel, ou modifiez le choix pour qu’il corresponde au fichier.`,
  'file-template-outdated': (p) =>
    `Ce modèle est périmé${p['found'] ? ` (version ${s(p, 'found')}${nb}; la version actuelle est ${s(p, 'expected')})` : ''}${nb}: les colonnes de l’activité ont changé depuis son téléchargement. Téléchargez à nouveau le modèle et copiez-y vos enregistrements.`,
  'column-missing': (p) =>
    p['nearest']
      ? `La colonne obligatoire «${nb}${s(p, 'header')}${nb}» est absente. La colonne «${nb}${s(p, 'nearest')}${nb}» lui ressemble${nb}: renommez-la «${nb}${s(p, 'header')}${nb}», ou choisissez-la pour cette colonne.`
      : `La colonne obligatoire «${nb}${s(p, 'header')}${nb}» est absente. Rajoutez-la avec exactement cet en-tête (voir le modèle).`,
  'column-unknown': (p) =>
    `La colonne «${nb}${s(p, 'header')}${nb}» ne fait pas partie du modèle. Supprimez-la, ou renommez-la en l’une de celles-ci${nb}: ${s(p, 'expected')}.`,
  'column-duplicate': (p) => `La colonne «${nb}${s(p, 'header')}${nb}» apparaît plusieurs fois. Gardez-en une et supprimez les autres.`,
  'row-sample-left-in': () => 'C’est la ligne d’exemple du modèle. Supprimez-la avant l’import.',
  'row-duplicate-user': (p) =>
    `Cet apprenant figure déjà à la ligne ${s(p, 'otherRow')}. Gardez une seule ligne par apprenant${nb}: fusionnez ou supprimez le doublon.`,
  'cell-required': (p) => `${p['header'] !== undefined ? `La valeur «${nb}${s(p, 'header')}${nb}»` : 'Cette valeur'} est obligatoire. Remplissez cette cellule.`,
  'cell-identifier-format': (p) =>
    p['kind'] === 'email'
      ? `Ce n’est pas une adresse e-mail valide. Écrivez-la sous la forme nom@exemple.com${p['example'] ? ` (ex.${nb}: ${s(p, 'example')})` : ''}.`
      : `Ce n’est pas un identifiant valide (${s(p, 'label', 'identifiant')})${p['hint'] ? `${nb}: attendu ${s(p, 'hint')}` : ''}${p['example'] ? ` (ex.${nb}: ${s(p, 'example')})` : ''}.`,
  'cell-date-invalid': (p) =>
    `Ce n’est pas une date lisible. Saisissez une date réelle au format ${PATTERNS[s(p, 'order')] ?? s(p, 'format', PATTERNS['YMD'])}, ou mettez la cellule au format date dans Excel.`,
  'cell-date-ambiguous': (p) =>
    `Cette date se lit de deux façons${nb}: ${s(p, 'first')} (${PATTERNS[s(p, 'order')] ?? s(p, 'format')}) ou ${s(p, 'second')} (${PATTERNS[s(p, 'otherOrder')] ?? s(p, 'otherFormat')}), et les autres dates de la colonne ne permettent pas de trancher. Saisissez-la au format ${PATTERNS['YMD']}, ou corrigez les dates qui ne suivent aucun des deux ordres.`,
  'cell-date-future': (p) => `Cette date est dans le futur (nous sommes le ${s(p, 'today')}). Saisissez la date à laquelle la formation a eu lieu.`,
  'cell-date-before-start': (p) =>
    `Cette date est antérieure au début de l’activité (${s(p, 'start')}). Vérifiez la date, ou choisissez la session d’activité correspondante.`,
  'cell-date-after-end': (p) => `Cette date est postérieure à la fin de l’activité (${s(p, 'end')}). Vérifiez la date.`,
  'cell-date-not-after-completion': (p) =>
    `Cette date doit être postérieure à ${p['header'] !== undefined ? `«${nb}${s(p, 'header')}${nb}»` : 'la date de réalisation'} (${s(p, 'date')}). Corrigez-la, ou laissez la cellule vide si elle est facultative.`,
  'cell-number-invalid': () => 'Ce n’est pas un nombre. Saisissez uniquement des chiffres, comme 85 ou 72,5, sans unité ni texte.',
  'cell-integer-invalid': () => 'Un nombre entier est attendu, comme 4. Retirez les décimales, les unités et le texte.',
  'cell-number-too-small': (p) =>
    `Cette valeur est inférieure au minimum de ${s(p, 'min')}. Saisissez une valeur ${p['max'] !== undefined ? `de ${s(p, 'min')} à ${s(p, 'max')}` : `d’au moins ${s(p, 'min')}`}.`,
  'cell-number-too-large': (p) =>
    `Cette valeur dépasse le maximum de ${s(p, 'max')}. Saisissez une valeur ${p['min'] !== undefined ? `de ${s(p, 'min')} à ${s(p, 'max')}` : `d’au plus ${s(p, 'max')}`}.`,
  'cell-choice-invalid': (p) => `Cette valeur n’est pas autorisée. Utilisez l’une de celles-ci${nb}: ${s(p, 'choices')}.`,
  'cell-text-too-long': (p) => `Ce texte compte ${s(p, 'length')} caractères${nb}; la limite est de ${s(p, 'max')}. Raccourcissez-le.`,
  'cell-formula-no-result': () =>
    'Cette cellule contient une formule sans résultat enregistré. Ouvrez le fichier dans Excel, laissez-le calculer et enregistrez, ou saisissez la valeur elle-même.',
  'cell-formula-error': (p) => `Cette formule renvoie une erreur (${s(p, 'error', '#VALEUR!')}). Corrigez la formule ou saisissez la valeur elle-même.`,
  'user-not-found': () =>
    'Aucun utilisateur n’a cet identifiant dans le LMS. Vérifiez l’orthographe, ou demandez d’abord la création du compte.',
  'user-inactive': () => 'Cet utilisateur est inactif dans le LMS. Réactivez d’abord le compte, ou supprimez cette ligne.',
  'user-outside-domain': (p) =>
    `Cet utilisateur n’appartient pas au domaine ${s(p, 'domain', 'choisi')}. Supprimez la ligne, ou importez-la dans le domaine de l’utilisateur.`,
  'record-exists': (p) =>
    `Cet utilisateur a déjà un enregistrement pour cette activité${p['date'] ? ` daté du ${s(p, 'date')}` : ''}. Supprimez la ligne${nb}: un enregistrement ne peut pas être importé deux fois.`,
  'record-conflict': (p) =>
    `Le LMS ne peut pas accepter cet enregistrement${p['detail'] ? `${nb}: ${s(p, 'detail')}` : ''}. Vérifiez la ligne, ou contactez le support de votre LMS.`,
  'date-outside-activity': (p) =>
    `Le LMS refuse cette date pour cette activité${p['start'] ? ` (elle se déroule ${p['end'] ? `du ${s(p, 'start')} au ${s(p, 'end')}` : `à partir du ${s(p, 'start')}`})` : ''}. Corrigez la date.`,
  'value-rejected': (p) => `Le LMS a refusé cette valeur${p['detail'] ? `${nb}: ${s(p, 'detail')}` : ''}. Corrigez-la et importez le fichier à nouveau.`,
};

/** Notices (how the file was read; nothing to fix), with the same parameters as the English table. */
export const readingNoticeMessagesFr: { readonly [C in ReadingNoticeCode]: (p: IssueParams) => string } = {
  'date-order-switched': (p) =>
    p['order'] === 'MDY'
      ? `Les dates saisies comme du texte dans «${nb}${s(p, 'column')}${nb}» ont été lues mois en premier (${PATTERNS['MDY']})${nb}: certaines sont impossibles jour en premier, et toutes suivent cet ordre.`
      : `Les dates saisies comme du texte dans «${nb}${s(p, 'column')}${nb}» ont été lues jour en premier (${PATTERNS['DMY']})${nb}: certaines sont impossibles mois en premier, et toutes suivent cet ordre.`,
};
