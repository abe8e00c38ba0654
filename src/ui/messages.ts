/**
 * Messages of the UI kit (panel states, query ladder, error boundaries, source line, territory picker) and of the
 * chart components. Status words are not here: they live in src/i18n/status-label.ts, one wording for every view.
 */
import { defineMessages, definePlurals } from '../i18n/i18n.ts';

export const chartMessages = defineMessages({
  sources: { fr: 'Sources et méthode', ar: 'المصادر والمنهجية', en: 'Sources and method' },
  publisher: { fr: 'Éditeur', ar: 'الناشر', en: 'Publisher' },
  titleLabel: { fr: 'Titre', ar: 'العنوان', en: 'Title' },
  link: { fr: 'Lien', ar: 'الرابط', en: 'Link' },
  published: { fr: 'Publié le', ar: 'تاريخ النشر', en: 'Published' },
  retrieved: { fr: 'Consulté le', ar: 'تاريخ الاطلاع', en: 'Retrieved' },
  notGiven: { fr: 'non indiqué', ar: 'غير محدد', en: 'not given' },
  method: { fr: 'Méthode', ar: 'المنهجية', en: 'Method' },
  status: { fr: 'Statut', ar: 'الوضع', en: 'Status' },
  citations: { fr: 'Sources citées', ar: 'المصادر المذكورة', en: 'Sources cited' },
  indicatorSource: { fr: 'Source de l’indicateur :', ar: 'مصدر المؤشر:', en: 'Indicator source:' },
  coversAll: { fr: 'tous les points affichés.', ar: 'كل النقاط المعروضة.', en: 'every point shown.' },
  covers: { fr: 'Points : {points}.', ar: 'النقاط: {points}.', en: 'Points: {points}.' },
  coveredSeries: { fr: '{name} : {periods}', ar: '{name}: {periods}', en: '{name}: {periods}' },
  retrievedOn: { fr: 'Consulté le {date}.', ar: 'تاريخ الاطلاع: {date}.', en: 'Retrieved {date}.' },
  // A point's note line (tooltips, table notes): "Source : <citation>".
  pointSource: { fr: 'Source : {citation}', ar: 'المصدر: {citation}', en: 'Source: {citation}' },
  notes: { fr: 'Notes', ar: 'ملاحظات', en: 'Notes' },
  noteRef: { fr: 'note {n}', ar: 'الملاحظة {n}', en: 'note {n}' },
  missing: { fr: 'Valeurs manquantes', ar: 'القيم المفقودة', en: 'Missing values' },
  source: { fr: 'Source : {publisher}', ar: 'المصدر: {publisher}', en: 'Source: {publisher}' },
  sourcesLine: { fr: 'Sources : {publishers}', ar: 'المصادر: {publishers}', en: 'Sources: {publishers}' },
  'not-published': { fr: 'non publiée par la source', ar: 'غير منشورة من المصدر', en: 'not published by the source' },
  'no-population': {
    fr: 'population du recensement indisponible',
    ar: 'سكان الإحصاء غير متوفرين',
    en: 'no census population',
  },
  'no-households': { fr: 'nombre de ménages indisponible', ar: 'عدد الأسر غير متوفر', en: 'no household count' },
  'out-of-range': { fr: 'hors de la période choisie', ar: 'خارج الفترة المختارة', en: 'outside the chosen range' },
  missingItem: {
    fr: '{name}, {period} : {reason}',
    ar: '{name}، {period}: {reason}',
    en: '{name}, {period}: {reason}',
  },
  empty: {
    fr: 'Aucune donnée pour cette sélection.',
    ar: 'لا توجد بيانات لهذا الاختيار.',
    en: 'No data for this selection.',
  },
  loading: { fr: 'Chargement des données…', ar: 'جار تحميل البيانات…', en: 'Loading data…' },
  retry: { fr: 'Réessayer', ar: 'إعادة المحاولة', en: 'Retry' },
  loadError: {
    fr: 'Impossible de charger « {dataset} ».',
    ar: 'تعذّر تحميل «{dataset}».',
    en: 'Could not load “{dataset}”.',
  },
  stale: {
    fr: 'Données affichées du {time} (la mise à jour a échoué).',
    ar: 'البيانات المعروضة من {time} (فشل التحديث).',
    en: 'Showing data from {time} (the update failed).',
  },
  pointsHelp: {
    fr: 'Points du graphique : flèches gauche et droite pour changer de période, haut et bas pour changer de territoire.',
    ar: 'نقاط المبيان: استعمل السهمين الأيمن والأيسر لتغيير الفترة، والسهمين الأعلى والأسفل لتغيير المجال الترابي.',
    en: 'Chart points: left and right arrows change the period, up and down change the territory.',
  },
  pointAnnounce: { fr: '{name}, {period} : {value}', ar: '{name}، {period}: {value}', en: '{name}, {period}: {value}' },
  legend: { fr: 'Légende', ar: 'المفتاح', en: 'Legend' },
  noData: { fr: 'Pas de données', ar: 'لا بيانات', en: 'No data' },
  selected: { fr: 'sélectionné', ar: 'مختار', en: 'selected' },
  rank: { fr: 'Rang', ar: 'الترتيب', en: 'Rank' },
  // Error boundaries (error-boundary.tsx).
  viewError: {
    fr: 'Cette vue a rencontré une erreur : {message}',
    ar: 'واجه هذا العرض خطأ: {message}',
    en: 'This view hit an error: {message}',
  },
  panelError: {
    fr: 'Ce panneau a rencontré une erreur : {message}',
    ar: 'واجهت هذه اللوحة خطأ: {message}',
    en: 'This panel hit an error: {message}',
  },
  viewLoadError: {
    fr: 'Cette vue n’a pas pu être chargée (hors ligne ?). Réessayez une fois la connexion revenue.',
    ar: 'تعذر تحميل هذا العرض (غير متصل؟). أعد المحاولة عند عودة الاتصال.',
    en: 'This view could not be loaded (offline?). Retry once the connection is back.',
  },
  panelLoadError: {
    fr: 'Cette partie n’a pas pu être chargée (hors ligne ?). Réessayez une fois la connexion revenue.',
    ar: 'تعذر تحميل هذا الجزء (غير متصل؟). أعد المحاولة عند عودة الاتصال.',
    en: 'This part could not be loaded (offline?). Retry once the connection is back.',
  },
  backToOverview: { fr: 'Revenir à l’aperçu', ar: 'العودة إلى النظرة العامة', en: 'Back to the overview' },
  // Datasets named by load errors and stale notices.
  datasetTerritories: { fr: 'territoires', ar: 'المجالات الترابية', en: 'territories' },
  datasetIndicators: { fr: 'catalogue des indicateurs', ar: 'فهرس المؤشرات', en: 'indicator catalogue' },
  datasetObservations: { fr: 'observations : {name}', ar: 'المعطيات: {name}', en: 'observations: {name}' },
  datasetProjects: { fr: 'projets', ar: 'المشاريع', en: 'projects' },
  // Source line of cards and rows (source-line.tsx).
  sourcePrefix: { fr: 'Source :', ar: 'المصدر:', en: 'Source:' },
  sourceLine: { fr: '{publisher}, {date}', ar: '{publisher}، {date}', en: '{publisher}, {date}' },

  notPublished: { fr: 'non publié', ar: 'غير منشور', en: 'not published' },
  // Single-territory picker (territory-select.tsx).
  country: { fr: 'Pays', ar: 'البلد', en: 'Country' },
  regions: { fr: 'Régions', ar: 'الجهات', en: 'Regions' },
  provincesOf: { fr: 'Provinces — {region}', ar: 'الأقاليم — {region}', en: 'Provinces — {region}' },
});

/** Messages of the UI kit and charts that count something (forms chosen by `plural`, src/i18n/i18n.ts). */
export const uiPlurals = definePlurals({
  /** The end of a cut list of missing values. */
  moreItems: {
    fr: { one: '… et {n} autre', other: '… et {n} autres' },
    ar: {
      zero: '… ولا قيمة أخرى',
      one: '… وقيمة أخرى',
      two: '… وقيمتان أخريان',
      few: '… و{n} قيم أخرى',
      many: '… و{n} قيمة أخرى',
      other: '… و{n} قيمة أخرى',
    },
    en: { one: '… and {n} more', other: '… and {n} more' },
  },
  /** The territories a source covers beyond those named. */
  moreTerritories: {
    fr: { one: 'et {n} autre territoire', other: 'et {n} autres territoires' },
    ar: {
      zero: 'ولا مجال ترابي آخر',
      one: 'ومجال ترابي آخر',
      two: 'ومجالان ترابيان آخران',
      few: 'و{n} مجالات ترابية أخرى',
      many: 'و{n} مجالا ترابيا آخر',
      other: 'و{n} مجال ترابي آخر',
    },
    en: { one: 'and {n} other territory', other: 'and {n} other territories' },
  },
});
