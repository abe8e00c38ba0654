/**
 * The words of the overview view's head (title, intro, national), apart from its other messages because the app's
 * first chunk needs them: the loading skeleton (src/app/view-skeleton.tsx) and the prerendered shell (issue 16)
 * show them before the view's own chunk arrives. `messages.ts` spreads them, so the view reads one table.
 */
import { defineMessages } from '../../i18n/i18n.ts';

export const overviewHeadMessages = defineMessages({
  title: { fr: 'Vue d’ensemble', ar: 'نظرة عامة', en: 'Overview' },
  intro: {
    fr: 'Les indicateurs clés pour {territory}. Chaque carte ouvre l’indicateur dans l’explorateur.',
    ar: 'المؤشرات الرئيسية لـ{territory}. تفتح كل بطاقة المؤشر في المستكشف.',
    en: 'Key indicators for {territory}. Each card opens the indicator in the explorer.',
  },
  national: { fr: 'Maroc', ar: 'المغرب', en: 'Morocco' },
});
