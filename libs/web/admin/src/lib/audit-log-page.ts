import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorIntl, MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { AuditEventView, Page } from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { catchError, debounceTime, of, switchMap, tap } from 'rxjs';
import { AuditApi, AuditQuery } from './audit-api';
import { TranslatedPaginatorIntl } from './translated-paginator-intl';

interface TextFilters {
  action: string;
  entityType: string;
}

/** A date input's `YYYY-MM-DD` as the start or the end of that day in the user's time zone. */
function dayBoundary(day: string, end: boolean): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return '';
  const date = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

@Component({
  selector: 'sopu-audit-log-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
    TranslatePipe,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  templateUrl: './audit-log-page.html',
  styleUrl: './audit-log-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditLogPage {
  private readonly api = inject(AuditApi);
  protected readonly i18n = inject(I18n);

  protected readonly columns = ['expand', 'time', 'actor', 'action', 'entityType', 'entityId'];
  protected readonly pageSizes = [25, 50, 100];

  protected readonly textFilters = signal<TextFilters>({ action: '', entityType: '' });
  private readonly debouncedText = toSignal(toObservable(this.textFilters).pipe(debounceTime(300)), {
    initialValue: { action: '', entityType: '' },
  });
  protected readonly fromDay = signal('');
  protected readonly toDay = signal('');
  protected readonly pageSize = signal(50);
  protected readonly pageIndex = linkedSignal({
    source: () => [this.debouncedText(), this.fromDay(), this.toDay(), this.pageSize()],
    computation: () => 0,
  });

  private readonly query = computed<AuditQuery>(() => ({
    action: this.debouncedText().action.trim(),
    entityType: this.debouncedText().entityType.trim(),
    from: dayBoundary(this.fromDay(), false),
    to: dayBoundary(this.toDay(), true),
    page: this.pageIndex() + 1,
    pageSize: this.pageSize(),
  }));

  protected readonly loading = signal(true);
  private readonly result = toSignal(
    toObservable(this.query).pipe(
      tap(() => this.loading.set(true)),
      switchMap((query) => this.api.list(query).pipe(catchError(() => of(null)))),
      tap(() => this.loading.set(false)),
    ),
    { initialValue: null as Page<AuditEventView> | null },
  );
  protected readonly events = computed(() => this.result()?.items ?? []);
  protected readonly total = computed(() => this.result()?.total ?? 0);
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());

  protected setText(key: keyof TextFilters, value: string): void {
    this.textFilters.update((filters) => ({ ...filters, [key]: value }));
  }

  protected clearFilters(): void {
    this.textFilters.set({ action: '', entityType: '' });
    this.fromDay.set('');
    this.toDay.set('');
  }

  protected changePage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  protected toggle(event: AuditEventView): void {
    this.expanded.update((open) => {
      const next = new Set(open);
      if (!next.delete(event.id)) next.add(event.id);
      return next;
    });
  }

  protected json(value: unknown): string {
    return value === null || value === undefined
      ? this.i18n.t('audit.noValue')
      : JSON.stringify(value, null, 2);
  }
}
