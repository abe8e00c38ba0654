/**
 * Import (issue 15): territory labels matched by ISO code, HCP code or name in fr/ar/en, with the variants people
 * type (accents, hyphens, case, "Province de …", "Préfecture de …", Arabic with or without the article, إقليم,
 * عمالة, جهة); ambiguous or unknown labels are not guessed, and get suggestions.
 */
import { describe, expect, it } from 'vitest';
import { createMatcher, normaliseHcp, normaliseIso, normaliseName } from '../../src/import/territories.ts';
import { TERRITORIES } from '../fixtures/import/helpers.ts';

const matcher = createMatcher(TERRITORIES);
const codeOf = (label: string | number): string | null => matcher.match(label)?.code ?? null;

describe('every shipped territory matches itself', () => {
  it('by ISO code, HCP code and each of its three names', () => {
    expect(TERRITORIES).toHaveLength(88);
    for (const t of TERRITORIES) {
      expect(matcher.match(t.code), t.code).toEqual({ code: t.code, by: 'iso' });
      expect(matcher.match(t.code.toLowerCase()), t.code).toEqual({ code: t.code, by: 'iso' });
      if (t.hcpCode) expect(matcher.match(t.hcpCode), t.hcpCode).toEqual({ code: t.code, by: 'hcp' });
      for (const name of [t.name.fr, t.name.ar, t.name.en]) {
        expect(matcher.match(name), `${t.code} ${name}`).toEqual({ code: t.code, by: 'name' });
      }
    }
  });
});

describe('variants', () => {
  it.each([
    ['Laayoune', 'MA-LAA'],
    ['Laâyoune', 'MA-LAA'],
    ['LAAYOUNE', 'MA-LAA'],
    ['Béni Mellal', 'MA-BEM'],
    ['beni-mellal', 'MA-BEM'],
    ['Beni  Mellal', 'MA-BEM'],
    ['Tanger-Tétouan-Al Hoceïma', 'MA-01'],
    ['Tanger Tetouan Al-Hoceima', 'MA-01'],
    ['Province de Béni Mellal', 'MA-BEM'],
    ['Préfecture de Casablanca', 'MA-CAS'],
    ["Région de l'Oriental", 'MA-02'],
    ['Oriental', 'MA-02'],
    ['Fez', 'MA-FES'],
    ['Tanger', 'MA-TNG'],
    ['الدار البيضاء', 'MA-CAS'],
    ['دار البيضاء', 'MA-CAS'],
    ['عمالة الدار البيضاء', 'MA-CAS'],
    ['العيون', 'MA-LAA'],
    ['عيون', 'MA-LAA'],
    ['إقليم الحسيمة', 'MA-HOC'],
    ['اقليم الحسيمة', 'MA-HOC'],
    ['جهة الشرق', 'MA-02'],
    ['MA-BES', 'MA-BES'],
    ['ma06', 'MA-06'],
    [' MA-06 ', 'MA-06'],
    ['06.141', 'MA-CAS'],
    [6.141, 'MA-CAS'],
    ['6', 'MA-06'],
    [6, 'MA-06'],
  ] as const)('%j → %s', (label, code) => {
    expect(codeOf(label)).toBe(code);
  });

  it('leaves unknown labels unmatched and suggests the closest territories', () => {
    expect(codeOf('Oujda')).toBeNull();
    expect(matcher.suggest('Oujda')[0]).toBe('MA-OUJ');
    expect(codeOf('Atlantis')).toBeNull();
    expect(codeOf('=HYPERLINK("x")')).toBeNull();
    expect(codeOf('<b>Fès</b>')).toBeNull();
    expect(codeOf('')).toBeNull();
  });

  it('gives no two territories the same normalised name (so a name match is never a guess)', () => {
    const owner = new Map<string, string>();
    for (const t of TERRITORIES) {
      for (const name of [t.name.fr, t.name.ar, t.name.en]) {
        const key = normaliseName(name);
        expect(owner.get(key) ?? t.code, `${name} (${t.code}) vs ${owner.get(key)}`).toBe(t.code);
        owner.set(key, t.code);
      }
    }
  });
});

describe('code forms', () => {
  it('normalises ISO and HCP codes', () => {
    expect(normaliseIso('ma-cas-01')).toBe('MA-CAS-01');
    expect(normaliseIso('MA')).toBe('MA');
    expect(normaliseIso('Maroc')).toBeNull();
    expect(normaliseHcp('6')).toBe('06');
    expect(normaliseHcp(1.051)).toBe('01.051');
    expect(normaliseHcp('06,14')).toBe('06.140');
    expect(normaliseHcp('2024')).toBeNull();
  });
});
