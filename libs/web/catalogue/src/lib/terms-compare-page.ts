import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { Criterion, TermsComparison } from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { catchError, map, of, switchMap, tap } from 'rxjs';
import { CatalogueApi } from './catalogue-api';
import { TERMS_PATH, TermsFormat } from './terms-format';

interface Loaded {
  comparison: TermsComparison | null;
  error: string | null;
}

/** Exactly what changed from one version of the monitoring terms to another. */
@Component({
  selector: 'sopu-terms-compare-page',
  imports: [MatIconModule, MatProgressBarModule, RouterLink, TranslatePipe],
  templateUrl: './terms-compare-page.html',
  styleUrls: ['./terms-pages.scss', './terms-compare-page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TermsComparePage {
  private readonly api = inject(CatalogueApi);
  private readonly i18n = inject(I18n);
  protected readonly format = inject(TermsFormat);

  /** The `:id` and `:otherId` route parameters: from the first version to the second. */
  readonly id = input.required<string>();
  readonly otherId = input.required<string>();

  protected readonly listPath = TERMS_PATH;
  protected readonly loading = signal(true);
  private readonly ids = computed(() => [this.id(), this.otherId()] as const);
  private readonly loaded = toSignal(
    toObservable(this.ids).pipe(
      tap(() => this.loading.set(true)),
      switchMap(([id, otherId]) =>
        this.api.compareTerms(id, otherId).pipe(
          map((comparison): Loaded => ({ comparison, error: null })),
          catchError((error: unknown) => of<Loaded>({ comparison: null, error: this.i18n.errorText(error) })),
        ),
      ),
      tap(() => this.loading.set(false)),
    ),
    { initialValue: { comparison: null, error: null } as Loaded },
  );
  protected readonly comparison = computed(() => this.loaded().comparison);
  protected readonly loadError = computed(() => this.loaded().error);
  protected readonly identical = computed(() => {
    const c = this.comparison();
    return !!c && !c.validFrom && !c.added.length && !c.removed.length && !c.changed.length;
  });

  private readonly criteria = toSignal(this.api.criteria().pipe(catchError(() => of([] as Criterion[]))), {
    initialValue: [] as Criterion[],
  });
  private readonly namesByCode = computed(
    () => new Map(this.criteria().map((c) => [c.code, this.format.criterionName(c)])),
  );

  protected criterionName(code: string): string {
    return this.namesByCode().get(code) ?? '';
  }
}
