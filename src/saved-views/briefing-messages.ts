/** Messages of the briefing (issue 17 item 1): its actions, its title slides and its print document (fr / ar / en). */
import { defineMessages } from '../i18n/i18n.ts';

export const briefingMessages = defineMessages({
  heading: { fr: 'Briefing', ar: 'الإحاطة', en: 'Briefing' },
  present: { fr: 'Présenter le briefing ({n})', ar: 'تقديم الإحاطة ({n})', en: 'Present the briefing ({n})' },
  exportPptx: {
    fr: 'Exporter le briefing (PowerPoint)',
    ar: 'تصدير الإحاطة (PowerPoint)',
    en: 'Export the briefing (PowerPoint)',
  },
  exportPdf: { fr: 'Exporter le briefing (PDF)', ar: 'تصدير الإحاطة (PDF)', en: 'Export the briefing (PDF)' },
  empty: {
    fr: 'Aucune vue dans le briefing : cochez « Dans le briefing » pour une vue enregistrée.',
    ar: 'لا يوجد أي عرض في الإحاطة: حدّد «ضمن الإحاطة» لعرض محفوظ.',
    en: 'No view in the briefing: tick “In the briefing” for a saved view.',
  },
  preparing: { fr: 'Préparation du briefing…', ar: 'جارٍ إعداد الإحاطة…', en: 'Preparing the briefing…' },
  exported: { fr: 'Briefing exporté : {name}', ar: 'صُدّرت الإحاطة: {name}', en: 'Briefing exported: {name}' },
  printReady: {
    fr: 'Briefing prêt à imprimer ({n} pages) : choisissez « Enregistrer au format PDF ».',
    ar: 'الإحاطة جاهزة للطباعة ({n} صفحات): اختر «حفظ بتنسيق PDF».',
    en: 'Briefing ready to print ({n} pages): choose “Save as PDF”.',
  },
  failed: {
    fr: 'Le briefing n’a pas pu être exporté. Réessayez ; les vues enregistrées ne sont pas touchées.',
    ar: 'تعذّر تصدير الإحاطة. أعد المحاولة؛ العروض المحفوظة لم تتأثر.',
    en: 'The briefing could not be exported. Try again; the saved views are untouched.',
  },
  inBriefing: { fr: 'Dans le briefing', ar: 'ضمن الإحاطة', en: 'In the briefing' },
  added: {
    fr: 'Vue « {name} » ajoutée au briefing.',
    ar: 'أُضيف العرض «{name}» إلى الإحاطة.',
    en: 'View “{name}” added to the briefing.',
  },
  removed: {
    fr: 'Vue « {name} » retirée du briefing (elle reste enregistrée).',
    ar: 'أُزيل العرض «{name}» من الإحاطة (ويبقى محفوظًا).',
    en: 'View “{name}” removed from the briefing (it stays saved).',
  },
  openView: { fr: 'Ouvrir la vue', ar: 'فتح العرض', en: 'Open the view' },
  noSnapshot: {
    fr: 'Cette vue n’a pas de graphique enregistré : ouvrez-la dans Mouchir.',
    ar: 'لا يتضمن هذا العرض رسمًا بيانيًا محفوظًا: افتحه في مؤشر.',
    en: 'This view has no saved chart: open it in Mouchir.',
  },
  // The selection of a view without a chart, in words.
  view: { fr: 'Vue : {view}', ar: 'العرض: {view}', en: 'View: {view}' },
  overview: { fr: 'Aperçu', ar: 'نظرة عامة', en: 'Overview' },
  explorer: { fr: 'Explorateur', ar: 'المستكشف', en: 'Explorer' },
  compare: { fr: 'Comparer', ar: 'مقارنة', en: 'Compare' },
  projects: { fr: 'Projets', ar: 'المشاريع', en: 'Projects' },
  indicator: { fr: 'Indicateur : {id}', ar: 'المؤشر: {id}', en: 'Indicator: {id}' },
  territories: { fr: 'Territoires : {list}', ar: 'المجالات الترابية: {list}', en: 'Territories: {list}' },
  period: { fr: 'Période : {range}', ar: 'الفترة: {range}', en: 'Period: {range}' },
  projectStatus: { fr: 'Statut des projets : {status}', ar: 'حالة المشاريع: {status}', en: 'Project status: {status}' },
  // The print document.
  docTitle: { fr: 'Briefing Mouchir — {date}', ar: 'إحاطة مؤشر — {date}', en: 'Mouchir briefing — {date}' },
  pageOf: { fr: 'Vue {i} sur {n}', ar: 'العرض {i} من {n}', en: 'View {i} of {n}' },
  status: { fr: 'Statut : {status}', ar: 'الحالة: {status}', en: 'Status: {status}' },
  sources: { fr: 'Sources', ar: 'المصادر', en: 'Sources' },
  link: { fr: 'Lien vers la vue :', ar: 'رابط العرض:', en: 'Link to the view:' },
  printedOn: { fr: 'Imprimé le {date}', ar: 'طُبع في {date}', en: 'Printed on {date}' },
  imageAlt: { fr: 'Graphique : {title}', ar: 'رسم بياني: {title}', en: 'Chart: {title}' },
});
