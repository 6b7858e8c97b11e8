import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { BenchmarkRow, CorrectiveAction, ReportObligation } from '@sopu/shared';
import { serviceNames } from '@sopu/web/contracts';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { catchError, forkJoin, map, of, shareReplay, switchMap } from 'rxjs';
import { BenchmarkTable } from './benchmark-table';
import { helsinkiToday, reportsNeedingWork } from './reports-due';
import { criterionNames } from './steering-names';
import { SteeringApi } from './steering-api';
import { SteeringLabel } from './steering-label';

interface ServiceBenchmark {
  service: string;
  rows: BenchmarkRow[];
}

/** A provider reporter's "what needs doing": reports due, overdue and returned, open actions, own figures. */
@Component({
  selector: 'sopu-provider-home',
  imports: [MatIconModule, RouterLink, BenchmarkTable, SteeringLabel, TranslatePipe],
  template: `
    <section class="work" aria-labelledby="home-reports">
      <h2 id="home-reports">{{ 'homeWork.reports' | t }}</h2>
      <div class="columns">
        <div>
          <h3>{{ 'homeWork.overdue' | t: { count: work().overdue.length } }}</h3>
          <ul>
            @for (r of work().overdue; track r.id) {
              <li>
                <a [routerLink]="['/reports', r.id]">{{ reportName(r) }}</a>
                <span class="overdue-text">
                  <mat-icon aria-hidden="true">warning</mat-icon>
                  {{ 'homeWork.wasDue' | t: { date: i18n.date(r.dueDate) } }}
                </span>
              </li>
            } @empty {
              <li class="none">{{ 'homeWork.noneOverdue' | t }}</li>
            }
          </ul>
        </div>
        <div>
          <h3>{{ 'homeWork.dueSoon' | t: { count: work().dueSoon.length } }}</h3>
          <ul>
            @for (r of work().dueSoon; track r.id) {
              <li>
                <a [routerLink]="['/reports', r.id]">{{ reportName(r) }}</a>
                {{ 'homeWork.due' | t: { date: i18n.date(r.dueDate) } }}
              </li>
            } @empty {
              <li class="none">{{ 'homeWork.noneDueSoon' | t }}</li>
            }
          </ul>
        </div>
        <div>
          <h3>{{ 'homeWork.returned' | t: { count: work().returned.length } }}</h3>
          <ul>
            @for (r of work().returned; track r.id) {
              <li>
                <a [routerLink]="['/reports', r.id]">{{ reportName(r) }}</a>
              </li>
            } @empty {
              <li class="none">{{ 'homeWork.noneReturned' | t }}</li>
            }
          </ul>
        </div>
      </div>
    </section>

    <section class="work" aria-labelledby="home-actions">
      <h2 id="home-actions">{{ 'homeWork.openActions' | t: { count: openActions().length } }}</h2>
      <ul>
        @for (a of openActions(); track a.id) {
          <li [class.overdue-item]="a.overdue">
            <a [routerLink]="['/corrective-actions', a.id]">{{ actionName(a) }}</a>
            – {{ a.status | steeringLabel: 'actionStatus' }},
            @if (a.overdue) {
              <strong class="overdue-text">
                <mat-icon aria-hidden="true">error</mat-icon>
                {{ 'homeWork.actionOverdue' | t: { date: i18n.date(a.dueDate) } }}
              </strong>
            } @else {
              {{ 'homeWork.due' | t: { date: i18n.date(a.dueDate) } }}
            }
          </li>
        } @empty {
          <li class="none">{{ 'homeWork.noOpenActions' | t }}</li>
        }
      </ul>
    </section>

    <section class="work" aria-labelledby="home-benchmark">
      <h2 id="home-benchmark">{{ 'benchmark.title' | t }}</h2>
      <p class="hint">{{ 'benchmark.explanation' | t }}</p>
      @for (b of benchmarks(); track b.service) {
        @if (b.rows.length) {
          <sopu-benchmark-table
            [serviceName]="services.name(b.service)"
            [rows]="b.rows"
            [criteria]="criteria"
          />
        } @else {
          <p>{{ 'benchmark.noneYet' | t: { service: services.name(b.service) } }}</p>
        }
      } @empty {
        <p>{{ 'benchmark.noServices' | t }}</p>
      }
    </section>
  `,
  styleUrl: './home-work.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProviderHome {
  private readonly api = inject(SteeringApi);
  protected readonly i18n = inject(I18n);
  protected readonly services = serviceNames();
  protected readonly criteria = criterionNames();

  /** The producer's reports (a reporter sees only their own), read once for the lists and the benchmarks. */
  private readonly reports$ = this.api.reports({ pageSize: 500 }).pipe(
    map((page) => page.items),
    catchError(() => of([] as ReportObligation[])),
    shareReplay(1),
  );
  private readonly reports = toSignal(this.reports$, { initialValue: [] as ReportObligation[] });
  protected readonly work = computed(() => reportsNeedingWork(this.reports(), helsinkiToday()));

  private readonly actions = toSignal(
    this.api.actions({ pageSize: 200 }).pipe(
      map((page) => page.items),
      catchError(() => of([] as CorrectiveAction[])),
    ),
    { initialValue: [] as CorrectiveAction[] },
  );
  /** Overdue first, then by due date. */
  protected readonly openActions = computed(() =>
    this.actions()
      .filter((a) => a.status !== 'CLOSED')
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate)),
  );

  /** One benchmark per service the producer reports on. */
  protected readonly benchmarks = toSignal(
    this.reports$.pipe(
      map((reports) => [...new Set(reports.map((r) => r.serviceCode))].sort()),
      switchMap((codes) =>
        codes.length
          ? forkJoin(
              codes.map((service) =>
                this.api.benchmarks(service).pipe(
                  map((rows): ServiceBenchmark => ({ service, rows })),
                  catchError(() => of<ServiceBenchmark>({ service, rows: [] })),
                ),
              ),
            )
          : of([] as ServiceBenchmark[]),
      ),
      catchError(() => of([] as ServiceBenchmark[])),
    ),
    { initialValue: [] as ServiceBenchmark[] },
  );

  protected reportName(report: ReportObligation): string {
    return this.i18n.t('homeWork.reportName', {
      service: this.services.name(report.serviceCode),
      period: this.i18n.date(report.periodStart),
    });
  }

  protected actionName(action: CorrectiveAction): string {
    return this.i18n.t('homeWork.actionName', {
      service: this.services.name(action.serviceCode),
      period: this.i18n.date(action.deviation.periodStart),
    });
  }
}
