import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  CORRECTIVE_ACTION_TEXT_MAX,
  CorrectiveAction,
  CorrectiveActionEvidence,
  PlanDecision,
  ReportObligation,
} from '@sopu/shared';
import { serviceNames } from '@sopu/web/contracts';
import { I18n, TranslatePipe, TranslationKey } from '@sopu/web/i18n';
import { Observable, catchError, combineLatest, firstValueFrom, map, of, switchMap, tap } from 'rxjs';
import { sanctionText } from './sanction-text';
import { ACTION_MANAGERS, hasRole } from './steering-access';
import { SteeringApi } from './steering-api';
import { SteeringLabel, steeringLabel } from './steering-label';
import { criterionNames, formatMeasured } from './steering-names';

interface Loaded {
  action: CorrectiveAction | null;
  error: string | null;
}

/** What the API accepts for evidence (it also checks the content); told before a 20 MB upload is wasted. */
const ACCEPTED = ['.pdf', '.docx', '.xlsx'];

/**
 * One corrective action: the deviation it steers, its due date, the sanction suggestion, the producer's plan and
 * evidence, the manager's decision and closing, and its history. Every change names the version it was made
 * from; a stale one reloads the action and says why.
 */
@Component({
  selector: 'sopu-corrective-action-page',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    SteeringLabel,
    TranslatePipe,
  ],
  templateUrl: './corrective-action-page.html',
  styleUrl: './steering-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CorrectiveActionPage {
  private readonly api = inject(SteeringApi);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18n);
  protected readonly services = serviceNames();
  protected readonly criteria = criterionNames();
  protected readonly isManager = hasRole(ACTION_MANAGERS);
  protected readonly canAnswer = hasRole(['PROVIDER_REPORTER', ...ACTION_MANAGERS]);
  protected readonly textMax = CORRECTIVE_ACTION_TEXT_MAX;
  protected readonly accept = ACCEPTED.join(',');

  /** From the route. */
  readonly id = input.required<string>();

  private readonly reloads = signal(0);
  protected readonly loading = signal(true);
  private readonly loaded = toSignal(
    combineLatest([toObservable(this.id), toObservable(this.reloads)]).pipe(
      tap(() => this.loading.set(true)),
      switchMap(([id]) =>
        this.api.action(id).pipe(
          map((action): Loaded => ({ action, error: null })),
          catchError((error: unknown) => of<Loaded>({ action: null, error: this.i18n.errorText(error) })),
        ),
      ),
      tap(() => this.loading.set(false)),
    ),
    { initialValue: { action: null, error: null } as Loaded },
  );
  /** The action as last loaded or as the last change returned it. */
  private readonly changed = signal<CorrectiveAction | null>(null);
  protected readonly action = computed(() => {
    const loaded = this.loaded().action;
    const changed = this.changed();
    return changed && loaded && changed.id === loaded.id && changed.version >= loaded.version
      ? changed
      : loaded;
  });
  protected readonly loadError = computed(() => this.loaded().error);

  protected readonly title = computed(() => {
    const a = this.action();
    return a
      ? this.i18n.t('actions.detailTitle', {
          service: this.services.name(a.serviceCode),
          period: this.i18n.date(a.deviation.periodStart),
        })
      : this.i18n.t('actions.title');
  });

  protected readonly sanction = computed(() => {
    const suggestion = this.action()?.sanctionSuggested;
    return suggestion ? sanctionText(suggestion, this.i18n, (code) => this.criteria.name(code)) : null;
  });

  protected readonly canWritePlan = computed(() => {
    const status = this.action()?.status;
    return this.canAnswer() && (status === 'OPEN' || status === 'PLAN_REJECTED');
  });
  protected readonly canDecide = computed(
    () => this.isManager() && this.action()?.status === 'PLAN_SUBMITTED',
  );
  protected readonly canClose = computed(
    () => this.isManager() && !!this.action() && this.action()?.status !== 'CLOSED',
  );
  protected readonly canAddEvidence = computed(
    () => this.canAnswer() && !!this.action() && this.action()?.status !== 'CLOSED',
  );

  /** Later accepted reports of the same contract service: the grounds a manager may close on. */
  protected readonly laterReports = toSignal(
    toObservable(computed(() => (this.canClose() ? this.action() : null))).pipe(
      switchMap((a): Observable<ReportObligation[]> => {
        if (!a) return of([]);
        return this.api
          .reports({ contractId: a.contractId, service: a.serviceCode, status: 'ACCEPTED', pageSize: 100 })
          .pipe(
            map((page) => page.items.filter((r) => r.periodStart > a.deviation.periodStart)),
            catchError(() => of([] as ReportObligation[])),
          );
      }),
    ),
    { initialValue: [] as ReportObligation[] },
  );

  protected plan = '';
  protected decisionComment = '';
  protected closeBy: 'reason' | 'report' = 'reason';
  protected closeReason = '';
  protected closeReportId = '';

  protected readonly busy = signal(false);
  protected readonly errors = signal<Partial<Record<'plan' | 'decision' | 'close' | 'evidence', string>>>({});
  protected readonly announcement = signal('');

  /** "Red value – Criterion (measured 72.37)". */
  protected deviationText(a: CorrectiveAction): string {
    const d = a.deviation;
    let text = steeringLabel(this.i18n, 'deviationKind', d.kind);
    if (d.criterionCode) text += ` – ${this.criteria.name(d.criterionCode)}`;
    if (d.measured !== null)
      text += ` (${this.i18n.t('actions.measured', { value: formatMeasured(d.measured, this.i18n.locale()) })})`;
    return text;
  }

  protected reportLabel(r: ReportObligation): string {
    return this.i18n.t('homeWork.reportName', {
      service: this.services.name(r.serviceCode),
      period: this.i18n.date(r.periodStart),
    });
  }

  protected size(bytes: number): string {
    return (
      new Intl.NumberFormat(this.i18n.locale(), { maximumFractionDigits: 1 }).format(bytes / 1024) + ' kB'
    );
  }

  protected evidenceUrl(e: CorrectiveActionEvidence): string {
    return this.api.evidenceUrl(this.action()?.id ?? '', e.id);
  }

  protected submitPlan(): Promise<void> {
    const plan = this.plan.trim();
    if (!plan) return this.fail('plan', this.i18n.t('validation.required'));
    return this.change(
      'plan',
      'actions.done.plan',
      (a) => this.api.submitPlan(a.id, { version: a.version, plan }),
      () => {
        this.plan = '';
      },
    );
  }

  protected decide(decision: PlanDecision): Promise<void> {
    const comment = this.decisionComment.trim();
    if (decision === 'REJECT' && !comment)
      return this.fail('decision', this.i18n.t('actions.rejectNeedsComment'));
    const done: TranslationKey = decision === 'ACCEPT' ? 'actions.done.accepted' : 'actions.done.rejected';
    return this.change(
      'decision',
      done,
      (a) => this.api.decide(a.id, { version: a.version, decision, comment: comment || null }),
      () => {
        this.decisionComment = '';
      },
    );
  }

  protected close(): Promise<void> {
    const reason = this.closeReason.trim();
    const reportId = this.closeReportId;
    if (this.closeBy === 'reason' && !reason)
      return this.fail('close', this.i18n.t('actions.closeNeedsReason'));
    if (this.closeBy === 'report' && !reportId)
      return this.fail('close', this.i18n.t('actions.closeNeedsReport'));
    return this.change('close', 'actions.done.closed', (a) =>
      this.api.close(
        a.id,
        this.closeBy === 'reason' ? { version: a.version, reason } : { version: a.version, reportId },
      ),
    );
  }

  protected async upload(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    const action = this.action();
    if (!file || !action || this.busy()) return;
    this.busy.set(true);
    this.errors.set({});
    try {
      await firstValueFrom(this.api.addEvidence(action.id, file, file.name));
      this.announcement.set(this.i18n.t('actions.evidence.uploaded', { name: file.name }));
      input.value = '';
      this.reloads.update((n) => n + 1);
    } catch (error) {
      this.errors.set({ evidence: this.i18n.errorText(error) });
    } finally {
      this.busy.set(false);
    }
  }

  private async fail(where: 'plan' | 'decision' | 'close', message: string): Promise<void> {
    this.errors.set({ [where]: message });
  }

  private async change(
    where: 'plan' | 'decision' | 'close',
    done: TranslationKey,
    request: (action: CorrectiveAction) => Observable<CorrectiveAction>,
    after?: () => void,
  ): Promise<void> {
    const action = this.action();
    if (!action || this.busy()) return;
    this.busy.set(true);
    this.errors.set({});
    try {
      this.changed.set(await firstValueFrom(request(action)));
      after?.();
      const text = this.i18n.t(done);
      this.announcement.set(text);
      this.snackBar.open(text, this.i18n.t('common.close'), { duration: 5000 });
    } catch (error) {
      const stale = this.i18n.errorCode(error) === 'STALE_VERSION';
      const fields = Object.values(this.i18n.fieldErrors(error));
      this.errors.set({
        [where]: stale ? this.i18n.t('actions.stale') : fields[0] || this.i18n.errorText(error),
      });
      if (stale) this.reloads.update((n) => n + 1);
    } finally {
      this.busy.set(false);
    }
  }
}
