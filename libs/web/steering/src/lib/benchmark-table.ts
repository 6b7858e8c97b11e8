import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { BenchmarkRow } from '@sopu/shared';
import { localized } from '@sopu/web/contracts';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { benchmarkSummaryKeys } from './benchmark-summary';
import { CriterionNames, formatMeasured } from './steering-names';

/**
 * One service's figures of the producer against the other producers' quartiles: never a name or a single
 * other producer's value, and no distribution at all when fewer than three others reported.
 */
@Component({
  selector: 'sopu-benchmark-table',
  imports: [TranslatePipe],
  template: `
    <div class="table-scroll" role="region" tabindex="0" [attr.aria-label]="caption()">
      <table class="plain">
        <caption>
          {{
            caption()
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'benchmark.col.criterion' | t }}</th>
            <th scope="col">{{ 'benchmark.col.period' | t }}</th>
            <th scope="col" class="number">{{ 'benchmark.col.mine' | t }}</th>
            <th scope="col" class="number">{{ 'benchmark.col.q1' | t }}</th>
            <th scope="col" class="number">{{ 'benchmark.col.median' | t }}</th>
            <th scope="col" class="number">{{ 'benchmark.col.q3' | t }}</th>
            <th scope="col">{{ 'benchmark.col.summary' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (row of lines(); track row.code) {
            <tr>
              <th scope="row">
                {{ row.name }}
                @if (row.unit) {
                  <span class="unit">({{ row.unit }})</span>
                }
              </th>
              <td class="nowrap">{{ row.period }}</td>
              <td class="number">{{ row.mine }}</td>
              <td class="number">{{ row.q1 }}</td>
              <td class="number">{{ row.median }}</td>
              <td class="number">{{ row.q3 }}</td>
              <td>{{ row.summary }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .table-scroll {
      overflow-x: auto;
      margin-bottom: 16px;
    }
    table.plain {
      border-collapse: collapse;
      width: 100%;
    }
    caption {
      text-align: left;
      font: var(--mat-sys-title-small);
      padding: 8px 0;
    }
    th,
    td {
      padding: 6px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: left;
      vertical-align: top;
    }
    th[scope='row'] {
      font-weight: 500;
    }
    .number {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .unit {
      display: block;
      font-weight: 400;
      color: var(--mat-sys-on-surface-variant);
    }
    .nowrap {
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BenchmarkTable {
  private readonly i18n = inject(I18n);

  readonly serviceName = input.required<string>();
  readonly rows = input.required<BenchmarkRow[]>();
  readonly criteria = input.required<CriterionNames>();

  protected readonly caption = computed(() =>
    this.i18n.t('benchmark.caption', { service: this.serviceName() }),
  );

  protected readonly lines = computed(() => {
    const locale = this.i18n.locale();
    const names = this.criteria();
    return this.rows().map((row) => {
      const criterion = names.byCode(row.criterionCode);
      const unit = localized(criterion?.unit, this.i18n.lang());
      const value = (n: number | null) => formatMeasured(n, locale) || '–';
      return {
        code: row.criterionCode,
        name: names.name(row.criterionCode),
        unit,
        period: this.i18n.date(row.periodStart),
        mine: value(row.mine),
        q1: value(row.q1),
        median: value(row.median),
        q3: value(row.q3),
        summary: benchmarkSummaryKeys(row, criterion?.direction ?? null)
          .map((key) => this.i18n.t(key, { count: row.producers }))
          .join(' '),
      };
    });
  });
}
