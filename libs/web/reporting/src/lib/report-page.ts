import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  ApiFieldError,
  Deviation,
  ReportAttachment,
  ReportDetail,
  ReportFormItem,
  ReportReview,
  ReportValueInput,
  ReviewDecision,
  Role,
  TEXT_MAX_LENGTH,
  ValueCheck,
} from '@sopu/shared';
import { AuthStore } from '@sopu/web/auth';
import { I18n, TranslatePipe, TranslationKey } from '@sopu/web/i18n';
import { catchError, combineLatest, firstValueFrom, forkJoin, map, of, switchMap, tap } from 'rxjs';
import { DraftAutosave } from './draft-autosave';
import { ReportConfirmData, ReportConfirmDialog } from './report-confirm-dialog';
import { ReportRevisions } from './report-revisions';
import { ReportValueField } from './report-value-field';
import {
  FieldMessages,
  checkEntry,
  draftOf,
  formatNumber,
  issueMessages,
  localized,
  serverMessages,
} from './report-values';
import { ReportEvidence } from './report-evidence';
import { ReportsApi } from './reports-api';

interface Loaded {
  report: ReportDetail | null;
  deviations: Deviation[];
  error: string | null;
}

const NOTHING: Loaded = { report: null, deviations: [], error: null };

/** Who reviews reports; who may fill them (a reporter only their own producer's, which the API decides). */
const REVIEWERS: readonly Role[] = ['CONTRACT_MANAGER', 'ADMIN'];
const FILLERS: readonly Role[] = ['CONTRACT_MANAGER', 'ADMIN', 'PROVIDER_REPORTER'];

function fieldsOf(error: unknown): ApiFieldError[] {
  if (!(error instanceof HttpErrorResponse)) return [];
  const body = error.error as { fields?: ApiFieldError[] } | null;
  return Array.isArray(body?.fields) ? body.fields : [];
}

/**
 * One report: the same form for every producer, made from the items of its terms version. The draft saves itself
 * after a pause; submission asks first and goes under one Idempotency-Key per intent; contract managers accept
 * or return a submitted report with comments beside the values. Revisions and deviations follow the form.
 */
@Component({
  selector: 'sopu-report-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    ReportEvidence,
    ReportRevisions,
    ReportValueField,
    TranslatePipe,
  ],
  templateUrl: './report-page.html',
  styleUrl: './report-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(window:beforeunload)': 'warnUnsaved($event)' },
})
export class ReportPage {
  private readonly api = inject(ReportsApi);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  protected readonly i18n = inject(I18n);

  /** From the route. */
  readonly id = input.required<string>();

  protected readonly textMax = TEXT_MAX_LENGTH;
  protected readonly draft = new DraftAutosave((values) => this.api.saveValues(this.id(), values));
  private readonly reloads = signal(0);
  protected readonly loading = signal(true);
  private readonly loaded = toSignal(
    combineLatest([toObservable(this.id), toObservable(this.reloads)]).pipe(
      tap(() => this.loading.set(true)),
      switchMap(([id]) =>
        forkJoin({
          report: this.api.get(id),
          deviations: this.api.deviations(id).pipe(
            map((page) => page.items),
            catchError(() => of([] as Deviation[])),
          ),
        }).pipe(
          tap(({ report }) => this.start(report)),
          map((loaded): Loaded => ({ ...loaded, error: null })),
          catchError((error: unknown) => of<Loaded>({ ...NOTHING, error: this.i18n.errorText(error) })),
        ),
      ),
      tap(() => this.loading.set(false)),
    ),
    { initialValue: NOTHING },
  );
  protected readonly report = computed(() => this.loaded().report);
  protected readonly deviations = computed(() => this.loaded().deviations);
  protected readonly loadError = computed(() => this.loaded().error);

