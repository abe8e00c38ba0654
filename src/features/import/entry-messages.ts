/**
 * The few words of the import entry button, kept apart from the dialog's messages: the entry sits in the header
 * (first chunk), the dialog and its messages load only when it is opened.
 */
import { defineMessages } from '../../i18n/i18n.ts';

export const entryMessages = defineMessages({
  open: { fr: 'Importer des données', ar: 'استيراد بيانات', en: 'Import data' },
  myData: { fr: 'Mes données', ar: 'بياناتي', en: 'My data' },
  loading: { fr: 'Ouverture de l’import…', ar: 'جار فتح الاستيراد…', en: 'Opening the import…' },
  loadError: {
    fr: 'L’import n’a pas pu être chargé (hors ligne ?).',
    ar: 'تعذر تحميل الاستيراد (غير متصل؟).',
    en: 'The import could not be loaded (offline?).',
  },
  retry: { fr: 'Réessayer', ar: 'إعادة المحاولة', en: 'Retry' },
  close: { fr: 'Fermer', ar: 'إغلاق', en: 'Close' },
});
