import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  Signal,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTabsModule } from '@angular/material/tabs';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  COMPARISON_GROUPINGS,
  COMPARISON_MAX_MONTHS,
  COMPARISON_STATUSES,
  ComparisonCriterion,
  ComparisonGrouping,
  ComparisonResult,
  ComparisonStatus,
  MonitoringTerms,
} from '@sopu/shared';
import { CatalogueApi } from '@sopu/web/catalogue';
import { serviceNames } from '@sopu/web/contracts';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { Observable, catchError, distinctUntilChanged, map, of, switchMap, tap } from 'rxjs';
import { ComparisonBars } from './comparison-bars';
import { ComparisonBoxes } from './comparison-boxes';
import { ComparisonCost } from './comparison-cost';
import { buildCsv, buildXlsx, exportFileName } from './comparison-export';
import { ComparisonFunnel } from './comparison-funnel';
import { Sheet, SheetCell, formatCell, sortRows } from './comparison-sheet';
import {
  COMPARISON_VIEWS,
  ComparisonState,
  ComparisonView,
  comparisonQueryParams,
  parseComparisonState,
  rangeProblem,
} from './comparison-state';
import {
  ComparisonRow,
  TABLE_COLUMNS,
  TableColumn,
  barsSheet,
  boxesSheet,
  comparisonRows,
  costSheet,
  funnelPoints,
  funnelSheet,
  producerPoints,
  tableSheet,
  trendsSheet,
  valueFormat,
} from './comparison-tables';
import { comparisonText } from './comparison-text';
import { ComparisonTrends } from './comparison-trends';
import { criterionNames } from './steering-names';
import { ComparisonQuery, SteeringApi } from './steering-api';

/** Loads one answer whenever its query really changes; a null query (or a failed load) gives null. */
function loadedValue<Q, T>(
  query: Signal<Q | null>,
  load: (query: Q) => Observable<T>,
): { value: Signal<T | null>; loading: Signal<boolean> } {
  const loading = signal(false);
  const value = toSignal(
    toObservable(query).pipe(
      distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      tap((q) => loading.set(q !== null)),
      // The global error notice says why a load failed; the page then shows nothing rather than old figures.
      switchMap((q) => (q === null ? of(null) : load(q).pipe(catchError(() => of(null))))),
      tap(() => loading.set(false)),
    ),
    { initialValue: null },
  );
  return { value, loading: loading.asReadonly() };
}

/** Views drawn for one criterion at a time. */
const CHART_VIEWS: readonly ComparisonView[] = ['trends', 'bars', 'boxes', 'cost', 'funnel'];

/**
 * The analyst's comparison of in-house, purchased and voucher production (or producers, districts, languages)
 * on one service's criteria over a period range, as a table and as charts. The whole state lives in the URL.
 */
