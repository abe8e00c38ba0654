/**
 * The words of the projects view's head (title, intro), apart from its other messages because the app's
 * first chunk needs them: the loading skeleton (src/app/view-skeleton.tsx) and the prerendered shell (issue 16)
 * show them before the view's own chunk arrives. `messages.ts` spreads them, so the view reads one table.
 */
import { defineMessages } from '../../i18n/i18n.ts';

export const projectsHeadMessages = defineMessages({
  title: { fr: 'Projets', ar: 'المشاريع', en: 'Projects' },
  intro: {
    fr: 'Projets de digitalisation et de la Coupe du monde 2030 : avancement, jalons et indicateurs qu’ils doivent faire bouger.',
    ar: 'مشاريع الرقمنة وكأس العالم 2030: نسبة الإنجاز والمراحل والمؤشرات التي يُنتظر أن تؤثر فيها.',
    en: 'Digitalisation and 2030 World Cup projects: progress, milestones and the indicators they are meant to move.',
  },
});
