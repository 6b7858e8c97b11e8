import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@sopu/web/i18n';
import { ComparisonDataTable } from './comparison-data-table';
import { Sheet } from './comparison-sheet';
import { SeriesStyle } from './comparison-tables';
import { markerPath } from './chart-scale';

export interface LegendEntry {
  label: string;
  style: SeriesStyle;
  /** Lines show their pattern; points show only the marker. */
  line?: boolean;
}

/**
 * A chart with its title (the title of its table alternative, the sheet), a one-sentence summary for screen readers (the drawing itself is one image), a legend
 * that names colours and shapes in words, and a button that shows the same figures as a table.
 */
@Component({
  selector: 'sopu-comparison-chart-frame',
  imports: [ComparisonDataTable, MatButtonModule, MatIconModule, TranslatePipe],
  template: `
    <figure class="chart">
      <figcaption>
        <h2 class="chart-title">{{ sheet().title }}</h2>
      </figcaption>
      <div class="drawing" role="img" [attr.aria-label]="summary()">
        <ng-content />
      </div>
      @if (legend().length) {
        <ul class="legend" [attr.aria-label]="'comparison.legend' | t">
          @for (entry of legend(); track entry.label) {
            <li>
              <svg width="36" height="16" viewBox="0 0 36 16" aria-hidden="true" focusable="false">
                @if (entry.line) {
                  <line
                    x1="2"
                    y1="8"
                    x2="34"
                    y2="8"
                    [attr.stroke]="entry.style.colour"
                    stroke-width="2.5"
                    [attr.stroke-dasharray]="entry.style.dash || null"
                  />
                }
                <path
                  [attr.d]="marker(entry)"
                  [attr.fill]="entry.style.colour"
                  stroke="#fff"
                  stroke-width="1"
                />
              </svg>
              {{ entry.label }}
            </li>
          }
        </ul>
      }
      <ng-content select="[chartNotes]" />
    </figure>
    <button
      mat-stroked-button
      type="button"
      class="table-toggle"
      [attr.aria-expanded]="showTable()"
      (click)="showTable.set(!showTable())"
    >
      <mat-icon aria-hidden="true">{{ showTable() ? 'visibility_off' : 'table_chart' }}</mat-icon>
      {{ (showTable() ? 'comparison.hideTable' : 'comparison.showTable') | t }}
    </button>
    @if (showTable()) {
      <sopu-comparison-data-table [sheet]="sheet()" />
    }
  `,
  styles: `
    :host {
      display: block;
    }
    figure.chart {
      margin: 0 0 8px;
    }
    .chart-title {
      font: var(--mat-sys-title-medium);
      margin: 8px 0;
    }
    .drawing {
      max-width: 60rem;
      ::ng-deep svg {
        display: block;
        width: 100%;
        height: auto;
      }
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 20px;
      list-style: none;
      padding: 0;
      margin: 8px 0;
      li {
        display: inline-flex;
        align-items: center;
        gap: 6px;
      }
    }
    .table-toggle {
      margin: 8px 0 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComparisonChartFrame {
  readonly summary = input.required<string>();
  readonly sheet = input.required<Sheet>();
  readonly legend = input<LegendEntry[]>([]);

  protected readonly showTable = signal(false);

  protected marker(entry: LegendEntry): string {
    return markerPath(entry.style.shape, 18, 8, 5);
  }
}
