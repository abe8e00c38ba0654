/**
 * The words of every code the import reports (src/import/types.ts): why a row was rejected, why a whole file was
 * refused, what the file's issues are. Each table is typed as a `Record` of the code union, so a code added by the
 * import worker is a type error here until it is worded in fr, ar and en. Numbers in params are written in the
 * reader's locale. Pure.
 */
import type { Frequency, Lang, LocalizedText } from '../../contract/contract.ts';
import { formatNumber, formatPeriod } from '../../i18n/format.ts';
import { defineMessages, translate } from '../../i18n/i18n.ts';
import type { ImportErrorCode, ImportIssueCode, RejectReason } from '../../import/types.ts';

const rejectMessages: Record<RejectReason, LocalizedText> = defineMessages({
  'not-a-number': {
    fr: 'pas un nombre (séparateur décimal attendu : {decimal})',
    ar: 'ليس عددا (الفاصلة العشرية المنتظرة: {decimal})',
    en: 'not a number (expected decimal separator: {decimal})',
  },
  'empty-value': { fr: 'valeur vide', ar: 'قيمة فارغة', en: 'empty value' },
  'negative-count': {
    fr: 'effectif négatif',
    ar: 'عدد سالب',
    en: 'negative count',
  },
  'rate-out-of-range': {
    fr: 'taux hors de l’intervalle {min}–{max}',
    ar: 'نسبة خارج المجال {min}–{max}',
    en: 'rate outside {min}–{max}',
  },
  duplicate: {
    fr: 'doublon : même territoire et même période qu’à la ligne {firstRow}',
    ar: 'تكرار: نفس المجال الترابي ونفس الفترة كما في السطر {firstRow}',
    en: 'duplicate: same territory and period as row {firstRow}',
  },
  'unknown-territory': { fr: 'territoire inconnu', ar: 'مجال ترابي غير معروف', en: 'unknown territory' },
  'skipped-territory': {
    fr: 'territoire ignoré à votre demande',
    ar: 'مجال ترابي متجاهَل بطلبك',
    en: 'territory skipped at your request',
  },
  'empty-territory': { fr: 'territoire manquant', ar: 'المجال الترابي مفقود', en: 'no territory' },
  'bad-period': {
    fr: 'période illisible (attendu : 2024, 2024-03, 03/2024, 2024-T1 ou une date)',
    ar: 'فترة غير مقروءة (المنتظر: 2024 أو 2024-03 أو 03/2024 أو 2024-Q1 أو تاريخ)',
    en: 'unreadable period (expected 2024, 2024-03, 03/2024, 2024-Q1 or a date)',
  },
  'mixed-frequency': {
    fr: 'fréquence différente du reste ({kind} au lieu de {expected})',
    ar: 'دورية مختلفة عن الباقي ({kind} بدل {expected})',
    en: 'frequency differs from the rest ({kind} instead of {expected})',
  },
  'unknown-indicator': {
    fr: 'autre indicateur que celui importé',
    ar: 'مؤشر غير المؤشر المستورد',
    en: 'another indicator than the one imported',
  },
  'skipped-indicator': {
    fr: 'indicateur non importé',
    ar: 'مؤشر غير مستورد',
    en: 'indicator not imported',
  },
});

