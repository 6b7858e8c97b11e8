import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { CODE_PATTERN, CONTRACT_KINDS, CONTRACT_STATUSES } from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { filteredList, oneOf, urlFilters } from '@sopu/web/ui';
import { canEditContracts } from './contract-access';
import { ContractLabel } from './contract-label';
import { ContractQuery, ContractsApi } from './contracts-api';
import { serviceNames } from './service-names';

/** The list's "ending soon" view: active or suspended contracts ending within this many days. */
export const ENDING_SOON_DAYS = 90;

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

  protected readonly query = computed<ContractQuery>(() => ({
    search: (this.search() ?? '').trim(),
    status: oneOf(CONTRACT_STATUSES, this.status()),
    kind: oneOf(CONTRACT_KINDS, this.kind()),
    service: CODE_PATTERN.test(this.service() ?? '') ? this.service() : '',
    endingWithinDays: this.endingWithinDays() === String(ENDING_SOON_DAYS) ? ENDING_SOON_DAYS : null,
  }));
  protected readonly filters = urlFilters(['status', 'kind', 'service', 'endingWithinDays'], this.search);
  protected readonly contracts = filteredList(this.query, (query) => this.api.list(query));

  protected date(iso: string | null): string {
    return this.i18n.date(iso);
  }

  protected serviceList(codes: string[]): string {
    return codes.map((code) => this.catalogue.name(code)).join(', ');
  }

  protected showEndingSoon(on: boolean): void {
    this.filters.set({ endingWithinDays: on ? String(ENDING_SOON_DAYS) : '' });
  }
}
