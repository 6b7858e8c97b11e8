import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { DescriptionStatus, Language, SERVICE_AREAS, ServiceArea, ServiceDescription } from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap, tap } from 'rxjs';
import { canEditCatalogue } from './catalogue-access';
import { CatalogueApi, DescriptionQuery } from './catalogue-api';
import { CatalogueLabel } from './catalogue-label';
import { MISSING_LANGUAGE_OPTIONS, MissingLanguages } from './missing-languages';

const STATUSES: DescriptionStatus[] = ['DRAFT', 'PUBLISHED', 'RETIRED'];

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
  protected readonly statuses = STATUSES;
  protected readonly missingOptions = MISSING_LANGUAGE_OPTIONS;
  protected readonly columns = ['code', 'name', 'area', 'outputUnit', 'status', 'version', 'languages'];

  protected readonly searchText = signal('');
  private readonly search = toSignal(
    toObservable(this.searchText).pipe(
      debounceTime(300),
      map((text) => text.trim()),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  protected readonly area = signal<ServiceArea | ''>('');
  protected readonly status = signal<DescriptionStatus | ''>('');
  protected readonly missingLanguage = signal<Language | ''>('');

  private readonly query = computed<DescriptionQuery>(() => ({
    search: this.search(),
    area: this.area(),
    status: this.status(),
    missingLanguage: this.missingLanguage(),
  }));

  protected readonly loading = signal(true);
  protected readonly descriptions = toSignal(
    toObservable(this.query).pipe(
      tap(() => this.loading.set(true)),
      // The global error notice tells what went wrong; the table stays empty.
      switchMap((query) => this.api.descriptions(query).pipe(catchError(() => of([])))),
      tap(() => this.loading.set(false)),
    ),
    { initialValue: [] as ServiceDescription[] },
  );

  protected clearFilters(): void {
    this.searchText.set('');
    this.area.set('');
    this.status.set('');
    this.missingLanguage.set('');
  }
}
