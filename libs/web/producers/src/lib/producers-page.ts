import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  LANGUAGES,
  MAJOR_DISTRICTS,
  MajorDistrict,
  PRODUCER_STATUSES,
  PRODUCER_TYPES,
  Producer,
} from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { catchError, debounceTime, distinctUntilChanged, of, switchMap, tap } from 'rxjs';
import { canEditProducers } from './producer-access';
import { ProducerLabel } from './producer-label';
import { ProducerQuery, ProducersApi } from './producers-api';

/** A query parameter's value if it is one of the allowed ones; anything else in the URL is ignored. */
function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | '' {
  return allowed.includes(value as T) ? (value as T) : '';
}

/**
 * The producer registry. The filters live in the URL (`?type=…&district=…`), so a filtered view can be
 * bookmarked and shared, and the back button returns to it.
 */
@Component({
  selector: 'sopu-producers-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    ProducerLabel,
    TranslatePipe,
  ],
  templateUrl: './producers-page.html',
  styleUrl: './producer-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProducersPage {
  private readonly api = inject(ProducersApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly i18n = inject(I18n);
  protected readonly canEdit = canEditProducers();

  /** Query parameters, bound by the router. */
  readonly search = input<string>();
  readonly type = input<string>();
  readonly district = input<string>();
  readonly language = input<string>();
  readonly status = input<string>();

  protected readonly types = PRODUCER_TYPES;
  protected readonly districts = MAJOR_DISTRICTS;
  protected readonly languages = LANGUAGES;
  protected readonly statuses = PRODUCER_STATUSES;
  protected readonly columns = ['name', 'type', 'businessId', 'districts', 'languages', 'units', 'status'];

  protected readonly query = computed<ProducerQuery>(
    () => ({
      search: (this.search() ?? '').trim(),
      type: oneOf(PRODUCER_TYPES, this.type()),
      district: oneOf(MAJOR_DISTRICTS, this.district()),
      language: oneOf(LANGUAGES, this.language()),
      status: oneOf(PRODUCER_STATUSES, this.status()),
    }),
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );

  /** What is in the search box; follows the URL when it changes (back button, shared link). */
  protected readonly searchText = linkedSignal(() => this.search() ?? '');

  protected readonly loading = signal(true);
  protected readonly producers = toSignal(
    toObservable(this.query).pipe(
      tap(() => this.loading.set(true)),
      // The global error notice tells what went wrong; the table stays empty.
      switchMap((query) => this.api.list(query).pipe(catchError(() => of([] as Producer[])))),
      tap(() => this.loading.set(false)),
    ),
    { initialValue: [] as Producer[] },
  );

  constructor() {
    toObservable(this.searchText)
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((text) => {
        if (text !== (this.search() ?? '')) this.setFilters({ search: text });
      });
  }

  protected districtNames(districts: MajorDistrict[]): string {
    return districts.map((district) => this.i18n.t(`producers.district.${district}`)).join(', ');
  }

  protected setFilters(changes: Partial<Record<keyof ProducerQuery, string>>): void {
    const queryParams: Record<string, string | null> = {};
    for (const [name, value] of Object.entries(changes)) queryParams[name] = value || null;
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams,
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected clearFilters(): void {
    this.searchText.set('');
    this.setFilters({ search: '', type: '', district: '', language: '', status: '' });
  }
}