@Component({
  selector: 'sopu-comparisons-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    MatTabsModule,
    TranslatePipe,
    ComparisonBars,
    ComparisonBoxes,
    ComparisonCost,
    ComparisonFunnel,
    ComparisonTrends,
  ],
  templateUrl: './comparisons-page.html',
  styleUrl: './comparisons-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComparisonsPage implements OnInit {
  private readonly api = inject(SteeringApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly document = inject(DOCUMENT);
  protected readonly i18n = inject(I18n);
  protected readonly services = serviceNames();
  private readonly catalogueApi = inject(CatalogueApi);
  private readonly criterionCatalogue = criterionNames();
  private readonly today = new Date();

  /** Query parameters, bound by the router. */
  readonly service = input<string>();
  readonly from = input<string>();
  readonly to = input<string>();
  readonly criteria = input<string>();
  readonly groupBy = input<string>();
  readonly status = input<string>();
  readonly view = input<string>();
  readonly criterion = input<string>();
  readonly type = input<string>();

  protected readonly views = COMPARISON_VIEWS;
  protected readonly groupings = COMPARISON_GROUPINGS;
  protected readonly statuses = COMPARISON_STATUSES;
  protected readonly maxMonths = COMPARISON_MAX_MONTHS;
  /** The range's first and last month, each with its own field. */
  protected readonly months = [
    { name: 'from', label: 'comparison.filter.from' },
    { name: 'to', label: 'comparison.filter.to' },
  ] as const;
  protected readonly columns = TABLE_COLUMNS;

  protected readonly state = computed(() =>
    parseComparisonState(
      {
        service: this.service(),
        from: this.from(),
        to: this.to(),
        criteria: this.criteria(),
        groupBy: this.groupBy(),
        status: this.status(),
        view: this.view(),
        criterion: this.criterion(),
        type: this.type(),
      },
      this.today,
    ),
  );
  protected readonly rangeProblem = computed(() => rangeProblem(this.state()));
  protected readonly isChart = computed(() => CHART_VIEWS.includes(this.state().view));

  private readonly query = computed<ComparisonQuery | null>(() => {
    const s = this.state();
    if (!s.service || this.rangeProblem()) return null;
    return {
      service: s.service,
      from: s.from,
      to: s.to,
      criteria: s.criteria,
      // A drill-down shows the producers of one type.
      groupBy: s.type ? 'producer' : s.groupBy,
      status: s.status,
    };
  });
  private readonly loaded = loadedValue(this.query, (q) => this.api.comparisons(q));
  protected readonly result = this.loaded.value;

  protected readonly text = computed(() =>
    comparisonText(this.i18n, this.result()?.groupBy ?? 'producerType'),
  );

  /** The criterion the charts show: the chosen one, or the first. */
  protected readonly chartCriterion = computed<ComparisonCriterion | null>(() => {
    const criteria = this.result()?.criteria ?? [];
    return criteria.find((c) => c.code === this.state().criterion) ?? criteria[0] ?? null;
  });

  /** Cost against quality and the funnel need every producer of the chosen criterion. */
  private readonly producerQuery = computed<ComparisonQuery | null>(() => {
    const query = this.query();
    const criterion = this.chartCriterion();
    const view = this.state().view;
    if (!query || !criterion || (view !== 'cost' && view !== 'funnel')) return null;
    return { ...query, criteria: [criterion.code], groupBy: 'producer' };
  });
  private readonly producers = loadedValue(this.producerQuery, (q) => this.api.comparisons(q));

  protected readonly loading = computed(() => this.loaded.loading() || this.producers.loading());

  protected readonly sort = signal<Sort>({ active: '', direction: '' });
  protected readonly rows = computed<ComparisonRow[]>(() => {
    const result = this.result();
    if (!result) return [];
    const rows = comparisonRows(result, this.state().type, this.text());
    const { active, direction } = this.sort();
    const column = TABLE_COLUMNS.find((c) => c === active);
    return column ? sortRows(rows, (row) => row.cells[column], direction, this.i18n.locale()) : rows;
  });

  private readonly points = computed(() => {
    const result = this.producers.value();
    const criterion = result?.criteria[0];
    return result && criterion
      ? { criterion, points: producerPoints(result, criterion, this.state().type) }
      : null;
  });
  protected readonly producerPointList = computed(() => this.points()?.points ?? []);
  protected readonly funnel = computed(() => {
    const points = this.points();
    return points ? funnelPoints(points.points, points.criterion) : null;
  });

  /** What the current view shows, as a sheet: the table's or the chart's figures, for the exports. */
  protected readonly sheet = computed<Sheet | null>(() => {
    const result = this.result();
    const criterion = this.chartCriterion();
    const text = this.text();
    const { view, type } = this.state();
    if (!result || !criterion) return null;
    switch (view) {
      case 'table':
        return tableSheet(this.rows(), text);
      case 'trends':
        return trendsSheet(result, criterion, type, text);
      case 'bars':
        return barsSheet(result, criterion, type, text);
      case 'boxes':
        return boxesSheet(result, criterion, type, text);
      case 'cost': {
        const points = this.points();
        return points ? costSheet(points.points, points.criterion, text) : null;
      }
      case 'funnel': {
        const funnel = this.funnel();
        const points = this.points();
        return funnel && points ? funnelSheet(funnel, points.criterion, text) : null;
      }
    }
  });

  protected readonly summary = computed(() => {
    const result = this.result();
    if (!result) return '';
    return this.i18n.t('comparison.loaded', {
      service: this.services.name(result.service.code),
      from: result.from,
      to: result.to,
      criteria: result.criteria.length,
      rows: this.rows().length,
    });
  });

  /** The service's criteria for the criteria select: those of its monitoring terms, text answers left out. */
  private readonly terms = toSignal(
    toObservable(computed(() => this.state().service)).pipe(
      distinctUntilChanged(),
      switchMap((service) =>
        service
          ? this.catalogueApi.termsVersions(service).pipe(catchError(() => of([] as MonitoringTerms[])))
          : of([] as MonitoringTerms[]),
      ),
      map((versions) => [
        ...new Set(
          versions.filter((v) => v.status !== 'DRAFT').flatMap((v) => v.items.map((i) => i.criterionCode)),
        ),
      ]),
    ),
    { initialValue: [] as string[] },
  );
  protected readonly criterionOptions = computed(() =>
    this.terms()
      .filter((code) => this.criterionCatalogue.byCode(code)?.measureType !== 'TEXT')
      .map((code) => ({ code, name: this.criterionCatalogue.name(code) })),
  );

  protected readonly exporting = signal(false);
  protected readonly exportError = signal('');

  ngOnInit(): void {
    // The period range is written into the URL at once, so that a shared link shows the same months later.
    const params = comparisonQueryParams(this.state());
    const current = this.route.snapshot.queryParamMap;
    if (Object.entries(params).some(([key, value]) => (current.get(key) ?? null) !== value))
      this.navigate(this.state());
  }

  protected update(changes: Partial<ComparisonState>): void {
    this.navigate({ ...this.state(), ...changes });
  }

  private navigate(state: ComparisonState): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: comparisonQueryParams(state),
      replaceUrl: true,
    });
  }

  protected chooseService(service: string): void {
    this.update({ service, criteria: [], criterion: '', type: '' });
  }

  protected chooseCriteria(codes: string[]): void {
    const all = this.criterionOptions().length;
    this.update({ criteria: codes.length === all ? [] : codes, criterion: '' });
  }

  protected setMonth(name: 'from' | 'to', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (/^\d{4}-\d{2}$/.test(value)) this.update({ [name]: value });
  }

  /** Query parameters of a view's tab: the rest of the state stays. */
  protected viewParams(view: ComparisonView): Record<string, string | null> {
    return comparisonQueryParams({ ...this.state(), view });
  }

  protected drillParams(row: ComparisonRow): Record<string, string | null> {
    return comparisonQueryParams({ ...this.state(), type: row.group?.producerType ?? '' });
  }

  /** The producer type drilled into, by name. */
  protected readonly drillType = computed(() => {
    const type = this.state().type;
    return type ? this.i18n.producerType(type) : '';
  });

  protected readonly backParams = computed(() => comparisonQueryParams({ ...this.state(), type: '' }));

  /** A producer type row leads to its producers; a producer row to its reports. */
  protected rowLink(row: ComparisonRow): 'type' | 'producer' | null {
    const grouping = this.result()?.groupBy;
    if (!row.group) return null;
    if (grouping === 'producerType' && row.group.producerType) return 'type';
    if (grouping === 'producer') return 'producer';
    return null;
  }

  protected reportParams(row: ComparisonRow): Record<string, string> {
    return { producer: row.group?.key ?? '', service: this.state().service };
  }

  protected show(cell: SheetCell): string {
    return formatCell(cell, this.i18n.locale());
  }

  protected unit(criterion: ComparisonCriterion): string {
    return valueFormat(criterion, this.text()).unit;
  }

  protected columnLabel(column: TableColumn): string {
    return this.i18n.t(`comparison.col.${column}`);
  }

  protected groupingLabel(grouping: ComparisonGrouping): string {
    return this.i18n.t(`comparison.groupBy.${grouping}`);
  }

  protected statusLabel(status: ComparisonStatus): string {
    return this.i18n.t(`comparison.status.${status}`);
  }

  protected viewLabel(view: ComparisonView): string {
    return this.i18n.t(`comparison.view.${view}`);
  }

  protected isFunnelCriterion(criterion: ComparisonCriterion): boolean {
    return criterion.measureType === 'PERCENTAGE' || criterion.measureType === 'RATE';
  }

  protected numeric(column: TableColumn): boolean {
    return column !== 'criterion' && column !== 'group';
  }

  protected lightIcon(column: TableColumn): string | null {
    return column === 'green'
      ? 'check_circle'
      : column === 'amber'
        ? 'warning'
        : column === 'red'
          ? 'error'
          : null;
  }

  private fileName(extension: 'csv' | 'xlsx'): string {
    const s = this.state();
    return exportFileName(
      [
        this.i18n.t('comparison.fileName'),
        s.service,
        s.from,
        s.to,
        s.view,
        this.isChart() ? (this.chartCriterion()?.code ?? '') : '',
      ],
      extension,
    );
  }

  protected exportCsv(): void {
    const sheet = this.sheet();
    if (!sheet) return;
    const csv = buildCsv(sheet, this.i18n.locale());
    this.save(new Blob([csv], { type: 'text/csv;charset=utf-8' }), this.fileName('csv'));
  }

  protected async exportXlsx(): Promise<void> {
    const sheet = this.sheet();
    if (!sheet || this.exporting()) return;
    this.exporting.set(true);
    this.exportError.set('');
    try {
      this.save(await buildXlsx(sheet), this.fileName('xlsx'));
    } catch {
      this.exportError.set(this.i18n.t('comparison.exportFailed'));
    } finally {
      this.exporting.set(false);
    }
  }

  private save(blob: Blob, name: string): void {
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = name;
    this.document.body.appendChild(link);
    link.click();
    link.remove();
    // The browser reads the file after the click returns; freeing it at once could cut the download short.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }

  protected readonly resultCriteria = computed(() => this.result()?.criteria ?? []);
  protected readonly empty = computed(() => {
    const result: ComparisonResult | null = this.result();
    return !!result && (result.criteria.length === 0 || result.groups.length === 0);
  });
}
