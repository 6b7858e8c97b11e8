import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import {
  CODE_PATTERN,
  ExpectedReportStatus,
  Producer,
  REPORT_STATUSES,
  ReportObligation,
  ServiceDescription,
} from '@sopu/shared';
import { AuthStore } from '@sopu/web/auth';
import { CatalogueApi } from '@sopu/web/catalogue';
import { I18n, TranslatePipe, TranslationKey } from '@sopu/web/i18n';
import { ProducersApi } from '@sopu/web/producers';
import { filteredList, oneOf, urlFilters } from '@sopu/web/ui';
import { catchError, map, of, tap } from 'rxjs';
import { ReportQuery, ReportsApi } from './reports-api';
import { localized } from './report-values';

export const REPORTS_PAGE_SIZE = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Statuses in which a report still waits for its producer. */
const OPEN: readonly ExpectedReportStatus[] = ['EXPECTED', 'DRAFT', 'RETURNED'];

/**
 * The reports: expected, being written, submitted, accepted, returned. A reporter sees their own producer's
 * (the API decides). The filters and the page live in the URL (`?status=RETURNED&page=2`).
 */
@Component({
  selector: 'sopu-reports-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    TranslatePipe,
  ],
  templateUrl: './reports-page.html',
  styleUrl: './reports-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportsPage {
  private readonly api = inject(ReportsApi);
  private readonly auth = inject(AuthStore);
  protected readonly i18n = inject(I18n);

  /** Query parameters, bound by the router. */
  readonly status = input<string>();
  readonly service = input<string>();
  /** A producer's id: the comparison page links here to one producer's reports. */
  readonly producer = input<string>();
  readonly page = input<string>();

  protected readonly statuses = REPORT_STATUSES;
  protected readonly pageSize = REPORTS_PAGE_SIZE;
  protected readonly reporter = computed(() => this.auth.role() === 'PROVIDER_REPORTER');
  protected readonly columns = computed(() =>
    this.reporter()
      ? ['period', 'service', 'dueDate', 'status']
      : ['period', 'service', 'producer', 'dueDate', 'status'],
  );

  protected readonly query = computed<ReportQuery>(() => {
    const page = Number(this.page());
    return {
      status: oneOf(REPORT_STATUSES, this.status()),
      service: CODE_PATTERN.test(this.service() ?? '') ? this.service() : '',
      producerId: UUID.test(this.producer() ?? '') ? this.producer() : '',
      page: Number.isInteger(page) && page > 1 ? page : 1,
      pageSize: REPORTS_PAGE_SIZE,
    };
  });
  private readonly noSearch = signal<string | undefined>(undefined);
  protected readonly filters = urlFilters(['status', 'service', 'producer', 'page'], this.noSearch);
  protected readonly total = signal(0);
  protected readonly currentPage = computed(() => this.query().page ?? 1);
  protected readonly pageCount = computed(() => Math.max(1, Math.ceil(this.total() / REPORTS_PAGE_SIZE)));
  protected readonly reports = filteredList(this.query, (query) =>
    this.api.list(query).pipe(
      tap((page) => this.total.set(page.total)),
      map((page) => page.items),
    ),
  );

  private readonly services = toSignal(
    inject(CatalogueApi)
      .descriptions()
      .pipe(catchError(() => of([] as ServiceDescription[]))),
    { initialValue: [] as ServiceDescription[] },
  );
  protected readonly serviceOptions = computed(() => this.services());
  protected readonly producerOptions = computed(() =>
    [...this.producers()].sort((a, b) => a.name.localeCompare(b.name, this.i18n.locale())),
  );
  // A reporter's list is their own producer's: no producer column, no need to ask for names.
  private readonly producers = toSignal(
    (this.reporter() ? of([] as Producer[]) : inject(ProducersApi).list()).pipe(
      catchError(() => of([] as Producer[])),
    ),
    { initialValue: [] as Producer[] },
  );
  private readonly producerNames = computed(() => new Map(this.producers().map((p) => [p.id, p.name])));

  protected serviceName(code: string): string {
    const service = this.services().find((s) => s.code === code);
    return localized(service?.name, this.i18n.lang()) || code;
  }

  protected producerName(id: string): string {
    return this.producerNames().get(id) ?? '';
  }

  protected statusKey(status: ExpectedReportStatus): TranslationKey {
    return `contracts.reportStatus.${status}`;
  }

  protected periodKey(report: ReportObligation): TranslationKey {
    return `contracts.periodType.${report.periodType}`;
  }

  protected period(report: ReportObligation): string {
    return `${this.i18n.date(report.periodStart)}–${this.i18n.date(report.periodEnd)}`;
  }

  /** Past its due date and still waiting for the producer. */
  protected overdue(report: ReportObligation): boolean {
    const today = new Date().toISOString().slice(0, 10);
    return OPEN.includes(report.status) && report.dueDate < today;
  }

  protected filter(changes: { status?: string; service?: string; producer?: string }): void {
    this.filters.set({ ...changes, page: '' });
  }

  protected turnPage(page: number): void {
    this.filters.set({ page: page > 1 ? String(page) : '' });
  }
}