  /** Criteria the user has been in, so that "is required" does not greet an untouched form. */
  private readonly touched = signal<ReadonlySet<string>>(new Set());
  /** The user tried to submit: every problem is shown. */
  protected readonly attempted = signal(false);
  /** The server's refusals of the last submission, by criterion code; an edit clears the criterion's. */
  private readonly refused = signal<Record<string, FieldMessages>>({});
  protected readonly submitting = signal(false);
  protected readonly actionError = signal<string | null>(null);
  /** Made once per intent to submit; kept when the network failed, so that a retry cannot submit twice. */
  private submitKey: string | null = null;

  protected readonly role = computed(() => this.auth.role());
  protected readonly editable = computed(() => {
    const report = this.report();
    return !!report && report.lock === null;
  });
  protected readonly canReview = computed(() => {
    const role = this.role();
    return this.report()?.status === 'SUBMITTED' && role !== null && REVIEWERS.includes(role);
  });
  protected readonly canCorrect = computed(() => {
    const role = this.role();
    return this.report()?.status === 'ACCEPTED' && role !== null && FILLERS.includes(role);
  });

  protected readonly checks = computed(() => {
    const values = this.draft.values();
    const checks: Record<string, ValueCheck> = {};
    for (const item of this.report()?.items ?? [])
      checks[item.criterion.code] = checkEntry(item, values[item.criterion.code] ?? {});
    return checks;
  });

  /** What each criterion's fields say now: the server's refusal, else the shared rules once the user has been there. */
  protected readonly messages = computed(() => {
    const lang = this.i18n.lang();
    const refused = this.refused();
    const touched = this.touched();
    const all = this.attempted();
    const result: Record<string, FieldMessages> = {};
    for (const [code, check] of Object.entries(this.checks())) {
      const local = all || touched.has(code) ? issueMessages(check.issues, lang) : {};
      result[code] = { ...local, ...refused[code] };
    }
    return result;
  });

  /** The criteria that stop a submission, for the summary above the buttons. */
  protected readonly problems = computed(() =>
    (this.report()?.items ?? []).filter((item) => {
      const messages = this.messages()[item.criterion.code] ?? {};
      return Object.keys(messages).length > 0;
    }),
  );

  /** The latest review when it sent the report back: its comments stand beside the values until accepted. */
  protected readonly returnReview = computed<ReportReview | null>(() => {
    const report = this.report();
    const latest = report?.reviews.at(-1);
    return latest?.decision === 'RETURN' && report?.status !== 'ACCEPTED' ? latest : null;
  });

  protected readonly reviewComment = signal('');
  protected readonly valueComments = signal<Record<string, string>>({});
  protected readonly reviewError = signal<string | null>(null);

  protected readonly title = computed(() => {
    const report = this.report();
    if (!report) return '';
    return `${localized(report.serviceName, this.i18n.lang())}, ${this.period(report)}`;
  });

  constructor() {
    // Leaving the page saves what was typed in the last pause instead of dropping it.
    inject(DestroyRef).onDestroy(() => {
      if (this.draft.state() === 'pending') void this.draft.saveNow();
      this.draft.dispose();
    });
  }

  protected period(report: Pick<ReportDetail, 'periodStart' | 'periodEnd'>): string {
    return `${this.i18n.date(report.periodStart)}–${this.i18n.date(report.periodEnd)}`;
  }

  protected date(iso: string | null): string {
    return this.i18n.date(iso);
  }

  protected statusKey(report: ReportDetail): TranslationKey {
    return `contracts.reportStatus.${report.status}`;
  }

  protected periodKey(report: ReportDetail): TranslationKey {
    return `contracts.periodType.${report.periodType}`;
  }

  protected kindKey(deviation: Deviation): TranslationKey {
    return `reports.deviations.kind.${deviation.kind}`;
  }

  protected deviationStatusKey(deviation: Deviation): TranslationKey {
    return `reports.deviations.status.${deviation.status}`;
  }

  protected lockKey(report: ReportDetail): TranslationKey | null {
    return report.lock ? `reports.lock.${report.lock}` : null;
  }

