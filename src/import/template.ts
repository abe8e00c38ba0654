/**
 * The downloadable template (issue 15): one row per territory (the 88: country, regions, provinces) with its ISO
 * code, HCP code, level and names in French, Arabic and English, then the empty columns a user fills (period,
 * value). UTF-8 text with a BOM so Excel reads the Arabic names; comma-separated, RFC 4180 quoting, CRLF. Names
 * are the shipped ones (no formula can start one), quoted when they hold a comma or quote. Pure.
 */
import type { ImportTerritory } from './types.ts';

export const TEMPLATE_HEADER = ['code', 'hcp', 'niveau', 'nom_fr', 'nom_ar', 'name_en', 'periode', 'valeur'] as const;

function cell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The template's text (a BOM first). */
export function territoryTemplateCsv(territories: readonly ImportTerritory[]): string {
  const lines = [TEMPLATE_HEADER.join(',')];
  for (const t of territories) {
    lines.push(
      [t.code, t.hcpCode ?? '', t.level, t.name.fr, t.name.ar, t.name.en, '', ''].map((c) => cell(c)).join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The template's file name. */
export const TEMPLATE_FILE_NAME = 'mouchir_modele_territoires.csv';
