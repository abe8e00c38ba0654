/**
 * Words of the saved views (issue 17): the header entry, the panel, its announcements and every refusal of an
 * imported file, in fr, ar and en. Names the user typed are inserted as text (`{name}`), never as markup.
 */
import { defineMessages } from '../i18n/i18n.ts';

export const savedViewsMessages = defineMessages({
  entry: { fr: 'Vues enregistrées ({n})', ar: 'العروض المحفوظة ({n})', en: 'Saved views ({n})' },
  entryLoading: { fr: 'Vues enregistrées', ar: 'العروض المحفوظة', en: 'Saved views' },
  title: { fr: 'Vues enregistrées', ar: 'العروض المحفوظة', en: 'Saved views' },
  intro: {
    fr: 'Elles restent dans ce navigateur. Exportez-les dans un fichier pour les retrouver ailleurs ou les partager.',
    ar: 'تبقى في هذا المتصفح. صدّرها في ملف لاستعادتها في مكان آخر أو مشاركتها.',
    en: 'They stay in this browser. Export them to a file to use them elsewhere or share them.',
  },
  close: { fr: 'Fermer', ar: 'إغلاق', en: 'Close' },
  nameLabel: { fr: 'Nom de la vue', ar: 'اسم العرض', en: 'View name' },
  saveCurrent: { fr: 'Enregistrer cette vue', ar: 'حفظ هذا العرض', en: 'Save this view' },
  listLabel: { fr: 'Mes vues', ar: 'عروضي', en: 'My views' },
  empty: { fr: 'Aucune vue enregistrée pour l’instant.', ar: 'لا توجد عروض محفوظة بعد.', en: 'No saved views yet.' },
  loading: { fr: 'Chargement des vues…', ar: 'جارٍ تحميل العروض…', en: 'Loading views…' },
  open: { fr: 'Ouvrir « {name} »', ar: 'فتح «{name}»', en: 'Open “{name}”' },
  openShort: { fr: 'Ouvrir', ar: 'فتح', en: 'Open' },
  rename: { fr: 'Renommer', ar: 'إعادة التسمية', en: 'Rename' },
  renameLabel: { fr: 'Nouveau nom de « {name} »', ar: 'الاسم الجديد لـ «{name}»', en: 'New name for “{name}”' },
  renameSave: { fr: 'Valider', ar: 'تأكيد', en: 'Apply' },
  cancel: { fr: 'Annuler', ar: 'إلغاء', en: 'Cancel' },
  moveUp: { fr: 'Monter', ar: 'نقل إلى الأعلى', en: 'Move up' },
  moveDown: { fr: 'Descendre', ar: 'نقل إلى الأسفل', en: 'Move down' },
  delete: { fr: 'Supprimer', ar: 'حذف', en: 'Delete' },
  confirmDelete: { fr: 'Confirmer la suppression', ar: 'تأكيد الحذف', en: 'Confirm delete' },
  actionsOf: { fr: 'Actions sur « {name} »', ar: 'إجراءات «{name}»', en: 'Actions on “{name}”' },
  savedOn: { fr: 'enregistrée le {date}', ar: 'حُفظ في {date}', en: 'saved on {date}' },
  current: { fr: 'affichée', ar: 'معروض', en: 'on screen' },
  kindOverview: { fr: 'Vue d’ensemble', ar: 'نظرة عامة', en: 'Overview' },
  kindChart: { fr: 'Explorateur · graphique', ar: 'المستكشف · رسم بياني', en: 'Explorer · chart' },
  kindMap: { fr: 'Explorateur · carte', ar: 'المستكشف · خريطة', en: 'Explorer · map' },
  kindTable: { fr: 'Explorateur · tableau', ar: 'المستكشف · جدول', en: 'Explorer · table' },
  kindCompare: { fr: 'Comparer', ar: 'مقارنة', en: 'Compare' },
  kindProjects: { fr: 'Projets', ar: 'المشاريع', en: 'Projects' },
  saved: { fr: 'Vue « {name} » enregistrée.', ar: 'حُفظ العرض «{name}».', en: 'View “{name}” saved.' },
  renamed: { fr: 'Vue renommée « {name} ».', ar: 'أُعيدت تسمية العرض إلى «{name}».', en: 'View renamed “{name}”.' },
  deleted: { fr: 'Vue « {name} » supprimée.', ar: 'حُذف العرض «{name}».', en: 'View “{name}” deleted.' },
  moved: {
    fr: 'Vue « {name} » déplacée en position {pos} sur {n}.',
    ar: 'نُقل العرض «{name}» إلى الموضع {pos} من {n}.',
    en: 'View “{name}” moved to position {pos} of {n}.',
  },
  nameEmpty: { fr: 'Donnez un nom à la vue.', ar: 'أعطِ العرض اسمًا.', en: 'Give the view a name.' },
  nameTooLong: {
    fr: 'Nom trop long : {max} caractères au plus.',
    ar: 'الاسم طويل جدًا: {max} حرفًا على الأكثر.',
    en: 'Name too long: {max} characters at most.',
  },
  errUnavailable: {
    fr: 'Ce navigateur refuse le stockage (navigation privée ?) : les vues ne peuvent pas être enregistrées.',
    ar: 'يرفض هذا المتصفح التخزين (تصفح خاص؟): لا يمكن حفظ العروض.',
    en: 'This browser refuses storage (private browsing?): views cannot be saved.',
  },
  errQuota: {
    fr: 'Le stockage du navigateur est plein : rien n’a été enregistré.',
    ar: 'مساحة تخزين المتصفح ممتلئة: لم يُحفظ أي شيء.',
    en: 'The browser’s storage is full: nothing was saved.',
  },
  errNotFound: {
    fr: 'Cette vue n’existe plus (supprimée dans un autre onglet ?).',
    ar: 'هذا العرض لم يعد موجودًا (حُذف في علامة تبويب أخرى؟).',
    en: 'This view no longer exists (deleted in another tab?).',
  },
  errTooMany: {
    fr: 'Pas plus de {max} vues enregistrées : supprimez-en avant d’en ajouter. Rien n’a été ajouté.',
    ar: 'لا يمكن حفظ أكثر من {max} عرضًا: احذف بعضها قبل الإضافة. لم يُضف أي شيء.',
    en: 'No more than {max} saved views: delete some before adding. Nothing was added.',
  },
  errFailed: {
    fr: 'L’enregistrement a échoué : rien n’a été modifié.',
    ar: 'فشل الحفظ: لم يتغير أي شيء.',
    en: 'Saving failed: nothing was changed.',
  },
  invalidRecords: {
    fr: '{n} vue(s) enregistrée(s) illisible(s) ignorée(s).',
    ar: 'تم تجاهل {n} من العروض المحفوظة غير المقروءة.',
    en: '{n} unreadable saved view(s) left out.',
  },
  fileSection: { fr: 'Fichier', ar: 'ملف', en: 'File' },
  exportFile: { fr: 'Exporter les vues (JSON)', ar: 'تصدير العروض (JSON)', en: 'Export the views (JSON)' },
  importFile: { fr: 'Importer un fichier de vues', ar: 'استيراد ملف عروض', en: 'Import a views file' },
  exported: { fr: 'Fichier « {name} » enregistré.', ar: 'حُفظ الملف «{name}».', en: 'File “{name}” saved.' },
  imported: {
    fr: '{n} vue(s) importée(s), ajoutée(s) à la fin de la liste.',
    ar: 'استُورد {n} عرض(ا) وأضيف إلى آخر القائمة.',
    en: '{n} view(s) imported, added at the end of the list.',
  },
  importedPlainText: {
    fr: '{n} nom(s) contiennent du balisage ou commencent comme une formule de tableur : ils sont gardés comme simple texte.',
    ar: '{n} من الأسماء تحتوي على وسوم أو تبدأ كصيغة جدول بيانات: احتُفظ بها كنص عادي.',
    en: '{n} name(s) hold markup or start like a spreadsheet formula: they are kept as plain text.',
  },
  nothingImported: { fr: 'Rien n’a été importé.', ar: 'لم يُستورد أي شيء.', en: 'Nothing was imported.' },
  probTooLarge: {
    fr: 'Fichier trop volumineux ({size}) : la limite est de {max}.',
    ar: 'الملف كبير جدًا ({size}): الحد الأقصى {max}.',
    en: 'File too large ({size}): the limit is {max}.',
  },
  probEmpty: { fr: 'Le fichier est vide.', ar: 'الملف فارغ.', en: 'The file is empty.' },
  probNotJson: {
    fr: 'Ce fichier n’est pas du JSON lisible (mal formé ou tronqué).',
    ar: 'هذا الملف ليس JSON مقروءًا (تالف أو مبتور).',
    en: 'This file is not readable JSON (malformed or cut short).',
  },
  probNotSavedViews: {
    fr: 'Ce fichier n’est pas un fichier de vues Mouchir.',
    ar: 'هذا الملف ليس ملف عروض مؤشر.',
    en: 'This file is not a Mouchir views file.',
  },
  probNewer: {
    fr: 'Ce fichier vient d’une version plus récente de Mouchir (format {version}) : mettez l’application à jour.',
    ar: 'هذا الملف من إصدار أحدث من مؤشر (الصيغة {version}): حدّث التطبيق.',
    en: 'This file comes from a newer Mouchir (format {version}): update the app.',
  },
  probTooMany: {
    fr: 'Le fichier contient {count} vues ; la limite est de {max}.',
    ar: 'يحتوي الملف على {count} عرضًا؛ الحد الأقصى {max}.',
    en: 'The file holds {count} views; the limit is {max}.',
  },
  probNoViews: {
    fr: 'Le fichier ne contient aucune vue.',
    ar: 'لا يحتوي الملف على أي عرض.',
    en: 'The file holds no views.',
  },
  probInvalidView: {
    fr: 'La vue n° {n} du fichier est invalide (champ « {field} »).',
    ar: 'العرض رقم {n} في الملف غير صالح (الحقل «{field}»).',
    en: 'View no. {n} of the file is invalid (field “{field}”).',
  },
  eventsToggle: { fr: 'Mes événements ({n})', ar: 'أحداثي ({n})', en: 'My events ({n})' },
  eventsOf: { fr: 'Mes événements de « {name} »', ar: 'أحداثي في «{name}»', en: 'My events of “{name}”' },
  eventsNone: { fr: 'Aucun événement.', ar: 'لا توجد أحداث.', en: 'No events.' },
  eventPeriod: {
    fr: 'Période (2023, 2023-Q4 ou 2023-12)',
    // Latin examples isolated left to right (U+2066…U+2069), or the bidi algorithm shows "Q4-2023".
    ar: 'الفترة (\u20662023\u2069 أو \u20662023-Q4\u2069 أو \u20662023-12\u2069)',
    en: 'Period (2023, 2023-Q4 or 2023-12)',
  },
  eventText: { fr: 'Ce qui s’est passé', ar: 'ما الذي حدث', en: 'What happened' },
  eventLink: {
    fr: 'Lien (facultatif, http ou https)',
    ar: 'رابط (اختياري، http أو https)',
    en: 'Link (optional, http or https)',
  },
  addEvent: { fr: 'Ajouter l’événement', ar: 'إضافة الحدث', en: 'Add the event' },
  removeEvent: { fr: 'Retirer « {text} »', ar: 'إزالة «{text}»', en: 'Remove “{text}”' },
  eventAdded: { fr: 'Événement ajouté à « {name} ».', ar: 'أضيف الحدث إلى «{name}».', en: 'Event added to “{name}”.' },
  eventRemoved: { fr: 'Événement retiré.', ar: 'أزيل الحدث.', en: 'Event removed.' },
  eventBadPeriod: {
    fr: 'Période invalide : écrivez 2023, 2023-Q4 ou 2023-12.',
    ar: 'فترة غير صالحة: اكتب \u20662023\u2069 أو \u20662023-Q4\u2069 أو \u20662023-12\u2069.',
    en: 'Invalid period: write 2023, 2023-Q4 or 2023-12.',
  },
  eventNoText: { fr: 'Décrivez l’événement.', ar: 'صف الحدث.', en: 'Describe the event.' },
  eventTextTooLong: {
    fr: 'Texte trop long : {max} caractères au plus.',
    ar: 'النص طويل جدًا: {max} حرفًا على الأكثر.',
    en: 'Text too long: {max} characters at most.',
  },
  eventBadLink: {
    fr: 'Le lien doit être une adresse complète en http:// ou https://.',
    ar: 'يجب أن يكون الرابط عنوانًا كاملًا يبدأ بـ http:// أو https://.',
    en: 'The link must be a full http:// or https:// address.',
  },
  eventTooMany: {
    fr: 'Pas plus de {max} événements par vue.',
    ar: 'لا يمكن إضافة أكثر من {max} حدثًا لكل عرض.',
    en: 'No more than {max} events per view.',
  },
  mine: { fr: 'mon événement', ar: 'حدثي', en: 'my event' },
  openNotice: {
    fr: 'La vue enregistrée « {name} » ne s’affiche pas telle qu’enregistrée : {items}. Ce qui reste disponible est affiché.',
    ar: 'العرض المحفوظ «{name}» لا يظهر كما حُفظ: {items}. يُعرض ما بقي متاحًا.',
    en: 'The saved view “{name}” cannot show as saved: {items}. What is still available is shown.',
  },
  missingIndicator: {
    fr: 'l’indicateur « {value} » n’existe plus',
    ar: 'المؤشر «{value}» لم يعد موجودًا',
    en: 'indicator “{value}” no longer exists',
  },
  missingTerritory: {
    fr: 'le territoire « {value} » n’existe plus',
    ar: 'المجال الترابي «{value}» لم يعد موجودًا',
    en: 'territory “{value}” no longer exists',
  },
  missingOther: {
    fr: 'le paramètre « {param} » (« {value} ») a été ignoré',
    ar: 'تم تجاهل المعامل «{param}» («{value}»)',
    en: 'parameter “{param}” (“{value}”) was ignored',
  },
  dismiss: { fr: 'Fermer l’avis', ar: 'إغلاق التنبيه', en: 'Dismiss' },
  loadError: {
    fr: 'Le panneau des vues n’a pas pu se charger.',
    ar: 'تعذر تحميل لوحة العروض.',
    en: 'The views panel could not load.',
  },
  retry: { fr: 'Réessayer', ar: 'إعادة المحاولة', en: 'Retry' },
});

/** A key of the saved views' words. */
export type SavedViewsMessageKey = keyof typeof savedViewsMessages;
