/**
 * Strings of the overview. What the overview, compare and projects views share (dataset names, source line,
 * loading and error states) is in the UI kit (src/ui/messages.ts); status words in src/i18n/status-label.ts.
 */
import { defineMessages, definePlurals } from '../../i18n/i18n.ts';
import { overviewHeadMessages } from './head-messages.ts';

export const overviewMessages = defineMessages({
  ...overviewHeadMessages,
  pickerLabel: { fr: 'Territoire affiché', ar: 'المجال الترابي المعروض', en: 'Territory shown' },
  kpisHeading: { fr: 'Indicateurs clés', ar: 'المؤشرات الرئيسية', en: 'Key indicators' },
  // What a slow skeleton names (issue 16 item 6), completing "Chargement toujours en cours… En attente : {what}."
  awaitingCatalogue: {
    fr: 'le catalogue des indicateurs',
    ar: 'فهرس المؤشرات',
    en: 'the indicator catalogue',
  },
  awaitingObservations: {
    fr: 'les observations de « {name} »',
    ar: 'مشاهدات «{name}»',
    en: 'the observations of “{name}”',
  },
  noHeadlines: {
    fr: 'Aucun indicateur clé n’est défini dans le catalogue.',
    ar: 'لا يتضمن الفهرس أي مؤشر رئيسي.',
    en: 'The catalogue defines no key indicator.',
  },
  openInExplorer: {
    fr: 'Ouvrir {name} dans l’explorateur',
    ar: 'فتح {name} في المستكشف',
    en: 'Open {name} in the explorer',
  },
  latestPeriod: { fr: 'Période : {period}', ar: 'الفترة: {period}', en: 'Period: {period}' },
  noDataFor: {
    fr: 'Pas de donnée publiée pour {territory}.',
    ar: 'لا توجد معطيات منشورة لـ{territory}.',
    en: 'No published figure for {territory}.',
  },
  showNational: { fr: 'Afficher le chiffre national', ar: 'عرض الرقم الوطني', en: 'Show the national figure' },
  showingNational: {
    fr: 'Chiffre national (Maroc), faute de donnée pour {territory}.',
    ar: 'الرقم الوطني (المغرب)، لعدم توفر معطيات لـ{territory}.',
    en: 'National figure (Morocco): nothing published for {territory}.',
  },
  backToTerritory: { fr: 'Revenir à {territory}', ar: 'العودة إلى {territory}', en: 'Back to {territory}' },
  changeUp: { fr: 'En hausse', ar: 'ارتفاع', en: 'Up' },
  changeDown: { fr: 'En baisse', ar: 'انخفاض', en: 'Down' },
  changeFlat: { fr: 'Stable', ar: 'مستقر', en: 'Unchanged' },
  changeVs: {
    fr: '{abs} ({pct}) par rapport à {period}',
    ar: '{abs} ({pct}) مقارنة بـ{period}',
    en: '{abs} ({pct}) since {period}',
  },
  changeVsNoPct: {
    fr: '{abs} par rapport à {period} (variation en % non calculable : base nulle)',
    ar: '{abs} مقارنة بـ{period} (تعذّر حساب النسبة: القاعدة صفر)',
    en: '{abs} since {period} (% change undefined: zero base)',
  },
  changeLine: { fr: '{words} : {text}', ar: '{words}: {text}', en: '{words}: {text}' },
  better: { fr: 'amélioration', ar: 'تحسّن', en: 'improvement' },
  worse: { fr: 'dégradation', ar: 'تراجع', en: 'deterioration' },
  noPrevious: {
    fr: 'Une seule période publiée : pas de variation.',
    ar: 'فترة واحدة منشورة: لا يمكن حساب التغير.',
    en: 'Only one period published: no change to show.',
  },
  previousMissing: {
    fr: 'Pas de variation : la valeur de {period} n’est pas publiée.',
    ar: 'لا يمكن حساب التغير: قيمة {period} غير منشورة.',
    en: 'No change shown: the {period} figure is not published.',
  },
  target: { fr: 'Objectif {period} : {value}', ar: 'الهدف {period}: {value}', en: 'Target {period}: {value}' },
  remaining: { fr: 'Reste : {value}', ar: 'المتبقي: {value}', en: 'Remaining: {value}' },
  targetAchieved: { fr: 'Objectif atteint', ar: 'تم بلوغ الهدف', en: 'Target reached' },
  targetOnTrack: { fr: 'En bonne voie', ar: 'على المسار الصحيح', en: 'On track' },
  targetBehind: { fr: 'En retard', ar: 'متأخر', en: 'Behind' },
  targetUnknown: { fr: 'Rythme non évaluable', ar: 'تعذّر تقييم الوتيرة', en: 'Pace cannot be assessed' },
  targetRule: {
    fr: 'Rythme linéaire de {base} ({basePeriod}) à l’objectif : {expected} attendu en {period}.',
    ar: 'وتيرة خطية من {base} ({basePeriod}) إلى الهدف: المتوقع {expected} في {period}.',
    en: 'Straight-line pace from {base} ({basePeriod}) to the target: {expected} expected by {period}.',
  },
  targetSinglePoint: {
    fr: 'Une seule valeur publiée : rythme non évaluable.',
    ar: 'قيمة واحدة منشورة: تعذّر تقييم الوتيرة.',
    en: 'Only one published value: the pace cannot be judged.',
  },
  targetSource: {
    fr: 'Objectif annoncé par {publisher}',
    ar: 'هدف أعلنه {publisher}',
    en: 'Target announced by {publisher}',
  },
  claimsHeading: { fr: 'Déclarations non vérifiées', ar: 'تصريحات غير متحقق منها', en: 'Unverified claims' },
  claimsIntro: {
    fr: 'Annonces citées telles quelles, que les données publiées ne confirment pas : elles ne sont reportées sur aucun graphique.',
    ar: 'تصريحات منقولة كما هي لا تؤكدها المعطيات المنشورة: لا تظهر في أي رسم بياني.',
    en: 'Statements quoted as made, not confirmed by published data: they appear on no chart.',
  },
  unverified: { fr: 'Non vérifié', ar: 'غير متحقق منه', en: 'Not verified' },
  claimAbout: { fr: 'À propos de : {name}', ar: 'بخصوص: {name}', en: 'About: {name}' },
  note: { fr: 'Note : {note}', ar: 'ملاحظة: {note}', en: 'Note: {note}' },
});