const errorMessages: Record<ImportErrorCode, LocalizedText> = defineMessages({
  'too-large': {
    fr: 'le fichier pèse {bytes}, la limite est {max}.',
    ar: 'حجم الملف {bytes}، والحد الأقصى {max}.',
    en: 'the file is {bytes}; the limit is {max}.',
  },
  'too-many-rows': {
    fr: 'plus de {max} lignes.',
    ar: 'أكثر من {max} سطر.',
    en: 'more than {max} rows.',
  },
  'too-many-columns': {
    fr: 'la ligne {row} a {columns} colonnes, la limite est {max}.',
    ar: 'السطر {row} فيه {columns} عمودا، والحد الأقصى {max}.',
    en: 'row {row} has {columns} columns; the limit is {max}.',
  },
  binary: {
    fr: 'ce n’est ni un texte (CSV, TSV) ni un classeur Excel (XLSX).',
    ar: 'ليس نصا (CSV، TSV) ولا مصنف Excel (XLSX).',
    en: 'it is neither text (CSV, TSV) nor an Excel workbook (XLSX).',
  },
  'not-xlsx': {
    fr: 'c’est une archive zip mais pas un classeur Excel (XLSX).',
    ar: 'إنه أرشيف zip وليس مصنف Excel (XLSX).',
    en: 'it is a zip archive but not an Excel workbook (XLSX).',
  },
  'zip-bomb': {
    fr: 'une fois décompressé, le classeur dépasserait {max} : lecture arrêtée.',
    ar: 'بعد فك الضغط سيتجاوز المصنف {max}: أوقفت القراءة.',
    en: 'unpacked, the workbook would exceed {max}: reading stopped.',
  },
  'xlsx-invalid': {
    fr: 'le classeur est endommagé ({part}).',
    ar: 'المصنف تالف ({part}).',
    en: 'the workbook is damaged ({part}).',
  },
  encrypted: {
    fr: 'le classeur est protégé par un mot de passe.',
    ar: 'المصنف محمي بكلمة مرور.',
    en: 'the workbook is password-protected.',
  },
  'no-sheet': {
    fr: 'la feuille « {sheet} » n’existe pas.',
    ar: 'الورقة «{sheet}» غير موجودة.',
    en: 'there is no sheet “{sheet}”.',
  },
  empty: {
    fr: 'aucune ligne de données.',
    ar: 'لا يوجد أي سطر بيانات.',
    en: 'no data row.',
  },
  'no-file': {
    fr: 'aucun fichier chargé.',
    ar: 'لم يُحمَّل أي ملف.',
    en: 'no file loaded.',
  },
  cancelled: { fr: 'lecture annulée.', ar: 'أُلغيت القراءة.', en: 'reading cancelled.' },
  'worker-failed': {
    fr: 'la lecture s’est arrêtée ({message}).',
    ar: 'توقفت القراءة ({message}).',
    en: 'reading stopped ({message}).',
  },
});

const issueMessages: Record<ImportIssueCode, LocalizedText> = defineMessages({
  'garbled-text': {
    fr: 'Le texte semble mal décodé (caractères étranges) : essayez un autre encodage.',
    ar: 'يبدو أن النص لم يُفك ترميزه جيدا (أحرف غريبة): جرّب ترميزا آخر.',
    en: 'The text looks garbled (odd characters): try another encoding.',
  },
  'encoding-guessed': {
    fr: 'Encodage deviné : {encoding}. Vérifiez les accents et les noms arabes de l’aperçu.',
    ar: 'الترميز المخمَّن: {encoding}. تحقق من الحروف المشكولة والأسماء العربية في المعاينة.',
    en: 'Encoding guessed: {encoding}. Check the accents and Arabic names in the preview.',
  },
  'no-mapping': {
    fr: 'Colonne introuvable : {missing}. Choisissez son rôle dans l’aperçu.',
    ar: 'عمود غير موجود: {missing}. اختر دوره في المعاينة.',
    en: 'Column not found: {missing}. Choose its role in the preview.',
  },
  'mixed-frequency': {
    fr: 'Périodes de plusieurs fréquences ({kinds}) : seules celles de type {kept} sont gardées, les autres lignes sont rejetées.',
    ar: 'فترات بدوريات متعددة ({kinds}): تُحفظ فقط فترات النوع {kept}، وتُرفض الأسطر الأخرى.',
    en: 'Periods of several frequencies ({kinds}): only {kept} periods are kept, the other rows are rejected.',
  },
  'formula-labels': {
    fr: '{count} libellé(s) commencent par =, +, - ou @ : gardés comme du texte, jamais calculés.',
    ar: '{count} تسمية تبدأ بـ = أو + أو - أو @: تُحفظ كنص ولا تُحسب أبدا.',
    en: '{count} label(s) start with =, +, - or @: kept as text, never evaluated.',
  },
  'ragged-rows': {
    fr: '{count} ligne(s) n’ont pas autant de cellules que l’en-tête.',
    ar: '{count} سطر ليس فيها عدد الخلايا نفسه كالعنوان.',
    en: '{count} row(s) do not have as many cells as the header.',
  },
  'unmatched-territories': {
    fr: '{count} nom(s) de territoire non reconnu(s) : choisissez-les plus bas ou ignorez-les.',
    ar: '{count} اسم مجال ترابي غير متعرف عليه: اخترها أدناه أو تجاهلها.',
    en: '{count} territory name(s) not recognised: choose them below or skip them.',
  },
});

