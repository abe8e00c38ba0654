/** Messages of the offline notice and the "new version" prompt (issue 16, item 4). */
import { defineMessages } from '../i18n/i18n.ts';

export const offlineMessages = defineMessages({
  savedAt: {
    fr: 'Hors ligne — données enregistrées le {date}.',
    ar: 'غير متصل — البيانات محفوظة بتاريخ {date}.',
    en: 'Offline — data saved on {date}.',
  },
  incomplete: {
    fr: 'Hors ligne — la copie hors ligne est incomplète : certaines vues ou exports peuvent ne pas s’ouvrir.',
    ar: 'غير متصل — النسخة المحفوظة غير مكتملة: قد لا تُفتح بعض العروض أو التصديرات.',
    en: 'Offline — the offline copy is incomplete: some views or exports may not open.',
  },
  // After one of the two lines above, which already say "Hors ligne": the rest of appMessages.offline.
  stillShown: {
    fr: 'Les données déjà chargées restent affichées ; la mise à jour reprendra au retour du réseau.',
    ar: 'تبقى البيانات المحملة معروضة؛ وسيستأنف التحديث عند عودة الشبكة.',
    en: 'Data already loaded stays on screen; updates resume when the network returns.',
  },
  updateTitle: { fr: 'Nouvelle version disponible', ar: 'يتوفر إصدار جديد', en: 'New version available' },
  updateBody: {
    fr: 'Rechargez pour l’utiliser ; la page actuelle continue de fonctionner.',
    ar: 'أعد التحميل لاستخدامه؛ تستمر الصفحة الحالية في العمل.',
    en: 'Reload to use it; this page keeps working meanwhile.',
  },
  updateReload: { fr: 'Recharger', ar: 'إعادة التحميل', en: 'Reload' },
  updateLater: { fr: 'Plus tard', ar: 'لاحقًا', en: 'Later' },
});
