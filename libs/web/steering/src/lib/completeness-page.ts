import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { CODE_PATTERN, CompletenessRow } from '@sopu/shared';
import { serviceNames } from '@sopu/web/contracts';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { filteredList, urlFilters } from '@sopu/web/ui';
import { CompletenessQuery, SteeringApi } from './steering-api';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Completeness and timeliness of reporting per service, period and producer type; filters in the URL. */
@Component({
  selector: 'sopu-completeness-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    TranslatePipe,
  ],
  template: `
    <div class="heading">
      <h1>{{ 'completeness.title' | t }}</h1>
    </div>
    <p class="hint">{{ 'completeness.lead' | t }}</p>
    <section class="filters" [attr.aria-label]="'common.filters' | t">
      <mat-form-field>
        <mat-label>{{ 'completeness.filter.service' | t }}</mat-label>
        <mat-select [value]="query().service" (valueChange)="filters.set({ service: $event })">
          <mat-option value="">{{ 'common.all' | t }}</mat-option>
          @for (s of services.services(); track s.code) {
            <mat-option [value]="s.code">{{ services.name(s.code) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'completeness.filter.from' | t }}</mat-label>
        <input matInput type="date" [value]="query().from" (change)="setDate('from', $event)" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'completeness.filter.to' | t }}</mat-label>
        <input matInput type="date" [value]="query().to" (change)="setDate('to', $event)" />
      </mat-form-field>
      <button mat-button type="button" class="clear" (click)="filters.clear()">
        {{ 'common.clearFilters' | t }}
      </button>
    </section>
    <div class="loading">
      @if (rows.loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | t" />
      }
    </div>
    <div class="table-scroll" role="region" tabindex="0" [attr.aria-label]="'completeness.title' | t">
      <table mat-table [dataSource]="rows.rows()" [attr.aria-label]="'completeness.title' | t">
        <ng-container matColumnDef="service">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'completeness.col.service' | t }}</th>
          <td mat-cell *matCellDef="let r">{{ services.name(r.serviceCode) }}</td>
        </ng-container>
        <ng-container matColumnDef="period">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'completeness.col.period' | t }}</th>
          <td mat-cell *matCellDef="let r" class="nowrap">{{ i18n.date(r.periodStart) }}</td>
        </ng-container>
        <ng-container matColumnDef="type">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'completeness.col.type' | t }}</th>
          <td mat-cell *matCellDef="let r">{{ r.producerType ? i18n.producerType(r.producerType) : '' }}</td>
        </ng-container>
        @for (c of counts; track c) {
          <ng-container [matColumnDef]="c">
            <th mat-header-cell *matHeaderCellDef scope="col" class="number">{{ label(c) }}</th>
            <td mat-cell *matCellDef="let r" class="number">{{ count(r, c) }}</td>
          </ng-container>
        }
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
        <tr class="mat-mdc-row" *matNoDataRow>
          <td class="mat-mdc-cell empty" [attr.colspan]="columns.length">
            @if (!rows.loading()) {
              {{ 'completeness.empty' | t }}
            }
          </td>
        </tr>
      </table>
    </div>
  `,
  styleUrl: './steering-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CompletenessPage {
  private readonly api = inject(SteeringApi);
  protected readonly i18n = inject(I18n);
  protected readonly services = serviceNames();

  /** Query parameters, bound by the router. */
  readonly service = input<string>();
  readonly from = input<string>();
  readonly to = input<string>();

  protected readonly counts = [
    'expected',
    'submitted',
    'onTime',
    'late',
    'missing',
    'open',
    'accepted',
  ] as const;
  protected readonly columns = ['service', 'period', 'type', ...this.counts];
  protected readonly query = computed<Required<Omit<CompletenessQuery, 'groupBy'>>>(() => ({
    service: CODE_PATTERN.test(this.service() ?? '') ? (this.service() ?? '') : '',
    from: ISO_DATE.test(this.from() ?? '') ? (this.from() ?? '') : '',
    to: ISO_DATE.test(this.to() ?? '') ? (this.to() ?? '') : '',
  }));
  protected readonly filters = urlFilters(['service', 'from', 'to'], signal(undefined));
  protected readonly rows = filteredList(this.query, (query) =>
    this.api.completeness({ ...query, groupBy: 'producerType' }),
  );

  protected label(column: (typeof this.counts)[number]): string {
    return this.i18n.t(`completeness.col.${column}`);
  }

  protected count(row: CompletenessRow, column: (typeof this.counts)[number]): number {
    return row[column];
  }

  protected setDate(name: 'from' | 'to', event: Event): void {
    this.filters.set({ [name]: (event.target as HTMLInputElement).value });
  }
}
