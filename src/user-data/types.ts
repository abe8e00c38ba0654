/**
 * The user's own datasets (issue 15): what the import dialog hands to the store, what IndexedDB keeps, what an
 * export file carries. One dataset = one indicator of the user's, with its figures.
 *
 * The schemas are `zod/mini` (browser code) and check a dataset before it is written and when a file is read back
 * (src/user-data/file.ts). A dataset becomes a contract `Indicator` with `toIndicator` (src/user-data/indicator.ts);
 * its observations are contract `Observation`s with status `imported`, so every view and export draws them with the
 * same models as official figures.
 *
 * No IndexedDB here: this module is light and may be imported statically (the dialog, the explorer).
 */
import { z } from 'zod/mini';
import { Frequency, IsoDate, Observation, TerritoryLevel, Unit, type Lang } from '../contract/contract.ts';
import { DATASET_ID_PATTERN } from './ids.ts';

// The ids (`user-<id>`, `missingUserIndicator`) live in ./ids.ts, free of zod, for the first chunk's query layer.
export {
  DATASET_ID_PATTERN,
  USER_INDICATOR_PREFIX,
  datasetIdOf,
  isUserIndicatorId,
  missingUserIndicator,
  userIndicatorId,
} from './ids.ts';

/** Longest name, unit label, publisher, title or file name kept (a label is a label, not a document). */
export const MAX_TEXT = 300;

export const DatasetId = z.string().check(z.maxLength(40), z.regex(DATASET_ID_PATTERN, 'expected a dataset id'));

const text = () => z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_TEXT));

/**
 * A name in one, two or three languages: at least one is given; a missing language falls back to a given one
 * (`localize`). Stays text everywhere: markup and formula-like names (`=SUM(…)`) are shown and stored as typed.
 */
export const PartialText = z
  .object({ fr: z.optional(text()), ar: z.optional(text()), en: z.optional(text()) })
  .check(z.refine((t) => t.fr !== undefined || t.ar !== undefined || t.en !== undefined, 'give at least one language'));
export type PartialText = z.infer<typeof PartialText>;

/** count: people, beneficiaries, things (may be divided by the population); rate: a share 0–100 (never divided). */
export const DatasetKind = z.enum(['count', 'rate']);
export type DatasetKind = z.infer<typeof DatasetKind>;

/** The user's unit: a contract unit code (formats numbers) and the words they gave. */
export const DatasetUnit = z.object({ code: Unit.shape.code, label: PartialText });
export type DatasetUnit = z.infer<typeof DatasetUnit>;

/**
 * The source the user gave. Publisher and title as they typed them; `published` is the publication date when
 * they know it (else null); `url` the page where the figures can be found (http or https; an intranet page will
 * do): every citation, slide and QR code of the app prints a source's link, so it is required, like the contract's.
 */
export const DatasetSource = z.object({
  publisher: text(),
  title: text(),
  published: z.nullable(IsoDate),
  url: z.url({ protocol: /^https?$/ }),
});
export type DatasetSource = z.infer<typeof DatasetSource>;

/** An observation of an imported dataset: a contract observation, status `imported`. */
export const DatasetObservation = z.object({ ...Observation.shape, status: z.literal('imported') });
export type DatasetObservation = z.infer<typeof DatasetObservation>;

/** Everything about a dataset but its figures: what the list of datasets shows (read without the rows). */
export const DatasetMeta = z.object({
  id: DatasetId,
  name: PartialText,
  /** What the figures are, in the user's words (optional; the indicator's description falls back to the name). */
  description: z.optional(PartialText),
  unit: DatasetUnit,
  kind: DatasetKind,
  source: DatasetSource,
  /** The file the figures were read from: `beneficiaires_2025.xlsx` (no path). */
  fileName: text(),
  /** When the file was imported (ISO 8601 date-time, UTC). Re-importing updates it. */
  importedAt: z.iso.datetime(),
  frequency: Frequency,
  /**
   * Counts below this are shown as "< threshold" (value null, qualifier `upper-bound`) on screen and in every
   * export, and left out of sums and per-capita measures. Counts only; absent = no suppression.
   */
  smallCountThreshold: z.optional(z.number().check(z.int(), z.gte(1), z.lte(1_000_000))),
  /** Territorial levels that have figures. */
  levels: z.array(TerritoryLevel).check(z.minLength(1)),
  /** Number of observations (so the list shows it without reading them). */
  rowCount: z.number().check(z.int(), z.gte(0)),
});
export type DatasetMeta = z.infer<typeof DatasetMeta>;

/** A whole dataset: its description and its observations (`indicator` = `user-<id>`, status `imported`). */
export const Dataset = z.object({ ...DatasetMeta.shape, observations: z.array(DatasetObservation) });
export type Dataset = z.infer<typeof Dataset>;

/** What the dialog gives the store to save: a dataset without its id, row count or import date (the store sets them). */
export type NewDataset = Omit<Dataset, 'id' | 'rowCount' | 'importedAt' | 'observations'> & {
  /** Rows as parsed: the store sets `indicator` and `status`. */
  observations: readonly NewObservation[];
};

/** One parsed row: territory, period, value (null = a gap the user chose to keep, with a note when known). */
export type NewObservation = Omit<DatasetObservation, 'indicator' | 'status'>;

/** The text of `t` in `lang`, else in the first given of fr, en, ar. */
export function localize(t: PartialText, lang: Lang): string {
  return t[lang] ?? t.fr ?? t.en ?? t.ar ?? '';
}

/** `t` in all three languages (missing ones fall back, see `localize`). */
export function fullText(t: PartialText): { fr: string; ar: string; en: string } {
  return { fr: localize(t, 'fr'), ar: localize(t, 'ar'), en: localize(t, 'en') };
}
