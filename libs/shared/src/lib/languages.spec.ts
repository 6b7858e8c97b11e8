import { pickLanguage } from './languages';
import { ERROR_MESSAGES, FIELD_MESSAGES, errorMessage } from './errors';

describe('language choice', () => {
  it('follows the browser preference among fi, sv and en', () => {
    expect(pickLanguage('sv-FI,sv;q=0.9,en;q=0.8')).toBe('sv');
    expect(pickLanguage('de-DE,en;q=0.5,fi;q=0.4')).toBe('en');
    expect(pickLanguage('en;q=0.2,fi;q=0.9')).toBe('fi');
  });

  it('falls back to Finnish when nothing fits', () => {
    expect(pickLanguage(undefined)).toBe('fi');
    expect(pickLanguage('de,ru')).toBe('fi');
  });
});

describe('error catalogue', () => {
  it('has every message in Finnish, Swedish and English, with the same placeholders', () => {
    for (const catalogue of [ERROR_MESSAGES, FIELD_MESSAGES]) {
      for (const [code, texts] of Object.entries(catalogue)) {
        const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort().join();
        expect([code, texts.fi.length > 0, texts.sv.length > 0, texts.en.length > 0]).toEqual([
          code,
          true,
          true,
          true,
        ]);
        expect([code, placeholders(texts.fi), placeholders(texts.sv)]).toEqual([
          code,
          placeholders(texts.en),
          placeholders(texts.en),
        ]);
      }
    }
  });

  it('fills placeholders', () => {
    expect(errorMessage('TOO_MANY_ATTEMPTS', 'sv', { minutes: 7 })).toContain('om 7 min');
  });
});
