import { LANGUAGES, PRODUCER_TYPES, ROLES } from '@sopu/shared';
import { DICTIONARIES, TranslationKey } from './index';
import { en } from './en';

const keys = Object.keys(en) as TranslationKey[];
const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe('dictionaries', () => {
  it.each(LANGUAGES)('%s has every key with a non-empty text', (lang) => {
    const dictionary = DICTIONARIES[lang];
    expect(Object.keys(dictionary).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect({ key, text: dictionary[key].trim().length > 0 }).toEqual({ key, text: true });
    }
  });

  it.each(LANGUAGES)('%s uses the same placeholders as English', (lang) => {
    for (const key of keys) {
      expect({ key, placeholders: placeholders(DICTIONARIES[lang][key]) }).toEqual({
        key,
        placeholders: placeholders(en[key]),
      });
    }
  });

  it('names every role and producer type in every language', () => {
    for (const lang of LANGUAGES) {
      for (const role of ROLES) expect(DICTIONARIES[lang][`role.${role}`]).toBeTruthy();
      for (const type of PRODUCER_TYPES) expect(DICTIONARIES[lang][`producerType.${type}`]).toBeTruthy();
    }
  });

  it('uses the agreed Finnish and Swedish role and producer type names', () => {
    expect(ROLES.map((role) => DICTIONARIES.fi[`role.${role}`])).toEqual([
      'Pääkäyttäjä',
      'Sopimusohjaaja',
      'Analyytikko',
      'Palveluntuottajan raportoija',
    ]);
    expect(ROLES.map((role) => DICTIONARIES.sv[`role.${role}`])).toEqual([
      'Administratör',
      'Avtalsansvarig',
      'Analytiker',
      'Rapportör för serviceproducent',
    ]);
    expect(PRODUCER_TYPES.map((type) => DICTIONARIES.fi[`producerType.${type}`])).toEqual([
      'Oma tuotanto',
      'Ostopalvelu',
      'Palveluseteli',
    ]);
    expect(PRODUCER_TYPES.map((type) => DICTIONARIES.sv[`producerType.${type}`])).toEqual([
      'Egen produktion',
      'Köpt tjänst',
      'Servicesedel',
    ]);
  });
});