/** Overview messages that count something (forms chosen by `plural`). */
export const overviewPlurals = definePlurals({
  sparkline: {
    fr: {
      one: 'Évolution de {first} ({firstPeriod}) à {last} ({lastPeriod}), {n} période',
      other: 'Évolution de {first} ({firstPeriod}) à {last} ({lastPeriod}), {n} périodes',
    },
    ar: {
      zero: 'التطور من {first} ({firstPeriod}) إلى {last} ({lastPeriod})، دون فترات',
      one: 'التطور من {first} ({firstPeriod}) إلى {last} ({lastPeriod})، فترة واحدة',
      two: 'التطور من {first} ({firstPeriod}) إلى {last} ({lastPeriod})، فترتان',
      few: 'التطور من {first} ({firstPeriod}) إلى {last} ({lastPeriod})، {n} فترات',
      many: 'التطور من {first} ({firstPeriod}) إلى {last} ({lastPeriod})، {n} فترة',
      other: 'التطور من {first} ({firstPeriod}) إلى {last} ({lastPeriod})، {n} فترة',
    },
    en: {
      one: 'Trend from {first} ({firstPeriod}) to {last} ({lastPeriod}), {n} period',
      other: 'Trend from {first} ({firstPeriod}) to {last} ({lastPeriod}), {n} periods',
    },
  },
});
