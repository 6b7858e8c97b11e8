import {
  comparisonQueryParams,
  monthBefore,
  monthsBetween,
  parseComparisonState,
  rangeProblem,
} from './comparison-state';

const TODAY = new Date('2026-03-15T10:00:00Z');

describe('comparison state in the URL', () => {
  it('defaults to the last twelve full months, every criterion, by producer type, accepted, the table', () => {
    expect(parseComparisonState({}, TODAY)).toEqual({
      service: '',
      from: '2025-03',
      to: '2026-02',
      criteria: [],
      groupBy: 'producerType',
      status: 'accepted',
      view: 'table',
      criterion: '',
      type: '',
    });
  });

  it('reads every part back from the query parameters it wrote', () => {
    const query = {
      service: 'HOME_CARE',
      from: '2024-01',
      to: '2025-12',
      criteria: 'MISSED_VISITS_SHARE,CLIENT_SATISFACTION',
      groupBy: 'district',
      status: 'submitted',
      view: 'funnel',
      criterion: 'MISSED_VISITS_SHARE',
      type: 'VOUCHER_SERVICE',
    };
    const state = parseComparisonState(query, TODAY);
    const params = comparisonQueryParams(state);
    expect(params).toEqual(query);
    const again = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v ?? undefined]));
    expect(parseComparisonState(again, TODAY)).toEqual(state);
  });

  it('ignores what is not allowed and leaves empty parts out of the URL', () => {
    const state = parseComparisonState(
      {
        service: 'home care',
        from: '2025-13',
        to: '20250-01',
        criteria: 'A1,<script>,A1, B2 ,',
        groupBy: 'colour',
        status: 'draft',
        view: 'pie',
        criterion: 'x',
        type: 'FRIENDS',
      },
      TODAY,
    );
    expect(state).toMatchObject({
      service: '',
      from: '2025-03',
      to: '2026-02',
      criteria: ['A1', 'B2'],
      groupBy: 'producerType',
      status: 'accepted',
      view: 'table',
      criterion: '',
      type: '',
    });
    expect(comparisonQueryParams(state)).toMatchObject({
      service: null,
      criteria: 'A1,B2',
      criterion: null,
      type: null,
    });
    expect(comparisonQueryParams({ ...state, criteria: [] }).criteria).toBeNull();
  });

  it('counts months across years and refuses a reversed or too long range', () => {
    expect(monthBefore(new Date('2026-01-31T23:00:00Z'), 1)).toBe('2025-12');
    expect(monthsBetween('2024-11', '2025-02')).toBe(4);
    expect(monthsBetween('2025-02', '2024-11')).toBe(0);
    expect(rangeProblem({ from: '2025-02', to: '2025-01' })).toBe('order');
    expect(rangeProblem({ from: '2015-01', to: '2024-12' })).toBeNull();
    expect(rangeProblem({ from: '2015-01', to: '2025-01' })).toBe('tooLong');
  });
});
