import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { LANGUAGES, MAJOR_DISTRICTS, MajorDistrict, PRODUCER_STATUSES, PRODUCER_TYPES } from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { filteredList, oneOf, urlFilters } from '@sopu/web/ui';
import { canEditProducers } from './producer-access';
import { ProducerLabel } from './producer-label';
import { ProducerQuery, ProducersApi } from './producers-api';

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

  protected readonly query = computed<ProducerQuery>(() => ({
    search: (this.search() ?? '').trim(),
    type: oneOf(PRODUCER_TYPES, this.type()),
    district: oneOf(MAJOR_DISTRICTS, this.district()),
    language: oneOf(LANGUAGES, this.language()),
    status: oneOf(PRODUCER_STATUSES, this.status()),
  }));
  protected readonly filters = urlFilters(['type', 'district', 'language', 'status'], this.search);
  protected readonly producers = filteredList(this.query, (query) => this.api.list(query));

  protected districtNames(districts: MajorDistrict[]): string {
    return districts.map((district) => this.i18n.t(`producers.district.${district}`)).join(', ');
  }
}
