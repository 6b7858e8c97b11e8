import { ReportValueView } from '@sopu/shared';
import { formItem } from './report-form-item.testing';
import {
  bandText,
  checkEntry,
  draftOf,
  entryOf,
  inputsOf,
  issueMessages,
  revisionDiff,
  serverMessages,
  valueText,
} from './report-values';

const words = { yes: 'Yes', no: 'No', notApplicable: 'Not applicable', respondents: 'Respondents' };
const en = { locale: 'en-GB', lang: 'en' as const };

describe('report values', () => {
  it('asks each measure type for its own fields: numerator and denominator, never a bare percentage', () => {
    expect(inputsOf('PERCENTAGE')).toEqual(['numerator', 'denominator']);
    expect(inputsOf('RATE')).toEqual(['numerator', 'denominator']);
    expect(inputsOf('SCALE')).toEqual(['value', 'respondents']);
    expect(inputsOf('BOOLEAN')).toEqual(['flag']);
    expect(inputsOf('TEXT')).toEqual(['text']);
    for (const type of ['COUNT', 'RATIO', 'DURATION_DAYS', 'CURRENCY_EUR'] as const)
      expect(inputsOf(type)).toEqual(['value']);
  });

  it('edits what the user entered, without what the server derived, with every criterion present', () => {
    const saved: ReportValueView = {
      criterionCode: 'MISSED_VISITS_SHARE',
      numerator: '3',
      denominator: '120',
      comment: 'Sairauspoissaoloja',
      measured: 2.5,
      light: 'AMBER',
      issues: [],
    };
    expect(entryOf(saved)).toEqual({ numerator: '3', denominator: '120', comment: 'Sairauspoissaoloja' });
    const other = formItem({ code: 'FALLS_RATE', measureType: 'RATE' });
    expect(draftOf([formItem({}), other], [saved])).toEqual({
      MISSED_VISITS_SHARE: { numerator: '3', denominator: '120', comment: 'Sairauspoissaoloja' },
      FALLS_RATE: {},
    });
  });

  it('checks a value with the shared rules and words the problems in the user language', () => {
    const check = checkEntry(formItem({}), { numerator: '5', denominator: '4' });
    expect(check.valid).toBe(false);
    expect(issueMessages(check.issues, 'en')).toEqual({
      numerator: 'cannot be greater than the denominator',
    });
    expect(issueMessages(checkEntry(formItem({}), {}).issues, 'fi')).toEqual({ numerator: 'on pakollinen' });
    const red = checkEntry(formItem({}), { numerator: '12', denominator: '100' });
    expect(red).toMatchObject({ valid: true, measured: 12, light: 'RED' });
  });

  it("puts the server's refusals on the criterion and field they name", () => {
    const messages = serverMessages(
      [
        {
          field: 'values.CLIENT_SATISFACTION.value',
          problem: 'required',
          message: 'values.CLIENT_SATISFACTION.value: is required',
        },
        {
          field: 'values.CLIENT_SATISFACTION.respondents',
          problem: 'tooManyDecimals',
          message: 'values.CLIENT_SATISFACTION.respondents: saa sisältää enintään 0 desimaalia',
        },
        { field: 'draftVersion', problem: 'isInt', message: 'draftVersion: must be a whole number' },
      ],
      'sv',
    );
    expect(messages).toEqual({
      CLIENT_SATISFACTION: {
        value: 'är obligatoriskt',
        // The shared text needs {max}, which the answer leaves out: the server's own words are used.
        respondents: 'saa sisältää enintään 0 desimaalia',
      },
    });
  });

  it('writes bands as a reader knows them', () => {
    expect(bandText({ min: 4.2, max: null }, 'fi-FI')).toBe('≥ 4,2');
    expect(bandText({ min: null, max: 2 }, 'en-GB')).toBe('≤ 2');
    expect(bandText({ min: 0.6, max: 0.8 }, 'en-GB')).toBe('0.6–0.8');
    expect(bandText(null, 'en-GB')).toBe('');
  });

  it('reads values alike in every revision', () => {
    const percentage = formItem({});
    expect(valueText(percentage, { numerator: '3', denominator: '120' }, 2.5, words, en)).toBe(
      '3 / 120 = 2.5 %',
    );
    const scale = formItem({ code: 'CLIENT_SATISFACTION', measureType: 'SCALE', decimals: 2 });
    expect(valueText(scale, { value: '4,5', respondents: '30' }, 4.5, words, en)).toBe(
      '4,5 (Respondents: 30)',
    );
    const flag = formItem({ code: 'PLAN', measureType: 'BOOLEAN' });
    expect(valueText(flag, { flag: false }, 0, words, en)).toBe('No');
    expect(
      valueText(flag, { notApplicable: true, notApplicableReason: 'Ei asiakkaita' }, null, words, en),
    ).toBe('Not applicable: Ei asiakkaita');
    expect(valueText(flag, {}, null, words, en)).toBe('');
  });

  it('marks the criteria whose values or comments differ between two revisions', () => {
    const a = formItem({});
    const b = formItem({ code: 'PLAN', measureType: 'BOOLEAN' });
    const view = (code: string, entry: Partial<ReportValueView>): ReportValueView => ({
      criterionCode: code,
      measured: null,
      light: null,
      issues: [],
      ...entry,
    });
    const rows = revisionDiff(
      [a, b],
      [view('MISSED_VISITS_SHARE', { numerator: '1', denominator: '100' }), view('PLAN', { flag: false })],
      [
        view('MISSED_VISITS_SHARE', { numerator: '1', denominator: '100', comment: 'Korjattu' }),
        view('PLAN', { flag: true }),
      ],
      (item, value) => valueText(item, value ? entryOf(value) : undefined, value?.measured, words, en),
    );
    expect(rows.map((row) => [row.code, row.left, row.right, row.changed])).toEqual([
      ['MISSED_VISITS_SHARE', '1 / 100', '1 / 100', true],
      ['PLAN', 'No', 'Yes', true],
    ]);
  });
});
