import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { ReportFormItem, ReportRevision, ReportRevisionSummary, ReportValueView } from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { catchError, combineLatest, forkJoin, map, of, switchMap } from 'rxjs';
import { entryOf, localized, revisionDiff, valueText } from './report-values';
import { ReportsApi } from './reports-api';

/** The submitted revisions of a report; any two of them side by side with the differences marked. */
@Component({
  selector: 'sopu-report-revisions',
  imports: [MatFormFieldModule, MatIconModule, MatSelectModule, TranslatePipe],
  template: `
    @if (revisions().length === 0) {
      <p class="empty">{{ 'reports.revisions.empty' | t }}</p>
    } @else {
      <div class="table-scroll" role="region" tabindex="0" [attr.aria-label]="'reports.revisions.title' | t">
        <table class="revisions" [attr.aria-label]="'reports.revisions.title' | t">
          <thead>
            <tr>
              <th scope="col">{{ 'reports.revisions.col.number' | t }}</th>
              <th scope="col">{{ 'reports.revisions.col.submittedAt' | t }}</th>
              <th scope="col">{{ 'reports.revisions.col.by' | t }}</th>
              <th scope="col">{{ 'reports.revisions.col.late' | t }}</th>
              <th scope="col">{{ 'reports.revisions.col.reds' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (r of revisions(); track r.id) {
              <tr>
                <td>{{ r.number }}</td>
                <td class="nowrap">{{ i18n.dateTime(r.submittedAt) }}</td>
                <td>{{ r.submittedByEmail ?? '–' }}</td>
                <td>{{ (r.late ? 'reports.yes' : 'reports.no') | t }}</td>
                <td class="number">{{ r.reds }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>

      @if (revisions().length > 1) {
        <div class="pick">
          @for (side of sides; track side.label) {
            <mat-form-field>
              <mat-label>{{ side.label | t }}</mat-label>
              <mat-select [value]="side.number()" (valueChange)="side.number.set($event)">
                @for (r of revisions(); track r.id) {
                  <mat-option [value]="r.number">{{
                    'reports.revisions.option' | t: { number: r.number }
                  }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
          }
        </div>
        <div
          class="table-scroll"
          role="region"
          tabindex="0"
          [attr.aria-label]="'reports.revisions.compare' | t"
        >
          <table
            class="compare"
            [attr.aria-label]="'reports.revisions.compareCaption' | t: { left: left(), right: right() }"
          >
            <thead>
              <tr>
                <th scope="col">{{ 'reports.revisions.col.criterion' | t }}</th>
                <th scope="col">{{ 'reports.revisions.option' | t: { number: left() } }}</th>
                <th scope="col">{{ 'reports.revisions.option' | t: { number: right() } }}</th>
                <th scope="col">{{ 'reports.revisions.col.changed' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of rows(); track row.code) {
                <tr [class.changed]="row.changed">
                  <th scope="row">{{ criterionName(row.item) }}</th>
                  <td>{{ row.left || '–' }}</td>
                  <td>{{ row.right || '–' }}</td>
                  <td>
                    @if (row.changed) {
                      <mat-icon aria-hidden="true" inline>change_circle</mat-icon>
                      {{ 'reports.revisions.changed' | t }}
                    } @else {
                      {{ 'reports.revisions.same' | t }}
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: left;
      padding: 8px 12px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
    }
    thead th {
      font: var(--mat-sys-title-small);
    }
    tbody th {
      font-weight: 500;
    }
    .changed {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .changed td:last-child {
      font-weight: 700;
    }
    .pick {
      display: flex;
      flex-wrap: wrap;
      gap: 0 16px;
      margin-top: 16px;
    }
    .number {
      text-align: right;
    }
    .nowrap {
      white-space: nowrap;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
    .table-scroll {
      overflow-x: auto;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportRevisions {
  private readonly api = inject(ReportsApi);
  protected readonly i18n = inject(I18n);

  readonly reportId = input.required<string>();
  readonly items = input.required<ReportFormItem[]>();
  readonly revisions = input.required<ReportRevisionSummary[]>();

  /** By default the two latest revisions, the earlier on the left. */
  protected readonly left = linkedSignal(() => Math.max(1, this.revisions().length - 1));
  protected readonly right = linkedSignal(() => this.revisions().length);
  protected readonly sides = [
    { label: 'reports.revisions.left' as const, number: this.left },
    { label: 'reports.revisions.right' as const, number: this.right },
  ];

  private readonly pair = toSignal(
    combineLatest([toObservable(this.reportId), toObservable(this.left), toObservable(this.right)]).pipe(
      switchMap(([id, left, right]) =>
        left < 1 || right < 1 || this.revisions().length < 2
          ? of(null)
          : forkJoin([this.api.revision(id, left), this.api.revision(id, right)]).pipe(
              map(([a, b]): [ReportRevision, ReportRevision] => [a, b]),
              catchError(() => of(null)),
            ),
      ),
    ),
    { initialValue: null },
  );

  protected readonly rows = computed(() => {
    const pair = this.pair();
    if (!pair) return [];
    return revisionDiff(this.items(), pair[0].values, pair[1].values, (item, value) =>
      this.text(item, value),
    );
  });

  protected criterionName(item: ReportFormItem): string {
    return localized(item.criterion.name, this.i18n.lang());
  }

  private text(item: ReportFormItem, value: ReportValueView | undefined): string {
    const shown = valueText(
      item,
      value ? entryOf(value) : undefined,
      value?.measured,
      {
        yes: this.i18n.t('reports.yes'),
        no: this.i18n.t('reports.no'),
        notApplicable: this.i18n.t('reports.notApplicable'),
        respondents: this.i18n.t('reports.field.respondents'),
      },
      { locale: this.i18n.locale(), lang: this.i18n.lang() },
    );
    const comment = value?.comment?.trim();
    return comment ? `${shown} — ${this.i18n.t('reports.field.comment')}: ${comment}` : shown;
  }
}
