import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { CORRECTIVE_ACTION_STATUSES } from '@sopu/shared';
import { serviceNames } from '@sopu/web/contracts';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { filteredList, oneOf, urlFilters } from '@sopu/web/ui';
import { map } from 'rxjs';
import { CorrectiveActionQuery, SteeringApi } from './steering-api';
import { SteeringLabel } from './steering-label';
import { criterionNames } from './steering-names';

const PAGE_SIZE = 200;

/** Corrective actions, filtered by status and "overdue" in the URL; overdue ones say so in words. */
@Component({
  selector: 'sopu-corrective-actions-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatTableModule,
    SteeringLabel,
    TranslatePipe,
  ],
  template: `
    <div class="heading">
      <h1>{{ 'actions.title' | t }}</h1>
    </div>
    <section class="filters" [attr.aria-label]="'common.filters' | t">
      <mat-form-field>
        <mat-label>{{ 'actions.filter.status' | t }}</mat-label>
        <mat-select [value]="query().status" (valueChange)="filters.set({ status: $event })">
          <mat-option value="">{{ 'common.all' | t }}</mat-option>
          @for (s of statuses; track s) {
            <mat-option [value]="s">{{ s | steeringLabel: 'actionStatus' }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-slide-toggle
        [checked]="query().overdue === true"
        (change)="filters.set({ overdue: $event.checked ? 'true' : '' })"
        >{{ 'actions.filter.overdue' | t }}</mat-slide-toggle
      >
      <button mat-button type="button" class="clear" (click)="filters.clear()">
        {{ 'common.clearFilters' | t }}
      </button>
    </section>
    <div class="loading">
      @if (actions.loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | t" />
      }
    </div>
    <p aria-live="polite">{{ 'actions.count' | t: { shown: actions.rows().length, total: total() } }}</p>
    <div class="table-scroll" role="region" tabindex="0" [attr.aria-label]="'actions.title' | t">
      <table mat-table [dataSource]="actions.rows()" [attr.aria-label]="'actions.title' | t">
        <ng-container matColumnDef="deviation">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'actions.col.deviation' | t }}</th>
          <td mat-cell *matCellDef="let a">
            <a [routerLink]="['/corrective-actions', a.id]">
              {{ services.name(a.serviceCode) }}, {{ i18n.date(a.deviation.periodStart) }}
            </a>
            <div class="hint">
              {{ a.deviation.kind | steeringLabel: 'deviationKind' }}
              @if (a.deviation.criterionCode) {
                – {{ criteria.name(a.deviation.criterionCode) }}
              }
            </div>
          </td>
        </ng-container>
        <ng-container matColumnDef="producer">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'actions.col.producer' | t }}</th>
          <td mat-cell *matCellDef="let a">{{ a.producerName }}</td>
        </ng-container>
        <ng-container matColumnDef="severity">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'actions.col.severity' | t }}</th>
          <td mat-cell *matCellDef="let a">{{ a.severity | steeringLabel: 'severity' }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'actions.col.status' | t }}</th>
          <td mat-cell *matCellDef="let a">
            <span class="status" [class.inactive]="a.status === 'CLOSED'">{{
              a.status | steeringLabel: 'actionStatus'
            }}</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="due">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'actions.col.due' | t }}</th>
          <td mat-cell *matCellDef="let a" class="nowrap">
            {{ i18n.date(a.dueDate) }}
            @if (a.overdue) {
              <span class="overdue"
                ><mat-icon aria-hidden="true">error</mat-icon>{{ 'actions.overdue' | t }}</span
              >
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
        <tr class="mat-mdc-row" *matNoDataRow>
          <td class="mat-mdc-cell empty" [attr.colspan]="columns.length">
            @if (!actions.loading()) {
              {{ 'actions.empty' | t }}
            }
          </td>
        </tr>
      </table>
    </div>
  `,
  styleUrl: './steering-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CorrectiveActionsPage {
  private readonly api = inject(SteeringApi);
  protected readonly i18n = inject(I18n);
  protected readonly services = serviceNames();
  protected readonly criteria = criterionNames();

  /** Query parameters, bound by the router. */
  readonly status = input<string>();
  readonly overdue = input<string>();

  protected readonly statuses = CORRECTIVE_ACTION_STATUSES;
  protected readonly columns = ['deviation', 'producer', 'severity', 'status', 'due'];
  protected readonly query = computed<CorrectiveActionQuery>(() => ({
    status: oneOf(CORRECTIVE_ACTION_STATUSES, this.status()),
    overdue: this.overdue() === 'true' ? true : null,
    pageSize: PAGE_SIZE,
  }));
  protected readonly filters = urlFilters(['status', 'overdue'], signal(undefined));
  protected readonly total = signal(0);
  protected readonly actions = filteredList(this.query, (query) =>
    this.api.actions(query).pipe(
      map((page) => {
        this.total.set(page.total);
        return page.items;
      }),
    ),
  );
}