  /** "Saved 14:02", "Saving…": what the autosave is doing, in words. */
  protected readonly saveText = computed(() => {
    const state = this.draft.state();
    const savedAt = this.draft.savedAt();
    switch (state) {
      case 'saving':
        return this.i18n.t('common.saving');
      case 'pending':
        return this.i18n.t('reports.save.pending');
      case 'failed':
        return this.i18n.t('reports.save.failed', { reason: this.i18n.errorText(this.draft.failure()) });
      case 'stale':
        return '';
      default:
        return savedAt ? this.i18n.t('reports.save.saved', { time: this.savedTime(savedAt) }) : '';
    }
  });

  private savedTime(iso: string): string {
    const at = new Date(iso);
    const sameDay = at.toDateString() === new Date().toDateString();
    return new Intl.DateTimeFormat(this.i18n.locale(), {
      ...(sameDay ? {} : { dateStyle: 'short' }),
      timeStyle: 'short',
    }).format(at);
  }

  protected entryFor(item: ReportFormItem): ReportValueInput {
    return this.draft.values()[item.criterion.code] ?? {};
  }

  protected messagesFor(item: ReportFormItem): FieldMessages {
    return this.messages()[item.criterion.code] ?? {};
  }

  protected attachmentsOf(item: ReportFormItem): ReportAttachment[] {
    return this.report()?.values.find((v) => v.criterionCode === item.criterion.code)?.attachments ?? [];
  }

  /** The server's "needs evidence" from the last submission (kept under the `evidence` field). */
  protected evidenceRefusal(item: ReportFormItem): string | null {
    return (this.messagesFor(item) as Record<string, string | undefined>)['evidence'] ?? null;
  }

  protected reviewerCommentFor(item: ReportFormItem): string {
    return this.valueComments()[item.criterion.code] ?? '';
  }

  protected criterionName(item: ReportFormItem): string {
    return localized(item.criterion.name, this.i18n.lang());
  }

  protected criterionNameOf(code: string | null): string {
    if (!code) return '–';
    const item = this.report()?.items.find((i) => i.criterion.code === code);
    return item ? this.criterionName(item) : code;
  }

  protected measured(deviation: Deviation): string {
    if (deviation.measured === null) return '–';
    return formatNumber(deviation.measured, this.i18n.locale(), 2);
  }

  /** The id of the first field with a message of a criterion, for the summary's links. */
  protected fieldId(item: ReportFormItem): string {
    const messages = this.messages()[item.criterion.code] ?? {};
    const field = Object.keys(messages)[0] ?? 'value';
    return `value-${item.criterion.code}-${field}`;
  }

  protected focusField(event: Event, id: string): void {
    event.preventDefault();
    const root: HTMLElement = this.host.nativeElement;
    const target =
      root.querySelector<HTMLElement>(`#${CSS.escape(id)}`) ??
      root.querySelector<HTMLElement>(`[data-code="${CSS.escape(id.split('-')[1] ?? '')}"] input`);
    target?.focus();
  }

  protected edit(code: string, changes: Parameters<DraftAutosave['edit']>[1]): void {
    this.markTouched(code);
    if (this.refused()[code]) this.refused.update(({ [code]: _gone, ...rest }) => rest);
    this.draft.edit(code, changes);
  }

  protected markTouched(code: string): void {
    if (!this.touched().has(code)) this.touched.update((set) => new Set([...set, code]));
  }

  protected reload(): void {
    this.reloads.update((count) => count + 1);
  }

  protected saveAgain(): void {
    void this.draft.saveNow();
  }

  protected warnUnsaved(event: BeforeUnloadEvent): void {
    const state = this.draft.state();
    if (state === 'pending' || state === 'saving' || state === 'failed') event.preventDefault();
  }