const kindMessages = defineMessages({
  year: { fr: 'année', ar: 'سنة', en: 'year' },
  quarter: { fr: 'trimestre', ar: 'فصل', en: 'quarter' },
  month: { fr: 'mois', ar: 'شهر', en: 'month' },
  comma: { fr: 'virgule', ar: 'فاصلة', en: 'comma' },
  dot: { fr: 'point', ar: 'نقطة', en: 'dot' },
});

/** Period kinds, decimal styles and other words that may appear as a param value. */
function wordParam(value: string | number, lang: Lang): string {
  if (typeof value === 'number') return formatNumber(value, lang, 0);
  if (value in kindMessages) return translate(kindMessages, lang, value as keyof typeof kindMessages);
  // A list of kinds: "year,month".
  if (value.includes(',') && value.split(',').every((v) => v in kindMessages))
    return value
      .split(',')
      .map((v) => translate(kindMessages, lang, v as keyof typeof kindMessages))
      .join(', ');
  return value;
}

/** Bytes as "12,5 Mo" / "12.5 MB" (the reader's decimal sign). */
export function formatBytes(bytes: number, lang: Lang): string {
  const units = {
    fr: ['o', 'ko', 'Mo', 'Go'],
    ar: ['بايت', 'كيلوبايت', 'ميغابايت', 'غيغابايت'],
    en: ['B', 'kB', 'MB', 'GB'],
  }[lang];
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i += 1;
  }
  return `${formatNumber(value, lang, i === 0 ? 0 : 1)} ${units[i]}`;
}

function words(
  params: Record<string, string | number> | undefined,
  lang: Lang,
  bytesKeys: readonly string[] = [],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    out[k] = bytesKeys.includes(k) && typeof v === 'number' ? formatBytes(v, lang) : wordParam(v, lang);
  }
  return out;
}

/** Why a row was rejected, in the reader's language. */
export function rejectText(reason: RejectReason, params: Record<string, string | number> | undefined, lang: Lang) {
  const vars = words(params, lang);
  // Row numbers are plain numbers (no grouping: "ligne 1204", as the spreadsheet shows them).
  if (params?.firstRow !== undefined) vars.firstRow = String(params.firstRow);
  if (reason === 'not-a-number') {
    const decimal = params?.decimal === 'dot' ? 'dot' : 'comma';
    vars.decimal = `${translate(kindMessages, lang, decimal)} (${decimal === 'dot' ? '12.5' : '12,5'})`;
  }
  return translate(rejectMessages, lang, reason, vars);
}

/** Why a whole file was refused, in the reader's language (the sentence after "Fichier refusé :"). */
export function importErrorText(
  code: ImportErrorCode,
  params: Record<string, string | number> | undefined,
  lang: Lang,
) {
  const vars = words(params, lang, ['bytes', ...(code === 'too-large' || code === 'zip-bomb' ? ['max'] : [])]);
  if (params?.row !== undefined) vars.row = String(params.row);
  return translate(errorMessages, lang, code, vars);
}

/** A file issue, in the reader's language. */
export function issueText(code: ImportIssueCode, params: Record<string, string | number> | undefined, lang: Lang) {
  const vars = words(params, lang);
  return translate(issueMessages, lang, code, vars);
}

/** A frequency in words ("annuelle", "mensuelle"). */
export function frequencyWord(frequency: Frequency, lang: Lang): string {
  const table = defineMessages({
    census: { fr: 'recensement', ar: 'إحصاء', en: 'census' },
    annual: { fr: 'annuelle', ar: 'سنوية', en: 'annual' },
    quarterly: { fr: 'trimestrielle', ar: 'فصلية', en: 'quarterly' },
    monthly: { fr: 'mensuelle', ar: 'شهرية', en: 'monthly' },
    irregular: { fr: 'irrégulière', ar: 'غير منتظمة', en: 'irregular' },
  });
  return translate(table, lang, frequency);
}

/** "2024 – déc. 2025", for the summary of what will be imported. */
export function periodSpan(first: string | null, last: string | null, lang: Lang): string {
  if (!first || !last) return '';
  return first === last ? formatPeriod(first, lang) : `${formatPeriod(first, lang)} – ${formatPeriod(last, lang)}`;
}
