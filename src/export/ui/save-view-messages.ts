/**
 * Words of the export menu's "save this view" (issue 17: pins became saved views), in fr, ar and en. A file of its
 * own so the saved-views work does not edit the export words shared with presentation mode (./messages.ts).
 */
import { defineMessages } from '../../i18n/i18n.ts';

export const saveViewMessages = defineMessages({
  saveView: { fr: 'Enregistrer la vue', ar: 'حفظ العرض', en: 'Save this view' },
  nameLabel: { fr: 'Nom de la vue', ar: 'اسم العرض', en: 'View name' },
  save: { fr: 'Enregistrer', ar: 'حفظ', en: 'Save' },
  cancel: { fr: 'Annuler', ar: 'إلغاء', en: 'Cancel' },
  savedAs: {
    fr: 'Vue enregistrée sous « {name} » (voir « Vues enregistrées » en haut de page).',
    ar: 'حُفظ العرض باسم «{name}» (انظر «العروض المحفوظة» أعلى الصفحة).',
    en: 'View saved as “{name}” (see “Saved views” at the top of the page).',
  },
  nameEmpty: { fr: 'Donnez un nom à la vue.', ar: 'أعطِ العرض اسمًا.', en: 'Give the view a name.' },
  notReady: {
    fr: 'Les vues enregistrées se chargent encore : réessayez dans un instant.',
    ar: 'لا تزال العروض المحفوظة قيد التحميل: أعد المحاولة بعد لحظة.',
    en: 'Saved views are still loading: try again in a moment.',
  },
  notSaved: {
    fr: 'La vue n’a pas pu être enregistrée (stockage du navigateur refusé ou plein).',
    ar: 'تعذر حفظ العرض (تخزين المتصفح مرفوض أو ممتلئ).',
    en: 'The view could not be saved (browser storage refused or full).',
  },
});
