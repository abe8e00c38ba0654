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
  storageBlocked: {
    fr: 'Ce graphique ne peut pas s’afficher dans ce cadre : le navigateur y refuse à Mouchir le stockage dont ses données de démonstration ont besoin (sites tiers bloqués). Ouvrez-le dans Mouchir.',
    ar: 'لا يمكن عرض هذا الرسم البياني داخل هذا الإطار: يمنع المتصفح مؤشر من التخزين الذي تحتاجه بياناته التجريبية (حظر المواقع الخارجية). افتحه في مؤشر.',
    en: 'This chart cannot show in this frame: the browser denies Mouchir the storage its demonstration data need (third-party sites blocked). Open it in Mouchir.',
  },
  wrongView: {
    fr: 'Cette vue ne peut pas être intégrée : seuls le graphique et la carte de l’explorateur peuvent l’être (view=explorer).',
    ar: 'لا يمكن دمج هذا العرض: يمكن دمج الرسم البياني والخريطة في المستكشف فقط (view=explorer).',
    en: 'This view cannot be embedded: only the explorer’s chart and map can be (view=explorer).',
  },
});
