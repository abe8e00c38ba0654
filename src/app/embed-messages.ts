/** Words of the embed layout (issue 17, item 5). */
import { defineMessages } from '../i18n/i18n.ts';

export const embedMessages = defineMessages({
  openFull: { fr: 'Voir dans Mouchir', ar: 'عرض في مؤشر', en: 'View in Mouchir' },
  newTab: { fr: '(nouvel onglet)', ar: '(علامة تبويب جديدة)', en: '(new tab)' },
  label: {
    fr: 'Graphique intégré de Mouchir',
    ar: 'رسم بياني مدمج من مؤشر',
    en: 'Embedded chart from Mouchir',
  },
  wrongView: {
    fr: 'Cette vue ne peut pas être intégrée : seuls le graphique et la carte de l’explorateur peuvent l’être (view=explorer).',
    ar: 'لا يمكن دمج هذا العرض: يمكن دمج الرسم البياني والخريطة في المستكشف فقط (view=explorer).',
    en: 'This view cannot be embedded: only the explorer’s chart and map can be (view=explorer).',
  },
});
