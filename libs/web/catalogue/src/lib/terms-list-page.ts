import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { MonitoringTerms, ServiceDescription, TermsStatus, TERMS_STATUSES } from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { catchError, finalize, firstValueFrom, map, of } from 'rxjs';
import { canEditCatalogue } from './catalogue-access';
import { CatalogueApi } from './catalogue-api';
import { TermsFormat } from './terms-format';
import { TermsNewDraftData, TermsNewDraftDialog, TermsServiceOption } from './terms-new-draft-dialog';

/** Every version of the monitoring terms, by service; editors start new drafts here. */
@Component({
  selector: 'sopu-terms-list-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './terms-list-page.html',
  styleUrl: './terms-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TermsListPage {
  private readonly api = inject(CatalogueApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly i18n = inject(I18n);
  protected readonly format = inject(TermsFormat);

  /** The `?service=` query parameter. */
  readonly service = input<string | undefined>();

  protected readonly statuses = TERMS_STATUSES;
  protected readonly columns = ['service', 'version', 'status', 'validFrom', 'publishedAt', 'items'];
  protected readonly status = signal<TermsStatus | ''>('');
  protected readonly canEdit = canEditCatalogue();

  protected readonly loading = signal(true);
  private readonly versions = toSignal(
    this.api.termsVersions().pipe(
      catchError(() => of([] as MonitoringTerms[])),
      finalize(() => this.loading.set(false)),
    ),
    { initialValue: [] as MonitoringTerms[] },
  );
  private readonly descriptions = toSignal(
    this.api.descriptions().pipe(catchError(() => of([] as ServiceDescription[]))),
    { initialValue: [] as ServiceDescription[] },
  );
  protected readonly names = computed(() => this.format.serviceNames(this.descriptions()));

  /** The services that have terms, and the one in the URL even if it has none yet. */
  protected readonly serviceCodes = computed(() => {
    const codes = new Set(this.versions().map((v) => v.serviceCode));
    const chosen = this.service();
    if (chosen) codes.add(chosen);
    return [...codes].sort((a, b) => a.localeCompare(b));
  });

  /** By service code, the newest version first. */
  protected readonly rows = computed(() => {
    const service = this.service() ?? '';
    const status = this.status();
    return this.versions()
      .filter((v) => (!service || v.serviceCode === service) && (!status || v.status === status))
      .sort((a, b) => a.serviceCode.localeCompare(b.serviceCode) || b.version - a.version);
  });

  protected chooseService(code: string): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { service: code || null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected clearFilters(): void {
    this.status.set('');
    this.chooseService('');
  }

  protected async createDraft(): Promise<void> {
    const drafted = new Set(
      this.versions()
        .filter((v) => v.status === 'DRAFT')
        .map((v) => v.serviceCode),
    );
    const names = this.names();
    const services: TermsServiceOption[] = [...names]
      .filter(([code]) => !drafted.has(code))
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => a.code.localeCompare(b.code));
    const ref = this.dialog.open<TermsNewDraftDialog, TermsNewDraftData, MonitoringTerms>(
      TermsNewDraftDialog,
      {
        data: { services },
        width: '560px',
        maxWidth: 'calc(100vw - 32px)',
      },
    );
    const created = await firstValueFrom(ref.afterClosed().pipe(map((result) => result ?? null)));
    if (created) await this.router.navigate([created.id, 'edit'], { relativeTo: this.route });
  }
}
