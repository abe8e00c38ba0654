/** Messages of the territory filter. */
import { defineMessages } from '../../i18n/i18n.ts';

export const filterMessages = defineMessages({
  title: { fr: 'Territoires', ar: 'المجالات الترابية', en: 'Territories' },
  search: { fr: 'Rechercher un territoire', ar: 'البحث عن مجال ترابي', en: 'Search a territory' },
  region: { fr: 'Région des provinces', ar: 'جهة الأقاليم', en: 'Region of the provinces' },
  allRegionsOption: { fr: 'Toutes les régions', ar: 'كل الجهات', en: 'All regions' },
  pickAllRegions: { fr: 'Toutes les régions', ar: 'كل الجهات', en: 'All regions' },
  pickAllProvinces: { fr: 'Toutes les provinces', ar: 'كل الأقاليم', en: 'All provinces' },
  softLimit: {
    fr: 'Plus de {max} courbes : le graphique devient difficile à lire — envisagez la carte ou le tableau.',
    ar: 'أكثر من {max} منحنى: يصبح المبيان صعب القراءة — فكّر في الخريطة أو الجدول.',
    en: 'More than {max} lines: the chart becomes hard to read — consider the map or the table.',
  },
  pickProvinces: { fr: 'Provinces de la région', ar: 'أقاليم الجهة', en: 'Provinces of the region' },
  pickProvincesOf: { fr: 'Provinces : {region}', ar: 'أقاليم: {region}', en: 'Provinces: {region}' },
  clear: { fr: 'Effacer la sélection', ar: 'مسح الاختيار', en: 'Clear selection' },
  quickPicks: { fr: 'Choix rapides', ar: 'اختيارات سريعة', en: 'Quick picks' },
  country: { fr: 'Pays', ar: 'البلد', en: 'Country' },
  regions: { fr: 'Régions', ar: 'الجهات', en: 'Regions' },
  provinces: { fr: 'Provinces et préfectures', ar: 'الأقاليم والعمالات', en: 'Provinces and prefectures' },
  selected: { fr: 'Sélection ({n}/{max})', ar: 'الاختيار ({n}/{max})', en: 'Selection ({n}/{max})' },
  none: {
    fr: 'Aucun territoire choisi : affichage par défaut.',
    ar: 'لم يتم اختيار أي مجال: العرض الافتراضي.',
    en: 'No territory chosen: default view.',
  },
  remove: { fr: 'Retirer {name}', ar: 'إزالة {name}', en: 'Remove {name}' },
  cap: {
    fr: 'Au plus {max} territoires à la fois : au-delà, le graphique devient illisible. Retirez-en un pour en ajouter un autre.',
    ar: 'لا يمكن عرض أكثر من {max} مجالات في آن واحد: يصبح المبيان غير مقروء. أزل واحدا لإضافة آخر.',
    en: 'At most {max} territories at once: more would make the chart unreadable. Remove one to add another.',
  },
  capCut: {
    fr: 'Seuls les {max} premiers territoires ont été retenus (limite de lisibilité).',
    ar: 'تم الاحتفاظ بأول {max} مجالات فقط (حد المقروئية).',
    en: 'Only the first {max} territories were kept (readability limit).',
  },
  noMatch: { fr: 'Aucun territoire ne correspond.', ar: 'لا يوجد مجال مطابق.', en: 'No territory matches.' },
});
