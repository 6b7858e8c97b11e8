import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { Page } from '@sopu/shared';
import { TranslatePipe, TranslationKey } from '@sopu/web/i18n';
import { Observable, catchError, forkJoin, map, of } from 'rxjs';
import { SteeringApi } from './steering-api';

interface WorkCount {
  label: TranslationKey;
  icon: string;
  path: string;
  query: Record<string, string>;
  /** Null while loading or when the count could not be read. */
  count: number | null;
}

/** Staff's "what needs doing": counts of the steering queues, each leading to its filtered list. */
@Component({
  selector: 'sopu-staff-home',
  imports: [MatIconModule, RouterLink, TranslatePipe],
  template: `
    <section class="work" aria-labelledby="home-queues">
      <h2 id="home-queues">{{ 'homeWork.queues' | t }}</h2>
      <ul class="counts">
        @for (c of counts(); track c.label) {
          <li>
            <a [routerLink]="c.path" [queryParams]="c.query" class="count-link">
              <mat-icon aria-hidden="true">{{ c.icon }}</mat-icon>
              <span class="count">{{ c.count ?? '…' }}</span>
              <span class="label">{{ c.label | t }}</span>
            </a>
          </li>
        }
      </ul>
    </section>
  `,
  styleUrl: './home-work.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffHome {
  private readonly api = inject(SteeringApi);

  private readonly queues: Omit<WorkCount, 'count'>[] = [
    {
      label: 'homeWork.awaitingReview',
      icon: 'rate_review',
      path: '/reports',
      query: { status: 'SUBMITTED' },
    },
    {
      label: 'homeWork.deviationsWithoutAction',
      icon: 'report',
      path: '/deviations',
      query: { status: 'OPEN', withoutAction: 'true' },
    },
    {
      label: 'homeWork.plansAwaitingDecision',
      icon: 'pending_actions',
      path: '/corrective-actions',
      query: { status: 'PLAN_SUBMITTED' },
    },
    {
      label: 'homeWork.overdueActions',
      icon: 'alarm',
      path: '/corrective-actions',
      query: { overdue: 'true' },
    },
  ];

  private total(page: Observable<Page<unknown>>): Observable<number | null> {
    return page.pipe(
      map((p) => p.total),
      catchError(() => of(null)),
    );
  }

  protected readonly counts = toSignal(
    forkJoin([
      this.total(this.api.reports({ status: 'SUBMITTED', pageSize: 1 })),
      this.total(this.api.deviations({ status: 'OPEN', withoutAction: true, pageSize: 1 })),
      this.total(this.api.actions({ status: 'PLAN_SUBMITTED', pageSize: 1 })),
      this.total(this.api.actions({ overdue: true, pageSize: 1 })),
    ]).pipe(map((totals) => this.queues.map((q, i) => ({ ...q, count: totals[i] })))),
    { initialValue: this.queues.map((q) => ({ ...q, count: null })) },
  );
}
