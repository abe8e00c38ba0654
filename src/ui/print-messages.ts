/** Words of the printed page's stamp (src/ui/print-stamp.tsx). */
import { defineMessages } from '../i18n/i18n.ts';

export const printMessages = defineMessages({
  printedOn: { fr: 'Imprimé le {date}', ar: 'طُبع بتاريخ {date}', en: 'Printed {date}' },
  viewLink: {
    fr: 'Cette vue en ligne (figures à jour, sources complètes) :',
    ar: 'هذا العرض على الإنترنت (أرقام محيّنة ومصادر كاملة):',
    en: 'This view online (current figures, full sources):',
  },
});
