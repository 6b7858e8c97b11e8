import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { LANGUAGES, ServiceDescription } from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { catchError, combineLatest, firstValueFrom, of, switchMap, tap } from 'rxjs';
import { canEditCatalogue } from './catalogue-access';
import { CatalogueApi } from './catalogue-api';
import { CatalogueLabel } from './catalogue-label';
import { DESCRIPTION_TEXTS } from './description-fields';
import { DescriptionPublishData, DescriptionPublishDialog } from './description-publish-dialog';
import { FieldIssue, LANGUAGE_COLUMNS, fieldIssues } from './field-issues';
import { MissingLanguages } from './missing-languages';

@Component({
  selector: 'sopu-service-description-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    CatalogueLabel,
    MissingLanguages,
    TranslatePipe,
  ],
  templateUrl: './service-description-page.html',
  styleUrl: './catalogue-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ServiceDescriptionPage {
  private readonly api = inject(CatalogueApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18n);
  protected readonly canEdit = canEditCatalogue();

  /** From the route. */
  readonly id = input.required<string>();

  protected readonly languages = LANGUAGES;
  protected readonly languageColumns = LANGUAGE_COLUMNS;
  protected readonly textFields = DESCRIPTION_TEXTS;

  private readonly reloads = signal(0);
  protected readonly loading = signal(true);
  private readonly loaded = toSignal(
    combineLatest([toObservable(this.id), toObservable(this.reloads)]).pipe(
      tap(() => this.loading.set(true)),
      switchMap(([id]) =>
        combineLatest([this.api.description(id), this.api.descriptionVersions(id)]).pipe(
          catchError(() => of(null)),
        ),
      ),
      tap(() => this.loading.set(false)),
    ),
    { initialValue: null },
  );
  protected readonly description = computed<ServiceDescription | null>(() => this.loaded()?.[0] ?? null);
  protected readonly versions = computed(() => this.loaded()?.[1] ?? []);

  protected readonly publishing = signal(false);
  protected readonly publishError = signal<string | null>(null);
  protected readonly publishIssues = signal<FieldIssue[]>([]);

  protected async publish(description: ServiceDescription): Promise<void> {
    if (this.publishing()) return;
    const ref = this.dialog.open<DescriptionPublishDialog, DescriptionPublishData, boolean>(
      DescriptionPublishDialog,
      { data: { code: description.code, version: description.version }, maxWidth: 'calc(100vw - 32px)' },
    );
    if (!(await firstValueFrom(ref.afterClosed()))) return;
    this.publishing.set(true);
    this.publishError.set(null);
    this.publishIssues.set([]);
    try {
      const published = await firstValueFrom(this.api.publishDescription(description.id));
      this.snackBar.open(
        this.i18n.t('descriptions.published', { code: published.code, version: published.version }),
        this.i18n.t('common.close'),
        { duration: 5000 },
      );
      this.reloads.update((count) => count + 1);
    } catch (error) {
      this.publishError.set(this.i18n.errorText(error));
      this.publishIssues.set(fieldIssues(this.i18n, error, (field) => this.fieldLabel(field)));
    } finally {
      this.publishing.set(false);
    }
  }

  private fieldLabel(field: string): string | null {
    const text = this.textFields.find((entry) => entry.field === field);
    return text ? this.i18n.t(text.key) : null;
  }
}
