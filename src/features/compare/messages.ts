/** Strings of the compare view. */
import { defineMessages, definePlurals } from '../../i18n/i18n.ts';
import { compareHeadMessages } from './head-messages.ts';

export const compareMessages = defineMessages({
  ...compareHeadMessages,
  reference: { fr: 'référence', ar: 'مرجع', en: 'reference' },
  remove: { fr: 'Retirer {name}', ar: 'إزالة {name}', en: 'Remove {name}' },
  add: { fr: 'Ajouter un territoire', ar: 'إضافة مجال ترابي', en: 'Add a territory' },
  addPlaceholder: { fr: '— choisir —', ar: '— اختر —', en: '— choose —' },
  needTwo: {
    fr: 'Ajoutez au moins un second territoire pour comparer.',
    ar: 'أضف مجالًا ترابيًا ثانيًا على الأقل للمقارنة.',
    en: 'Add at least a second territory to compare.',
  },

  tableCaption: {
    fr: 'Indicateurs du recensement : {names}',
    ar: 'مؤشرات الإحصاء: {names}',
    en: 'Census indicators: {names}',
  },
  indicator: { fr: 'Indicateur', ar: 'المؤشر', en: 'Indicator' },
  period: { fr: 'Période', ar: 'الفترة', en: 'Period' },
  noCensus: {
    fr: 'Aucun indicateur du recensement dans le catalogue.',
    ar: 'لا يتضمن الفهرس أي مؤشر للإحصاء.',
    en: 'The catalogue has no census indicator.',
  },
  gap: { fr: 'Écart : {abs} ({rel})', ar: 'الفارق: {abs} ({rel})', en: 'Gap: {abs} ({rel})' },
  gapNoRel: { fr: 'Écart : {abs}', ar: 'الفارق: {abs}', en: 'Gap: {abs}' },
  betterIs: { fr: 'Mieux placé : {name}', ar: 'الأفضل: {name}', en: 'Better placed: {name}' },
  equal: { fr: 'À égalité', ar: 'متساويان', en: 'Level' },
  neutralPolarity: {
    fr: 'Ni plus ni moins n’est « mieux » pour cet indicateur',
    ar: 'لا يُعدّ الارتفاع أو الانخفاض أفضل في هذا المؤشر',
    en: 'Neither higher nor lower is “better” for this indicator',
  },
  higherBetter: { fr: 'plus haut = mieux', ar: 'الأعلى = الأفضل', en: 'higher is better' },
  lowerBetter: { fr: 'plus bas = mieux', ar: 'الأدنى = الأفضل', en: 'lower is better' },
  notPublishedFor: { fr: 'non publié pour {period}', ar: 'غير منشور لـ{period}', en: 'not published for {period}' },
  peersHeading: { fr: 'Territoires comparables suggérés', ar: 'مجالات مماثلة مقترحة', en: 'Suggested peers' },
  peersIntro: {
    fr: 'Même niveau que {name} : les plus proches en population, et en valeur sur l’indicateur choisi.',
    ar: 'من نفس مستوى {name}: الأقرب من حيث عدد السكان، ومن حيث القيمة في المؤشر المختار.',
    en: 'Same level as {name}: the closest in population, and in value on the chosen indicator.',
  },
  peersByPopulation: {
    fr: 'Population proche (RGPH {year})',
    ar: 'عدد سكان مماثل (إحصاء {year})',
    en: 'Similar population (census {year})',
  },
  peersByValue: {
    fr: 'Valeur proche : {name} ({period})',
    ar: 'قيمة مماثلة: {name} ({period})',
    en: 'Similar value: {name} ({period})',
  },
  peerIndicator: { fr: 'Indicateur pour les pairs', ar: 'المؤشر المعتمد للمقارنة', en: 'Indicator for peers' },
  addPeer: { fr: 'Ajouter {name} ({value})', ar: 'إضافة {name} ({value})', en: 'Add {name} ({value})' },
  noPeers: { fr: 'Aucune suggestion.', ar: 'لا توجد اقتراحات.', en: 'No suggestion.' },
  inhabitants: { fr: 'hab.', ar: 'نسمة', en: 'inhab.' },
  mapHeading: { fr: 'Choisir sur la carte', ar: 'الاختيار على الخريطة', en: 'Choose on the map' },
  mapShow: { fr: 'Afficher la carte', ar: 'عرض الخريطة', en: 'Show the map' },
  mapHide: { fr: 'Masquer la carte', ar: 'إخفاء الخريطة', en: 'Hide the map' },
  mapLevel: { fr: 'Niveau', ar: 'المستوى', en: 'Level' },
  mapRegions: { fr: 'Régions', ar: 'الجهات', en: 'Regions' },
  mapProvinces: { fr: 'Provinces', ar: 'الأقاليم', en: 'Provinces' },
  mapBoundaries: { fr: 'limites administratives', ar: 'الحدود الإدارية', en: 'administrative boundaries' },
  sources: { fr: 'Sources', ar: 'المصادر', en: 'Sources' },
});

/** Compare messages that count something (`plural`). */
export const comparePlurals = definePlurals({
  tooMany: {
    fr: {
      one: 'Au plus {n} territoire : retirez-le pour en ajouter un autre.',
      other: 'Au plus {n} territoires : retirez-en un pour en ajouter un autre.',
    },
    ar: {
      zero: 'لا يمكن إضافة أي مجال.',
      one: 'بحد أقصى مجال واحد: أزله لإضافة آخر.',
      two: 'بحد أقصى مجالان: أزل واحدًا لإضافة آخر.',
      few: 'بحد أقصى {n} مجالات: أزل واحدًا لإضافة آخر.',
      many: 'بحد أقصى {n} مجالا: أزل واحدًا لإضافة آخر.',
      other: 'بحد أقصى {n} مجال: أزل واحدًا لإضافة آخر.',
    },
    en: {
      one: 'At most {n} territory: remove it to add another.',
      other: 'At most {n} territories: remove one to add another.',
    },
  },
});
