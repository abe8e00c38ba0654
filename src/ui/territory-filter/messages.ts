/** Messages of the territory filter. */
import { defineMessages, definePlurals } from '../../i18n/i18n.ts';

export const filterMessages = defineMessages({
  title: { fr: 'Territoires', ar: 'المجالات الترابية', en: 'Territories' },
  search: { fr: 'Rechercher un territoire', ar: 'البحث عن مجال ترابي', en: 'Search a territory' },
  region: { fr: 'Région des provinces', ar: 'جهة الأقاليم', en: 'Region of the provinces' },
  allRegionsOption: { fr: 'Toutes les régions', ar: 'كل الجهات', en: 'All regions' },
  pickAllRegions: { fr: 'Toutes les régions', ar: 'كل الجهات', en: 'All regions' },
  pickAllProvinces: { fr: 'Toutes les provinces', ar: 'كل الأقاليم', en: 'All provinces' },

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
  list: { fr: 'Liste des territoires', ar: 'قائمة المجالات الترابية', en: 'Territory list' },
  listKeys: {
    fr: 'Flèches haut et bas pour parcourir la liste, Espace pour cocher ou décocher, Tab pour en sortir.',
    ar: 'السهمان أعلى وأسفل للتنقل في القائمة، مفتاح المسافة للتحديد أو الإلغاء، Tab للخروج منها.',
    en: 'Up and down arrows to move through the list, Space to check or uncheck, Tab to leave it.',
  },

  noMatch: { fr: 'Aucun territoire ne correspond.', ar: 'لا يوجد مجال مطابق.', en: 'No territory matches.' },
});

/** The filter's limits, in the plural form of their count (`plural`, src/i18n/i18n.ts). */
export const filterPlurals = definePlurals({
  softLimit: {
    fr: {
      one: 'Plus de {n} courbe : le graphique devient difficile à lire — envisagez la carte ou le tableau.',
      other: 'Plus de {n} courbes : le graphique devient difficile à lire — envisagez la carte ou le tableau.',
    },
    ar: {
      zero: 'أكثر من {n} منحنى: يصبح المبيان صعب القراءة — فكّر في الخريطة أو الجدول.',
      one: 'أكثر من منحنى واحد: يصبح المبيان صعب القراءة — فكّر في الخريطة أو الجدول.',
      two: 'أكثر من منحنيين: يصبح المبيان صعب القراءة — فكّر في الخريطة أو الجدول.',
      few: 'أكثر من {n} منحنيات: يصبح المبيان صعب القراءة — فكّر في الخريطة أو الجدول.',
      many: 'أكثر من {n} منحنى: يصبح المبيان صعب القراءة — فكّر في الخريطة أو الجدول.',
      other: 'أكثر من {n} منحنى: يصبح المبيان صعب القراءة — فكّر في الخريطة أو الجدول.',
    },
    en: {
      one: 'More than {n} line: the chart becomes hard to read — consider the map or the table.',
      other: 'More than {n} lines: the chart becomes hard to read — consider the map or the table.',
    },
  },
  cap: {
    fr: {
      one: 'Au plus {n} territoire à la fois : au-delà, le graphique devient illisible. Retirez-le pour en ajouter un autre.',
      other:
        'Au plus {n} territoires à la fois : au-delà, le graphique devient illisible. Retirez-en un pour en ajouter un autre.',
    },
    ar: {
      zero: 'لا يمكن عرض أي مجال: يصبح المبيان غير مقروء.',
      one: 'لا يمكن عرض أكثر من مجال واحد في آن واحد: يصبح المبيان غير مقروء. أزله لإضافة آخر.',
      two: 'لا يمكن عرض أكثر من مجالين في آن واحد: يصبح المبيان غير مقروء. أزل واحدا لإضافة آخر.',
      few: 'لا يمكن عرض أكثر من {n} مجالات في آن واحد: يصبح المبيان غير مقروء. أزل واحدا لإضافة آخر.',
      many: 'لا يمكن عرض أكثر من {n} مجالا في آن واحد: يصبح المبيان غير مقروء. أزل واحدا لإضافة آخر.',
      other: 'لا يمكن عرض أكثر من {n} مجال في آن واحد: يصبح المبيان غير مقروء. أزل واحدا لإضافة آخر.',
    },
    en: {
      one: 'At most {n} territory at once: more would make the chart unreadable. Remove it to add another.',
      other: 'At most {n} territories at once: more would make the chart unreadable. Remove one to add another.',
    },
  },
  capCut: {
    fr: {
      one: 'Seul le premier territoire a été retenu (limite de lisibilité).',
      other: 'Seuls les {n} premiers territoires ont été retenus (limite de lisibilité).',
    },
    ar: {
      zero: 'لم يتم الاحتفاظ بأي مجال (حد المقروئية).',
      one: 'تم الاحتفاظ بأول مجال فقط (حد المقروئية).',
      two: 'تم الاحتفاظ بأول مجالين فقط (حد المقروئية).',
      few: 'تم الاحتفاظ بأول {n} مجالات فقط (حد المقروئية).',
      many: 'تم الاحتفاظ بأول {n} مجالا فقط (حد المقروئية).',
      other: 'تم الاحتفاظ بأول {n} مجال فقط (حد المقروئية).',
    },
    en: {
      one: 'Only the first territory was kept (readability limit).',
      other: 'Only the first {n} territories were kept (readability limit).',
    },
  },
});
