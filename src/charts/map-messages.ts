/** Messages of the choropleth map (its own words: help, tooltip, legend, inset, attribution link). */
import { defineMessages } from '../i18n/i18n.ts';

export const mapMessages = defineMessages({
  mapLabel: {
    fr: 'Carte : {title}',
    ar: 'خريطة: {title}',
    en: 'Map: {title}',
  },
  help: {
    fr: 'Flèches : territoire voisin dans cette direction · Début/Fin : premier/dernier · Entrée ou Espace : ajouter ou retirer de la sélection · Échap : revenir à toutes les régions',
    ar: 'الأسهم: المجال المجاور في ذلك الاتجاه · Home/End: الأول/الأخير · Enter أو المسافة: إضافة إلى الاختيار أو إزالته · Escape: العودة إلى كل الجهات',
    en: 'Arrows: neighbouring territory in that direction · Home/End: first/last · Enter or Space: add to or remove from the selection · Escape: back to all regions',
  },
  /** Accessible name of a territory: name, value, period, selection. */
  shapeName: {
    fr: '{name} : {value} ({period})',
    ar: '{name}: {value} ({period})',
    en: '{name}: {value} ({period})',
  },
  /** What the live region says when a territory takes the focus. */
  announce: {
    fr: '{name}, {value}, {period}, {status}, {source}',
    ar: '{name}، {value}، {period}، {status}، {source}',
    en: '{name}, {value}, {period}, {status}, {source}',
  },
  noDataReason: { fr: 'pas de données ({reason})', ar: 'لا بيانات ({reason})', en: 'no data ({reason})' },
  noData: { fr: 'pas de données', ar: 'لا بيانات', en: 'no data' },
  selected: { fr: 'sélectionné', ar: 'مختار', en: 'selected' },
  openHint: {
    fr: 'Double-clic : voir ses provinces',
    ar: 'نقرة مزدوجة: عرض أقاليمها',
    en: 'Double-click: show its provinces',
  },
  legendTitle: { fr: 'Légende ({unit})', ar: 'المفتاح ({unit})', en: 'Legend ({unit})' },
  legendNoData: { fr: 'Pas de données : {count}', ar: 'لا بيانات: {count}', en: 'No data: {count}' },
  inset: { fr: 'Axe Casablanca–Rabat', ar: 'محور الدار البيضاء–الرباط', en: 'Casablanca–Rabat axis' },

  attributionLink: {
    fr: 'openstreetmap.org/copyright',
    ar: 'openstreetmap.org/copyright',
    en: 'openstreetmap.org/copyright',
  },
});
