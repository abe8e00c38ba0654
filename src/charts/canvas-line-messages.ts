/** Messages of the canvas line layer (the hover card of a chart with many lines), with their plural forms. */
import { definePlurals } from '../i18n/i18n.ts';

export const canvasLinePlurals = definePlurals({
  hoverHint: {
    fr: {
      one: '{n} courbe : la plus proche du pointeur ; toutes les valeurs dans l’onglet Tableau',
      other: '{n} courbes : les plus proches du pointeur ; toutes les valeurs dans l’onglet Tableau',
    },
    ar: {
      zero: 'لا منحنى؛ جميع القيم في تبويب جدول',
      one: 'منحنى واحد: الأقرب إلى المؤشر؛ جميع القيم في تبويب جدول',
      two: 'منحنيان: الأقرب إلى المؤشر؛ جميع القيم في تبويب جدول',
      few: '{n} منحنيات: الأقرب إلى المؤشر؛ جميع القيم في تبويب جدول',
      many: '{n} منحنى: الأقرب إلى المؤشر؛ جميع القيم في تبويب جدول',
      other: '{n} منحنى: الأقرب إلى المؤشر؛ جميع القيم في تبويب جدول',
    },
    en: {
      one: '{n} line: the nearest to the pointer; every value in the Table tab',
      other: '{n} lines: the nearest to the pointer; every value in the Table tab',
    },
  },
});