  /** Confirms, saves what is unsaved, and submits; the server's refusals go beside their fields. */
  protected async submitReport(): Promise<void> {
    const report = this.report();
    if (!report) return;
    this.attempted.set(true);
    this.actionError.set(null);
    if (this.problems().length > 0) {
      this.focusSummary();
      return;
    }
    if (
      !(await this.confirm({
        title: 'reports.submit.title',
        text: 'reports.submit.text',
        confirm: 'reports.submit.confirm',
      }))
    )
      return;
    this.submitting.set(true);
    try {
      if (!(await this.draft.saveNow())) {
        if (this.draft.state() !== 'stale') this.actionError.set(this.saveText());
        return;
      }
      this.submitKey ??= crypto.randomUUID();
      const result = await firstValueFrom(this.api.submit(report.id, this.submitKey));
      this.submitKey = null;
      this.attempted.set(false);
      this.snackBar.open(
        this.i18n.t('reports.submit.done', { number: result.revision.number }),
        this.i18n.t('common.close'),
        { duration: 5000 },
      );
      this.reload();
    } catch (error) {
      // After a network failure the request may have arrived: the retry sends the same key.
      if (!(error instanceof HttpErrorResponse && error.status === 0)) this.submitKey = null;
      const fields = fieldsOf(error);
      this.refused.set(serverMessages(fields, this.i18n.lang()));
      this.actionError.set(this.i18n.errorText(error));
      if (fields.length > 0) this.focusSummary();
    } finally {
      this.submitting.set(false);
    }
  }

  protected setValueComment(code: string, text: string): void {
    this.valueComments.update((comments) => ({ ...comments, [code]: text }));
  }

  protected async review(decision: ReviewDecision): Promise<void> {
    const report = this.report();
    if (!report) return;
    this.reviewError.set(null);
    const valueComments = Object.fromEntries(
      Object.entries(this.valueComments())
        .map(([code, text]) => [code, text.trim()] as const)
        .filter(([, text]) => text !== ''),
    );
    const comment = this.reviewComment().trim();
    if (decision === 'RETURN' && !comment && Object.keys(valueComments).length === 0) {
      this.reviewError.set(this.i18n.t('reports.review.commentNeeded'));
      return;
    }
    const accept = decision === 'ACCEPT';
    const asked = await this.confirm({
      title: accept ? 'reports.review.acceptTitle' : 'reports.review.returnTitle',
      text: accept ? 'reports.review.acceptText' : 'reports.review.returnText',
      confirm: accept ? 'reports.review.accept' : 'reports.review.return',
    });
    if (!asked) return;
    try {
      await firstValueFrom(
        this.api.review(report.id, {
          decision,
          ...(comment ? { comment } : {}),
          ...(Object.keys(valueComments).length ? { valueComments } : {}),
        }),
      );
      this.reviewComment.set('');
      this.valueComments.set({});
      this.snackBar.open(
        this.i18n.t(accept ? 'reports.review.accepted' : 'reports.review.returned'),
        this.i18n.t('common.close'),
        { duration: 5000 },
      );
      this.reload();
    } catch (error) {
      const fields = this.i18n.fieldErrors(error);
      this.reviewError.set(fields['comment'] ?? this.i18n.errorText(error));
    }
  }

  protected async startCorrection(): Promise<void> {
    const report = this.report();
    if (!report) return;
    try {
      await firstValueFrom(this.api.startCorrection(report.id));
      this.reload();
    } catch {
      // The global notice tells what went wrong.
    }
  }

  private start(report: ReportDetail): void {
    this.draft.load(draftOf(report.items, report.values), report.draftVersion, report.draftSavedAt);
    this.touched.set(new Set());
    this.refused.set({});
  }

  private async confirm(data: ReportConfirmData): Promise<boolean> {
    const ref = this.dialog.open<ReportConfirmDialog, ReportConfirmData, boolean>(ReportConfirmDialog, {
      data,
      width: '480px',
      maxWidth: 'calc(100vw - 32px)',
    });
    return (await firstValueFrom(ref.afterClosed())) === true;
  }

  private focusSummary(): void {
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('.problems')?.focus());
  }
}
