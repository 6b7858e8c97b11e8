import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { CODE_PATTERN, CorrectiveAction, DEVIATION_KINDS, DEVIATION_STATUSES, Deviation } from '@sopu/shared';
import { serviceNames } from '@sopu/web/contracts';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { filteredList, oneOf, urlFilters } from '@sopu/web/ui';
import { map } from 'rxjs';
import { OpenActionDialog, OpenActionDialogData } from './open-action-dialog';
import { ACTION_MANAGERS, hasRole } from './steering-access';
import { DeviationQuery, SteeringApi } from './steering-api';
import { SteeringLabel, steeringLabel } from './steering-label';
import { criterionNames, formatMeasured } from './steering-names';

/** The largest page the list asks for; the count above the table says when there are more. */
const PAGE_SIZE = 200;

/** Deviations found in submitted reports. Filters live in the URL; managers open corrective actions here. */
@Component({
  selector: 'sopu-deviations-page',
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
  templateUrl: './deviations-page.html',
  styleUrl: './steering-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeviationsPage {
  private readonly api = inject(SteeringApi);
  private readonly dialog = inject(MatDialog);
  protected readonly i18n = inject(I18n);
  protected readonly services = serviceNames();
  protected readonly criteria = criterionNames();
  protected readonly canManage = hasRole(ACTION_MANAGERS);

  /** Query parameters, bound by the router. */
  readonly status = input<string>();
  readonly kind = input<string>();
  readonly service = input<string>();
  readonly withoutAction = input<string>();

  protected readonly statuses = DEVIATION_STATUSES;
  protected readonly kinds = DEVIATION_KINDS;
  protected readonly columns = [
    'producer',
    'service',
    'period',
    'kind',
    'criterion',
    'measured',
    'status',
    'action',
  ];

  private readonly reloads = signal(0);
  protected readonly query = computed<DeviationQuery & { reload: number }>(() => ({
    status: oneOf(DEVIATION_STATUSES, this.status()),
    kind: oneOf(DEVIATION_KINDS, this.kind()),
    service: CODE_PATTERN.test(this.service() ?? '') ? this.service() : '',
    withoutAction: this.withoutAction() === 'true' ? true : null,
    pageSize: PAGE_SIZE,
    reload: this.reloads(),
  }));
  protected readonly filters = urlFilters(['status', 'kind', 'service', 'withoutAction'], signal(undefined));
  private readonly total = signal(0);
  protected readonly deviations = filteredList(this.query, ({ reload: _reload, ...query }) =>
    this.api.deviations(query).pipe(
      map((page) => {
        this.total.set(page.total);
        return page.items;
      }),
    ),
  );
  protected readonly shownCount = computed(() =>
    this.i18n.t('deviations.count', { shown: this.deviations.rows().length, total: this.total() }),
  );

  protected measured(d: Deviation): string {
    return formatMeasured(d.measured, this.i18n.locale());
  }

  protected describe(d: Deviation): string {
    const kind = steeringLabel(this.i18n, 'deviationKind', d.kind);
    return this.i18n.t('deviations.summary', {
      service: this.services.name(d.serviceCode),
      period: this.i18n.date(d.periodStart),
      kind: d.criterionCode ? `${kind}: ${this.criteria.name(d.criterionCode)}` : kind,
      producer: d.producerName,
    });
  }

  protected openAction(deviation: Deviation): void {
    const data: OpenActionDialogData = { deviation, summary: this.describe(deviation) };
    this.dialog
      .open<OpenActionDialog, OpenActionDialogData, CorrectiveAction>(OpenActionDialog, { data })
      .afterClosed()
      .subscribe((action) => {
        if (action) this.reloads.update((n) => n + 1);
      });
  }
}
