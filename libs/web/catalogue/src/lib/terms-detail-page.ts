import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { Criterion, MonitoringTerms, ServiceDescription } from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { catchError, firstValueFrom, map, of, switchMap, tap } from 'rxjs';
import { canEditCatalogue } from './catalogue-access';
import { CatalogueApi } from './catalogue-api';
import { FieldIssue } from './field-issues';
import { TERMS_PATH, TermsFormat } from './terms-format';
import { TermsIssues } from './terms-issues';
import { TermsPublishData, TermsPublishDialog } from './terms-publish-dialog';

interface Loaded {
  terms: MonitoringTerms | null;
  error: string | null;
}

/** One version of the monitoring terms: its items, and publishing, copying and comparing it. */
@Component({
  selector: 'sopu-terms-detail-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    RouterLink,
    TermsIssues,
    TranslatePipe,
  ],
  templateUrl: './terms-detail-page.html',
  styleUrl: './terms-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TermsDetailPage {
  private readonly api = inject(CatalogueApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  protected readonly format = inject(TermsFormat);

  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly listPath = TERMS_PATH;
  protected readonly columns = [
    'criterion',
    'required',
    'target',
    'green',
    'amber',
    'frequency',
    'evidenceRequired',
    'note',
  ];
  protected readonly canEdit = canEditCatalogue();

  protected readonly loading = signal(true);
  private readonly loaded = toSignal(
    toObservable(this.id).pipe(
      tap(() => this.loading.set(true)),
      switchMap((id) =>
        this.api.terms(id).pipe(
          map((terms): Loaded => ({ terms, error: null })),
          catchError((error: unknown) => of<Loaded>({ terms: null, error: this.i18n.errorText(error) })),
        ),
      ),
      tap(() => this.loading.set(false)),
    ),
    { initialValue: { terms: null, error: null } as Loaded },
  );
  /** The version shown; replaced by the answer of a publish. */
  protected readonly terms = linkedSignal(() => this.loaded().terms);
  protected readonly loadError = computed(() => this.loaded().error);

  private readonly criteria = toSignal(this.api.criteria().pipe(catchError(() => of([] as Criterion[]))), {
    initialValue: [] as Criterion[],
  });
  protected readonly criteriaById = computed(() => new Map(this.criteria().map((c) => [c.id, c])));
  private readonly descriptions = toSignal(
    this.api.descriptions().pipe(catchError(() => of([] as ServiceDescription[]))),
    { initialValue: [] as ServiceDescription[] },
  );
  protected readonly serviceName = computed(() => {
    const code = this.terms()?.serviceCode;
    return code ? (this.format.serviceNames(this.descriptions()).get(code) ?? '') : '';
  });

  private readonly serviceCode = computed(() => this.terms()?.serviceCode ?? null);
  private readonly versions = toSignal(
    toObservable(this.serviceCode).pipe(
      switchMap((code) =>
        code ? this.api.termsVersions(code).pipe(catchError(() => of([] as MonitoringTerms[]))) : of([]),
      ),
    ),
    { initialValue: [] as MonitoringTerms[] },
  );
  /** The other versions of the same service, to compare with. */
  protected readonly otherVersions = computed(() =>
    this.versions()
      .filter((v) => v.id !== this.terms()?.id)
      .sort((a, b) => b.version - a.version),
  );
  protected readonly compareWith = linkedSignal<MonitoringTerms[], string>({
    source: this.otherVersions,
    computation: (others) => others[0]?.id ?? '',
  });

  protected readonly busy = signal(false);
  protected readonly actionError = signal<string | null>(null);
  protected readonly issues = signal<FieldIssue[]>([]);

  protected async newVersion(): Promise<void> {
    const terms = this.terms();
    if (!terms || this.busy()) return;
    await this.act(async () => {
      const created = await firstValueFrom(this.api.newTermsVersion(terms.id));
      this.snackBar.open(
        this.i18n.t('terms.newVersionCreated', { version: created.version }),
        this.i18n.t('common.close'),
        { duration: 5000 },
      );
      await this.router.navigate([TERMS_PATH, created.id, 'edit']);
    }, terms);
  }

  protected async publish(): Promise<void> {
    const terms = this.terms();
    if (!terms || this.busy()) return;
    const ref = this.dialog.open<TermsPublishDialog, TermsPublishData, boolean>(TermsPublishDialog, {
      data: {
        service: terms.serviceCode,
        version: terms.version,
        validFrom: this.format.date(terms.validFrom),
      },
      width: '520px',
      maxWidth: 'calc(100vw - 32px)',
    });
    if (!(await firstValueFrom(ref.afterClosed()))) return;
    await this.act(async () => {
      const published = await firstValueFrom(this.api.publishTerms(terms.id));
      this.terms.set(published);
      this.snackBar.open(
        this.i18n.t('terms.published', { version: published.version }),
        this.i18n.t('common.close'),
        { duration: 5000 },
      );
    }, terms);
  }

  protected async compare(): Promise<void> {
    const terms = this.terms();
    const other = this.otherVersions().find((v) => v.id === this.compareWith());
    if (!terms || !other) return;
    // Always from the older to the newer version, so that "added" means added later.
    const [from, to] = other.version < terms.version ? [other, terms] : [terms, other];
    await this.router.navigate([TERMS_PATH, from.id, 'compare', to.id]);
  }

  private async act(action: () => Promise<void>, terms: MonitoringTerms): Promise<void> {
    this.busy.set(true);
    this.actionError.set(null);
    this.issues.set([]);
    try {
      await action();
    } catch (error) {
      this.actionError.set(this.i18n.errorText(error));
      this.issues.set(this.format.issues(error, terms.items));
    } finally {
      this.busy.set(false);
    }
  }
}
