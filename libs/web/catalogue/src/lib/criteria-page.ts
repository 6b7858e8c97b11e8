import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { Language, MEASURE_TYPES, MeasureType } from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { canEditCatalogue } from './catalogue-access';
import { CatalogueApi, CriterionQuery } from './catalogue-api';
import { CatalogueLabel } from './catalogue-label';
import { filteredList, settledSearch } from '@sopu/web/ui';
import { MISSING_LANGUAGE_OPTIONS, MissingLanguages } from './missing-languages';

@Component({
  selector: 'sopu-criteria-page',
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
  templateUrl: './criteria-page.html',
  styleUrl: './catalogue-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CriteriaPage {
  private readonly api = inject(CatalogueApi);
  protected readonly i18n = inject(I18n);
  protected readonly canEdit = canEditCatalogue();

  protected readonly measureTypes = MEASURE_TYPES;
  protected readonly missingOptions = MISSING_LANGUAGE_OPTIONS;
  protected readonly columns = ['code', 'name', 'measureType', 'direction', 'unit', 'languages'];

  protected readonly searchText = signal('');
  private readonly search = settledSearch(this.searchText);
  protected readonly measureType = signal<MeasureType | ''>('');
  protected readonly missingLanguage = signal<Language | ''>('');

  private readonly query = computed<CriterionQuery>(() => ({
    search: this.search(),
    measureType: this.measureType(),
    missingLanguage: this.missingLanguage(),
  }));

  private readonly list = filteredList(this.query, (query) => this.api.criteria(query));
  protected readonly criteria = this.list.rows;
  protected readonly loading = this.list.loading;

  protected clearFilters(): void {
    this.searchText.set('');
    this.measureType.set('');
    this.missingLanguage.set('');
  }
}
