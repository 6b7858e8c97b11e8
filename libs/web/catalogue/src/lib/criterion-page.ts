import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { Criterion } from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { canEditCatalogue } from './catalogue-access';
import { CatalogueApi } from './catalogue-api';
import { CatalogueLabel } from './catalogue-label';
import { criterionTexts, usesRateMultiplier, usesScale } from './criterion-fields';
import { LANGUAGE_COLUMNS } from './field-issues';
import { MissingLanguages } from './missing-languages';

@Component({
  selector: 'sopu-criterion-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    CatalogueLabel,
    MissingLanguages,
    TranslatePipe,
  ],
  templateUrl: './criterion-page.html',
  styleUrl: './catalogue-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CriterionPage {
  private readonly api = inject(CatalogueApi);
  protected readonly i18n = inject(I18n);
  protected readonly canEdit = canEditCatalogue();

  /** From the route. */
  readonly id = input.required<string>();

  protected readonly languageColumns = LANGUAGE_COLUMNS;

  private readonly state = toSignal(
    toObservable(this.id).pipe(
      switchMap((id) =>
        this.api.criterion(id).pipe(
          map((criterion) => ({ loading: false, criterion })),
          // The global error notice tells why loading failed.
          catchError(() => of({ loading: false, criterion: null })),
          startWith({ loading: true, criterion: null }),
        ),
      ),
    ),
    { initialValue: { loading: true, criterion: null as Criterion | null } },
  );
  protected readonly loading = computed(() => this.state().loading);
  protected readonly criterion = computed(() => this.state().criterion);
  protected readonly texts = computed(() => criterionTexts(this.criterion()?.measureType ?? null));
  protected readonly showsScale = computed(() => usesScale(this.criterion()?.measureType ?? null));
  protected readonly showsRateMultiplier = computed(() =>
    usesRateMultiplier(this.criterion()?.measureType ?? null),
  );

  protected number(value: number | null): string {
    return value === null
      ? this.i18n.t('catalogue.notSet')
      : new Intl.NumberFormat(this.i18n.locale()).format(value);
  }
}
