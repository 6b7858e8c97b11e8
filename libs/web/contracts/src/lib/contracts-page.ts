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
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { CONTRACT_KINDS, CONTRACT_STATUSES, ContractSummary } from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { catchError, debounceTime, distinctUntilChanged, of, switchMap, tap } from 'rxjs';
import { canEditContracts } from './contract-access';
import { formatDate } from './contract-format';
import { ContractLabel } from './contract-label';
import { ContractQuery, ContractsApi } from './contracts-api';
import { serviceNames } from './service-names';

/** The list's "ending soon" view: active or suspended contracts ending within this many days. */
export const ENDING_SOON_DAYS = 90;

const SERVICE_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;

/** A query parameter's value if it is one of the allowed ones; anything else in the URL is ignored. */
function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | '' {
  return allowed.includes(value as T) ? (value as T) : '';
}

type FilterName = 'search' | 'status' | 'kind' | 'service' | 'endingWithinDays';

/**
 * The contracts. The filters live in the URL (`?status=ACTIVE&endingWithinDays=90`), so a view can be
 * bookmarked and shared, and the back button returns to it.
 */
@Component({
  selector: 'sopu-contracts-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatTableModule,
    ContractLabel,
    TranslatePipe,
  ],
  templateUrl: './contracts-page.html',
  styleUrl: './contract-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContractsPage {
  private readonly api = inject(ContractsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly i18n = inject(I18n);
  protected readonly canEdit = canEditContracts();
  protected readonly catalogue = serviceNames();

  /** Query parameters, bound by the router. */
  readonly search = input<string>();
  readonly status = input<string>();
  readonly kind = input<string>();
  readonly service = input<string>();
  readonly endingWithinDays = input<string>();

  protected readonly statuses = CONTRACT_STATUSES;
  protected readonly kinds = CONTRACT_KINDS;
  protected readonly endingSoonDays = ENDING_SOON_DAYS;
  protected readonly columns = ['number', 'title', 'producer', 'kind', 'status', 'validity', 'services'];

  protected readonly query = computed<ContractQuery>(
    () => ({
      search: (this.search() ?? '').trim(),
      status: oneOf(CONTRACT_STATUSES, this.status()),
      kind: oneOf(CONTRACT_KINDS, this.kind()),
      service: SERVICE_CODE.test(this.service() ?? '') ? this.service() : '',
      endingWithinDays: this.endingWithinDays() === String(ENDING_SOON_DAYS) ? ENDING_SOON_DAYS : null,
    }),
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );

  /** What is in the search box; follows the URL when it changes (back button, shared link). */
  protected readonly searchText = linkedSignal(() => this.search() ?? '');

  protected readonly loading = signal(true);
  protected readonly contracts = toSignal(
    toObservable(this.query).pipe(
      tap(() => this.loading.set(true)),
      // The global error notice tells what went wrong; the table stays empty.
      switchMap((query) => this.api.list(query).pipe(catchError(() => of([] as ContractSummary[])))),
      tap(() => this.loading.set(false)),
    ),
    { initialValue: [] as ContractSummary[] },
  );

  constructor() {
    toObservable(this.searchText)
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((text) => {
        if (text !== (this.search() ?? '')) this.setFilters({ search: text });
      });
  }

  protected date(iso: string | null): string {
    return formatDate(iso, this.i18n.locale());
  }

  protected serviceList(codes: string[]): string {
    return codes.map((code) => this.catalogue.name(code)).join(', ');
  }

  protected setFilters(changes: Partial<Record<FilterName, string>>): void {
    const queryParams: Record<string, string | null> = {};
    for (const [name, value] of Object.entries(changes)) queryParams[name] = value || null;
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams,
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected showEndingSoon(on: boolean): void {
    this.setFilters({ endingWithinDays: on ? String(ENDING_SOON_DAYS) : '' });
  }

  protected clearFilters(): void {
    this.searchText.set('');
    this.setFilters({ search: '', status: '', kind: '', service: '', endingWithinDays: '' });
  }
}
