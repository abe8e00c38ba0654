/**
 * The words of the compare view's head (title, intro, selected), apart from its other messages because the app's
 * first chunk needs them: the loading skeleton (src/app/view-skeleton.tsx) and the prerendered shell (issue 16)
 * show them before the view's own chunk arrives. `messages.ts` spreads them, so the view reads one table.
 */
import { defineMessages } from '../../i18n/i18n.ts';

export const compareHeadMessages = defineMessages({
  title: { fr: 'Comparer des territoires', ar: 'مقارنة المجالات الترابية', en: 'Compare territories' },
  intro: {
    fr: 'Les indicateurs du recensement côte à côte, à leur dernière période commune. L’écart est calculé par rapport au premier territoire.',
    ar: 'مؤشرات الإحصاء جنبًا إلى جنب، في آخر فترة مشتركة. يُحسب الفارق بالنسبة إلى المجال الأول.',
    en: 'Census indicators side by side, at their latest common period. Gaps are measured against the first territory.',
  },
  selected: { fr: 'Territoires comparés', ar: 'المجالات المقارنة', en: 'Territories compared' },
});
