import {
  ChangeDetectionStrategy,
  Component,
  WritableSignal,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  CODE_PATTERN,
  Localized,
  OUTPUT_UNITS,
  OutputUnit,
  SERVICE_AREAS,
  ServiceArea,
  ServiceDescription,
  ServiceDescriptionInput,
} from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { catchError, filter, firstValueFrom, of, switchMap } from 'rxjs';
import { CatalogueApi } from './catalogue-api';
import { CatalogueLabel } from './catalogue-label';
import { DESCRIPTION_TEXTS, DESCRIPTION_TEXT_FIELDS, DescriptionTextField } from './description-fields';
import { ServerErrors } from './field-issues';
import { LocalizedFields } from './localized-fields';

type ScalarField = 'code' | 'area' | 'outputUnit';

const emptyText = (): Localized => ({ fi: '', sv: '', en: '' });

/** Creates a service description, or edits one: a draft in place, a published version into a new draft. */
@Component({
  selector: 'sopu-service-description-editor',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    CatalogueLabel,
    LocalizedFields,
    TranslatePipe,
  ],
  templateUrl: './service-description-editor.html',
  styleUrl: './catalogue-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ServiceDescriptionEditor {
  private readonly api = inject(CatalogueApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18n);

  /** From the route; absent when creating. */
  readonly id = input<string>();

  protected readonly areas = SERVICE_AREAS;
  protected readonly outputUnits = OUTPUT_UNITS;
  protected readonly textFields = DESCRIPTION_TEXTS;

  protected readonly existing = signal<ServiceDescription | null>(null);
  protected readonly loading = signal(false);
  /** Saving a published version makes a new draft version; the user is told before saving. */
  protected readonly makesNewVersion = computed(() => this.existing()?.status === 'PUBLISHED');

  protected readonly form = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required, Validators.pattern(CODE_PATTERN)]],
    area: ['' as ServiceArea | '', [Validators.required]],
    outputUnit: ['' as OutputUnit | '', [Validators.required]],
  });
  protected readonly texts: Record<DescriptionTextField, WritableSignal<Localized>> = {
    name: signal(emptyText()),
    description: signal(emptyText()),
    inclusions: signal(emptyText()),
    targetGroup: signal(emptyText()),
  };

  protected readonly busy = signal(false);
  protected readonly serverErrors = new ServerErrors(this.i18n, this.form);
  protected readonly textErrors = computed(() => this.serverErrors.texts(DESCRIPTION_TEXT_FIELDS));

  constructor() {
    toObservable(this.id)
      .pipe(
        filter((id): id is string => !!id),
        switchMap((id) => {
          this.loading.set(true);
          // The global error notice tells why loading failed.
          return this.api.description(id).pipe(catchError(() => of(null)));
        }),
        takeUntilDestroyed(),
      )
      .subscribe((description) => {
        this.loading.set(false);
        if (description) this.fill(description);
      });
  }

  protected errorFor(name: ScalarField): string | null {
    const server = this.serverErrors.fields()[name];
    if (server) return server;
    const control = this.form.controls[name];
    if (control.hasError('required')) return this.i18n.t('validation.required');
    if (control.hasError('pattern')) return this.i18n.t('catalogue.codePattern');
    return null;
  }

  protected changeText(field: DescriptionTextField, value: Localized): void {
    this.texts[field].set(value);
    this.serverErrors.forget(field);
  }

  protected async save(): Promise<void> {
    if (this.busy()) return;
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    this.busy.set(true);
    this.serverErrors.reset();
    const value = this.form.getRawValue();
    const input: ServiceDescriptionInput = {
      code: value.code.trim(),
      area: value.area as ServiceArea,
      outputUnit: value.outputUnit as OutputUnit,
      name: this.texts.name(),
      description: this.texts.description(),
      inclusions: this.texts.inclusions(),
      targetGroup: this.texts.targetGroup(),
    };
    const existing = this.existing();
    try {
      let saved: ServiceDescription;
      if (existing) {
        // The code of a published or later version cannot change, so it is sent only when editable.
        const { code, ...rest } = input;
        saved = await firstValueFrom(
          this.api.updateDescription(
            existing.id,
            this.form.controls.code.disabled ? rest : { code, ...rest },
          ),
        );
      } else {
        saved = await firstValueFrom(this.api.createDescription(input));
      }
      const message =
        existing && saved.id !== existing.id
          ? this.i18n.t('descriptions.newVersionCreated', { code: saved.code, version: saved.version })
          : this.i18n.t('descriptions.saved', { code: saved.code });
      this.snackBar.open(message, this.i18n.t('common.close'), { duration: 5000 });
      await this.router.navigate(['/catalogue/services', saved.id]);
    } catch (error) {
      this.serverErrors.show(error);
    } finally {
      this.busy.set(false);
    }
  }

  private fill(description: ServiceDescription): void {
    this.existing.set(description);
    this.form.setValue({
      code: description.code,
      area: description.area,
      outputUnit: description.outputUnit,
    });
    if (description.status !== 'DRAFT' || description.version > 1) this.form.controls.code.disable();
    for (const field of DESCRIPTION_TEXT_FIELDS) this.texts[field].set({ ...description[field] });
  }
}
