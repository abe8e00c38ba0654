/** The note of an empty value kept as a gap (issue 15: "empty value kept as a gap only if the user says so"). */
export const GAP_NOTE = {
  fr: 'Pas de valeur dans le fichier importé',
  ar: 'لا توجد قيمة في الملف المستورد',
  en: 'No value in the imported file',
} as const;
