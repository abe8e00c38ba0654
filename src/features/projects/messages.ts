/** Strings of the projects view. */
import { defineMessages, definePlurals } from '../../i18n/i18n.ts';
import { projectsHeadMessages } from './head-messages.ts';

export const projectsMessages = defineMessages({
  ...projectsHeadMessages,
  territoryFilter: { fr: 'Territoire', ar: 'المجال الترابي', en: 'Territory' },
  allTerritories: { fr: 'Tous les territoires', ar: 'كل المجالات الترابية', en: 'All territories' },
  statusFilter: { fr: 'Statut du projet', ar: 'حالة المشروع', en: 'Project status' },
  allStatuses: { fr: 'Tous les statuts', ar: 'كل الحالات', en: 'All statuses' },

  empty: {
    fr: 'Aucun projet ne correspond à ces filtres.',
    ar: 'لا يوجد مشروع يطابق هذه المعايير.',
    en: 'No project matches these filters.',
  },
  clearFilters: { fr: 'Effacer les filtres', ar: 'مسح المعايير', en: 'Clear filters' },
  statusAnnounced: { fr: 'Annoncé', ar: 'مُعلن', en: 'Announced' },
  statusPlanned: { fr: 'Planifié', ar: 'مُبرمج', en: 'Planned' },
  statusInProgress: { fr: 'En cours', ar: 'في طور الإنجاز', en: 'In progress' },
  statusCompleted: { fr: 'Achevé', ar: 'مُنجز', en: 'Completed' },
  catStadium: { fr: 'Stade', ar: 'ملعب', en: 'Stadium' },
  catDigital: { fr: 'Numérique', ar: 'رقمي', en: 'Digital' },
  catSmart: { fr: 'Territoire intelligent', ar: 'مجال ترابي ذكي', en: 'Smart territory' },
  catVenue: { fr: 'Lieu d’événements', ar: 'فضاء للتظاهرات', en: 'Event venue' },
  projectStatus: { fr: 'Statut', ar: 'الحالة', en: 'Status' },
  category: { fr: 'Catégorie', ar: 'الصنف', en: 'Category' },
  territory: { fr: 'Territoire', ar: 'المجال الترابي', en: 'Territory' },
  dates: { fr: 'Calendrier', ar: 'الجدول الزمني', en: 'Schedule' },
  datesRange: { fr: '{start} → {end}', ar: '{start} ← {end}', en: '{start} → {end}' },
  datesUnknown: { fr: 'dates non publiées', ar: 'تواريخ غير منشورة', en: 'dates not published' },
  budget: { fr: 'Budget', ar: 'الميزانية', en: 'Budget' },
  capacity: { fr: 'Capacité prévue', ar: 'الطاقة الاستيعابية المبرمجة', en: 'Planned capacity' },
  seats: { fr: '{value} places', ar: '{value} مقعد', en: '{value} seats' },
  progress: { fr: 'Avancement', ar: 'نسبة الإنجاز', en: 'Progress' },
  progressLabel: { fr: 'Avancement de {name}', ar: 'نسبة إنجاز {name}', en: 'Progress of {name}' },
  milestones: { fr: 'Jalons', ar: 'المراحل', en: 'Milestones' },
  done: { fr: 'fait', ar: 'مُنجز', en: 'done' },
  todo: { fr: 'à venir', ar: 'مُرتقب', en: 'to come' },
  noMilestones: { fr: 'Aucun jalon publié.', ar: 'لا توجد مراحل منشورة.', en: 'No milestone published.' },
  indicators: { fr: 'Indicateurs visés', ar: 'المؤشرات المستهدفة', en: 'Indicators it should move' },
  openIndicator: {
    fr: 'Ouvrir {name} pour {territory} dans l’explorateur',
    ar: 'فتح {name} لـ{territory} في المستكشف',
    en: 'Open {name} for {territory} in the explorer',
  },
  illustrativeNote: {
    fr: 'Détails non publiés : valeurs de démonstration, à ne pas citer.',
    ar: 'تفاصيل غير منشورة: قيم توضيحية لا يُستشهد بها.',
    en: 'Details not published: demonstration values, not to be quoted.',
  },
  timelineCaption: {
    fr: 'Calendrier des projets, {from}–{to} (barres : début → fin ; losanges : jalons)',
    ar: 'الجدول الزمني للمشاريع، {from}–{to} (الأشرطة: البداية ← النهاية؛ المعينات: المراحل)',
    en: 'Project schedule, {from}–{to} (bars: start → end; diamonds: milestones)',
  },
  today: { fr: 'Aujourd’hui', ar: 'اليوم', en: 'Today' },
  legendDone: { fr: 'jalon atteint', ar: 'مرحلة منجزة', en: 'milestone reached' },
  legendTodo: { fr: 'jalon à venir', ar: 'مرحلة مرتقبة', en: 'milestone to come' },
  // {status} is the illustrative status in its one wording (src/i18n/status-label.ts).
  legendIllustrative: { fr: 'hachures : {status}', ar: 'التظليل: {status}', en: 'hatched: {status}' },
  listHeading: { fr: 'Liste des projets', ar: 'قائمة المشاريع', en: 'Project list' },
  rowSummary: {
    fr: '{name} : {dates}, {status}',
    ar: '{name}: {dates}، {status}',
    en: '{name}: {dates}, {status}',
  },
  milestoneAt: { fr: '{label} ({date}, {state})', ar: '{label} ({date}، {state})', en: '{label} ({date}, {state})' },
});

/** Projects messages that count something (`plural`: the form follows the count shown). */
export const projectsPlurals = definePlurals({
  count: {
    fr: { one: '{n} projet affiché sur {total}', other: '{n} projets affichés sur {total}' },
    ar: {
      zero: 'لا مشروع معروض من أصل {total}',
      one: 'مشروع واحد معروض من أصل {total}',
      two: 'مشروعان معروضان من أصل {total}',
      few: '{n} مشاريع معروضة من أصل {total}',
      many: '{n} مشروعا معروضا من أصل {total}',
      other: '{n} مشروع معروض من أصل {total}',
    },
    en: { one: '{n} project shown out of {total}', other: '{n} projects shown out of {total}' },
  },
});
