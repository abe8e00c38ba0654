/**
 * The one error of the user-data layer (issue 15), with a kind the UI turns into a sentence in the reader's
 * language (`userDataErrorText`). Light (no IndexedDB): views import it statically to recognise the error.
 */
import type { Lang } from '../contract/contract.ts';
import { defineMessages, translate } from '../i18n/i18n.ts';
import { isUserDataError } from './error-core.ts';

export { UserDataError, isUserDataError, storageError, type UserDataErrorKind } from './error-core.ts';

/** Words of each kind (exported for an i18n completeness test). */
export const userDataMessages = defineMessages({
  unavailable: {
    fr: 'Ce navigateur refuse de conserver des données (navigation privée ou stockage bloqué) : rien n’a été enregistré.',
    ar: 'هذا المتصفح يرفض حفظ البيانات (تصفح خاص أو تخزين محظور): لم يُحفظ أي شيء.',
    en: 'This browser refuses to keep data (private browsing or blocked storage): nothing was saved.',
  },
  quota: {
    fr: 'L’espace de stockage de ce navigateur est plein : rien n’a été enregistré. Supprimez un jeu de données et réessayez.',
    ar: 'مساحة التخزين في هذا المتصفح ممتلئة: لم يُحفظ أي شيء. احذف مجموعة بيانات وحاول مجددًا.',
    en: 'This browser’s storage is full: nothing was saved. Delete a dataset and try again.',
  },
  'not-found': {
    fr: 'Ce lien montre des données importées qui ne sont pas dans ce navigateur. Importez le fichier du jeu de données pour les voir.',
    ar: 'يعرض هذا الرابط بيانات مستوردة غير موجودة في هذا المتصفح. استورد ملف مجموعة البيانات لعرضها.',
    en: 'This link shows imported data that is not in this browser. Import the dataset’s file to see it.',
  },
  'invalid-file': {
    fr: 'Ce fichier n’est pas un jeu de données Mouchir lisible : rien n’a été importé.',
    ar: 'هذا الملف ليس مجموعة بيانات Mouchir مقروءة: لم يُستورد أي شيء.',
    en: 'This file is not a readable Mouchir dataset: nothing was imported.',
  },
  'newer-version': {
    fr: 'Ce fichier vient d’une version plus récente de Mouchir : mettez la page à jour, rien n’a été importé.',
    ar: 'هذا الملف من إصدار أحدث من Mouchir: حدّث الصفحة، لم يُستورد أي شيء.',
    en: 'This file comes from a newer version of Mouchir: update the page; nothing was imported.',
  },
  'too-large': {
    fr: 'Ce jeu de données dépasse les limites ({detail}) : rien n’a été importé.',
    ar: 'تتجاوز مجموعة البيانات هذه الحدود ({detail}): لم يُستورد أي شيء.',
    en: 'This dataset is over the limits ({detail}): nothing was imported.',
  },
  'invalid-dataset': {
    fr: 'Le jeu de données n’a pas pu être enregistré ({detail}) : rien n’a été écrit.',
    ar: 'تعذّر حفظ مجموعة البيانات ({detail}): لم يُكتب أي شيء.',
    en: 'The dataset could not be saved ({detail}): nothing was written.',
  },
  failed: {
    fr: 'L’enregistrement dans ce navigateur a échoué : rien n’a été écrit.',
    ar: 'فشل الحفظ في هذا المتصفح: لم يُكتب أي شيء.',
    en: 'Saving in this browser failed: nothing was written.',
  },
});

/** The sentence to show for a `UserDataError` (a generic failure sentence for anything else). */
export function userDataErrorText(error: unknown, lang: Lang): string {
  const kind = isUserDataError(error) ? error.kind : 'failed';
  const detail = isUserDataError(error) ? (error.detail ?? '') : '';
  return translate(userDataMessages, lang, kind, { detail });
}
