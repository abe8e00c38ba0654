/**
 * The words of the explorer view's head (title, tabs, tabChart, tabMap, tabTable), apart from its other messages because the app's
 * first chunk needs them: the loading skeleton (src/app/view-skeleton.tsx) and the prerendered shell (issue 16)
 * show them before the view's own chunk arrives. `messages.ts` spreads them, so the view reads one table.
 */
import { defineMessages } from '../../i18n/i18n.ts';

export const explorerHeadMessages = defineMessages({
  title: { fr: 'Explorateur d’indicateurs', ar: 'مستكشف المؤشرات', en: 'Indicator explorer' },
  tabs: { fr: 'Présentation', ar: 'طريقة العرض', en: 'Display' },
  tabChart: { fr: 'Graphique', ar: 'مبيان', en: 'Chart' },
  tabMap: { fr: 'Carte', ar: 'خريطة', en: 'Map' },
  tabTable: { fr: 'Tableau', ar: 'جدول', en: 'Table' },
});
