/**
 * The import feature's public entry (issue 15): the "Importer des données" / "Mes données" button. Everything else
 * (the dialog, the worker client, the store) loads on its first click.
 */
export { ImportEntry, type ImportEntryProps, type ImportEntryStart } from './import-entry.tsx';
