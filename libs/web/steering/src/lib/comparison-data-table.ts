import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18n } from '@sopu/web/i18n';
import { Sheet, formatCell } from './comparison-sheet';

/** A sheet as a plain table: a chart's "show as table" (the first column names the row). */
@Component({
  selector: 'sopu-comparison-data-table',
  template: `
    <div class="data-scroll" role="region" tabindex="0" [attr.aria-label]="sheet().title">
      <table class="data">
        <caption>
          {{
            sheet().title
          }}
        </caption>
        <thead>
          <tr>
            @for (column of sheet().columns; track column.key) {
              <th scope="col" [class.number]="column.numeric">
                {{ column.header }}
                @if (column.unit) {
                  <span class="unit">({{ column.unit }})</span>
                }
              </th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of lines(); track $index) {
            <tr>
              @for (cell of row; track $index) {
                @if ($first) {
                  <th scope="row">{{ cell.text }}</th>
                } @else {
                  <td [class.number]="cell.numeric">{{ cell.text }}</td>
                }
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .data-scroll {
      overflow: auto;
      max-height: 60vh;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 4px;
    }
    table.data {
      border-collapse: collapse;
      width: 100%;
    }
    caption {
      text-align: left;
      font: var(--mat-sys-title-small);
      padding: 8px;
    }
    th,
    td {
      padding: 6px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: left;
    }
    thead th {
      position: sticky;
      top: 0;
      background: var(--mat-sys-surface);
      white-space: nowrap;
    }
    th[scope='row'] {
      font-weight: 500;
    }
    .number {
      text-align: right;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .unit {
      font-weight: 400;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComparisonDataTable {
  private readonly i18n = inject(I18n);
  readonly sheet = input.required<Sheet>();

  /** Number cells without their unit: the header names it once. */
  protected readonly lines = computed(() => {
    const locale = this.i18n.locale();
    const { columns, rows } = this.sheet();
    return rows.map((row) =>
      row.map((cell, i) => ({
        text: formatCell(cell, locale, !columns[i]?.unit),
        numeric: columns[i]?.numeric ?? false,
      })),
    );
  });
}
