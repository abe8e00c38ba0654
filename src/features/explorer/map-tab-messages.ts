/** Messages of the explorer's map tab (the choropleth's own words are in src/charts/map-messages.ts). */
import { defineMessages } from '../../i18n/i18n.ts';

export const mapTabMessages = defineMessages({
  titleRegions: {
    fr: '{indicator} — régions, {period}',
    ar: '{indicator} — الجهات، {period}',
    en: '{indicator} — regions, {period}',
  },
  titleProvinces: {
    fr: '{indicator} — provinces et préfectures, {period}',
    ar: '{indicator} — الأقاليم والعمالات، {period}',
    en: '{indicator} — provinces and prefectures, {period}',
  },
  titleOpened: {
    fr: '{indicator} — provinces de {region}, {period}',
    ar: '{indicator} — أقاليم {region}، {period}',
    en: '{indicator} — provinces of {region}, {period}',
  },
  level: { fr: 'Niveau', ar: 'المستوى', en: 'Level' },
  levelRegion: { fr: 'Régions', ar: 'الجهات', en: 'Regions' },
  levelProvince: { fr: 'Provinces', ar: 'الأقاليم', en: 'Provinces' },
  noProvinces: {
    fr: 'Cet indicateur n’a pas de données par province : la carte montre les régions.',
    ar: 'لا تتوفر لهذا المؤشر بيانات حسب الإقليم: تعرض الخريطة الجهات.',
    en: 'This indicator has no province data: the map shows the regions.',
  },
  openRegion: { fr: 'Voir les provinces de', ar: 'عرض أقاليم', en: 'Show the provinces of' },
  openNone: { fr: '— choisir une région —', ar: '— اختر جهة —', en: '— choose a region —' },
  backRegions: { fr: '← Toutes les régions', ar: '→ كل الجهات', en: '← All regions' },
  backProvinces: { fr: '← Toutes les provinces', ar: '→ كل الأقاليم', en: '← All provinces' },
  noMapData: {
    fr: 'Cet indicateur n’a pas de données régionales ni provinciales.',
    ar: 'لا تتوفر لهذا المؤشر بيانات جهوية ولا إقليمية.',
    en: 'This indicator has no regional or province data.',
  },
  datasetBoundaries: { fr: 'limites administratives', ar: 'الحدود الإدارية', en: 'administrative boundaries' },
  withoutBoundary: {
    fr: 'Territoires sans limite sur la carte',
    ar: 'مجالات ترابية بلا حدود على الخريطة',
    en: 'Territories without a boundary on the map',
  },
  withoutData: {
    fr: 'Territoires de la carte sans données',
    ar: 'مجالات على الخريطة بلا بيانات',
    en: 'Territories on the map without data',
  },
  listedItem: { fr: '{name} : {reason}', ar: '{name}: {reason}', en: '{name}: {reason}' },
});
