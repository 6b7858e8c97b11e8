import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { DescriptionStatus, Language, SERVICE_AREAS, ServiceArea, DESCRIPTION_STATUSES } from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { canEditCatalogue } from './catalogue-access';
import { CatalogueApi, DescriptionQuery } from './catalogue-api';
import { CatalogueLabel } from './catalogue-label';
import { filteredList, settledSearch } from '@sopu/web/ui';
import { MISSING_LANGUAGE_OPTIONS, MissingLanguages } from './missing-languages';

@Component({
  selector: 'sopu-service-descriptions-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    CatalogueLabel,
    MissingLanguages,
    TranslatePipe,
  ],
  templateUrl: './service-descriptions-page.html',
  styleUrl: './catalogue-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ServiceDescriptionsPage {
  private readonly api = inject(CatalogueApi);
  protected readonly i18n = inject(I18n);
  protected readonly canEdit = canEditCatalogue();

  protected readonly areas = SERVICE_AREAS;
  protected readonly statuses = DESCRIPTION_STATUSES;
  protected readonly missingOptions = MISSING_LANGUAGE_OPTIONS;
  protected readonly columns = ['code', 'name', 'area', 'outputUnit', 'status', 'version', 'languages'];

  protected readonly searchText = signal('');
  private readonly search = settledSearch(this.searchText);
  protected readonly area = signal<ServiceArea | ''>('');
  protected readonly status = signal<DescriptionStatus | ''>('');
  protected readonly missingLanguage = signal<Language | ''>('');

  private readonly query = computed<DescriptionQuery>(() => ({
    search: this.search(),
    area: this.area(),
    status: this.status(),
    missingLanguage: this.missingLanguage(),
  }));

  private readonly list = filteredList(this.query, (query) => this.api.descriptions(query));
  protected readonly descriptions = this.list.rows;
  protected readonly loading = this.list.loading;

  protected clearFilters(): void {
    this.searchText.set('');
    this.area.set('');
    this.status.set('');
    this.missingLanguage.set('');
  }
}
