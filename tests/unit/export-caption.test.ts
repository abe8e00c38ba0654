import { describe, expect, it } from 'vitest';
import {
  exportedLine,
  methodLine,
  reasonLabel,
  selectionCaption,
  shortLink,
  sourceLine,
  statusLabel,
} from '../../src/export/caption.ts';
import { lineModel } from './export-fixtures.ts';
import { statusText } from '../../src/i18n/status-label.ts';

describe('caption texts', () => {
  it.each([
    ['official', 'fr', 'Officiel'],
    ['illustrative', 'fr', 'Illustratif — ne pas citer'],
    ['estimate', 'en', 'Estimate'],
    ['illustrative', 'ar', 'توضيحي — لا يُستشهد به'],
  ] as const)('status %s in %s', (status, lang, expected) => {
    expect(statusLabel(status, lang)).toBe(expected);
  });

  it('names every status exactly as the on-screen badge does, in every language (issue 12: one wording)', () => {
    for (const status of ['official', 'estimate', 'illustrative'] as const)
      for (const lang of ['fr', 'ar', 'en'] as const) expect(statusLabel(status, lang)).toBe(statusText(status, lang));
  });

  it('appends the denominator to the selection unless already stated', () => {
    expect(selectionCaption(lineModel({ denominatorNote: 'Dénominateur : population RGPH 2024' }))).toBe(
      'Casablanca-Settat, Marrakech-Safi · 2004–2024 · valeur absolue · Dénominateur : population RGPH 2024',
    );
    const stated = lineModel({
      subtitle: 'MA-06 · pour 1 000 habitants (Dénominateur : population RGPH 2024)',
      denominatorNote: 'Dénominateur : population RGPH 2024',
    });
    expect(selectionCaption(stated)).toBe(stated.subtitle);
  });

  it.each([
    ['fr', 'Source : HCP, « RGPH 2024 », 17 déc. 2024', 'Exporté le 26 nov. 2026 depuis Mouchir'],
    ['en', 'Source: HCP, “RGPH 2024”, 17 Dec 2024', 'Exported on 26 Nov 2026 from Mouchir'],
    ['ar', 'المصدر: HCP، «RGPH 2024»، 17\u200f/12\u200f/2024', 'صُدِّر في'],
  ] as const)('source and export date in %s', (lang, source, exported) => {
    expect(sourceLine(lineModel({ lang }))).toBe(source);
    expect(exportedLine('2026-11-26', lang)).toContain(exported);
  });

  it('shows the method only for non-official figures', () => {
    expect(methodLine(lineModel({ method: 'x' }))).toBeNull();
    expect(methodLine(lineModel({ status: 'estimate', method: 'Interpolation' }))).toBe('Méthode : Interpolation');
  });

  it('names missing-value reasons and keeps unknown ones', () => {
    expect(reasonLabel('no-households', 'en')).toBe('no household count');
    expect(reasonLabel('custom note', 'fr')).toBe('custom note');
    expect(reasonLabel(undefined, 'fr')).toBe('');
  });

  it('drops the scheme from the printed link', () => {
    expect(shortLink('https://a.example/x?y=1')).toBe('a.example/x?y=1');
  });
});
