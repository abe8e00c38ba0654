/**
 * The words of the overview view's head (title, intro, national), apart from its other messages because the app's
 * first chunk needs them: the loading skeleton (src/app/view-skeleton.tsx) and the prerendered shell (issue 16)
 * show them before the view's own chunk arrives. `messages.ts` spreads them, so the view reads one table.
 */
import { defineMessages } from '../../i18n/i18n.ts';

export const overviewHeadMessages = defineMessages({
  title: { fr: 'Vue d’ensemble', ar: 'نظرة عامة', en: 'Overview' },
  // Says what the badges mean before any card arrives. Long enough on purpose: painted with the prerendered shell, it is
  // the page's largest text, so the first paint is also the largest (LCP, issue 16) instead of a card's source line.
  intro: {
    fr: 'Les indicateurs clés ({territory}), chacun avec sa source et son statut : officiel, estimation ou illustratif (à ne pas citer). Chaque carte ouvre l’indicateur dans l’explorateur, avec ses réserves et son évolution.',
    ar: 'المؤشرات الرئيسية في {territory}، لكل منها مصدره ووضعه: رسمي أو تقدير أو توضيحي (لا يُستشهد به). تفتح كل بطاقة المؤشر في المستكشف، مع تحفظاته وتطوره.',
    en: 'Key indicators for {territory}, each with its source and status: official, estimate or illustrative (not to be quoted). Each card opens the indicator in the explorer, with its caveats and history.',
  },
  national: { fr: 'Maroc', ar: 'المغرب', en: 'Morocco' },
});
