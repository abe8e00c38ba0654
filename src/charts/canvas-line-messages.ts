/** Messages of the canvas line layer (the hover card of a chart with many lines). */
import { defineMessages } from '../i18n/i18n.ts';

export const canvasLineMessages = defineMessages({
  hoverHint: {
    fr: '{count} courbes : les plus proches du pointeur ; toutes les valeurs dans l’onglet Tableau',
    ar: '{count} منحنى: الأقرب إلى المؤشر؛ جميع القيم في تبويب جدول',
    en: '{count} lines: the nearest to the pointer; every value in the Table tab',
  },
});
