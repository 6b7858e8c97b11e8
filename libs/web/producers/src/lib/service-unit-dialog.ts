import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import {
  AbstractControl,
  FormControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  LANGUAGES,
  Language,
  MAJOR_DISTRICTS,
  MajorDistrict,
  ServiceUnit,
  ServiceUnitInput,
} from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { firstValueFrom } from 'rxjs';
import { fieldMessages } from './field-messages';
import { ProducerLabel } from './producer-label';
import { ProducersApi } from './producers-api';

export interface ServiceUnitDialogData {
  producerId: string;
  /** null adds a new unit. */
  unit: ServiceUnit | null;
}

/** A unit's name in the given language, or the Finnish name where that one is empty. */
export function unitName(unit: Pick<ServiceUnit, 'name'>, lang: Language): string {
  return unit.name[lang] || unit.name.fi;
}

const TEXT_MAX = { streetAddress: 200, postOffice: 100, name: 200 } as const;
const CAPACITY_MAX = 1_000_000;

type ScalarField = 'streetAddress' | 'postalCode' | 'postOffice' | 'district' | 'capacity';

/** Capacity is optional; when given, a whole number the API accepts. */
function capacityValidator(control: AbstractControl<number | null>): ValidationErrors | null {
  const value = control.value;
  if (value === null || (value as unknown) === '') return null;
  return Number.isInteger(value) && value >= 0 && value <= CAPACITY_MAX ? null : { capacity: true };
}

function atLeastOne(control: AbstractControl<Record<Language, boolean>>): ValidationErrors | null {
  return Object.values(control.value).some(Boolean) ? null : { atLeastOne: true };
}

/** Adds a service unit to a producer or changes one: names in three languages, address, district, languages. */
@Component({
  selector: 'sopu-service-unit-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ProducerLabel,
    TranslatePipe,
  ],
  templateUrl: './service-unit-dialog.html',
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding-top: 8px;
    }
    fieldset {
      border: 0;
      margin: 0 0 8px;
      padding: 0;
      min-width: 0;
    }
    legend {
      padding: 0;
      margin-bottom: 8px;
      font: var(--mat-sys-title-small);
    }
    .names {
      display: grid;
      grid-template-columns: repeat(3, minmax(0, 1fr));
      gap: 0 16px;
    }
    .row {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(0, 1fr) minmax(0, 1fr);
      gap: 0 16px;
    }
    .row-2 {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 0 16px;
    }
    @media (max-width: 700px) {
      .names,
      .row,
      .row-2 {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .hint {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .checkboxes {
      display: flex;
      flex-wrap: wrap;
      gap: 0 16px;
    }
    .error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
      margin: 0;
    }
    .general-error {
      font: var(--mat-sys-body-medium);
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ServiceUnitDialog {
  private readonly api = inject(ProducersApi);
  private readonly dialogRef = inject<MatDialogRef<ServiceUnitDialog, ServiceUnit>>(MatDialogRef);
  private readonly data = inject<ServiceUnitDialogData>(MAT_DIALOG_DATA);
  protected readonly i18n = inject(I18n);
  protected readonly existing = this.data.unit;

  protected readonly languages = LANGUAGES;
  protected readonly nameFields = LANGUAGES.map((lang) => ({
    lang,
    key: `producers.unit.name.${lang}` as const,
  }));
  protected readonly districts = MAJOR_DISTRICTS;

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    name: this.fb.group({
      fi: [this.existing?.name.fi ?? '', [Validators.required, Validators.maxLength(TEXT_MAX.name)]],
      sv: [this.existing?.name.sv ?? '', [Validators.maxLength(TEXT_MAX.name)]],
      en: [this.existing?.name.en ?? '', [Validators.maxLength(TEXT_MAX.name)]],
    }),
    streetAddress: [
      this.existing?.streetAddress ?? '',
      [Validators.required, Validators.maxLength(TEXT_MAX.streetAddress)],
    ],
    postalCode: [this.existing?.postalCode ?? '', [Validators.required, Validators.pattern(/^\d{5}$/)]],
    postOffice: [
      this.existing?.postOffice ?? '',
      [Validators.required, Validators.maxLength(TEXT_MAX.postOffice)],
    ],
    district: [this.existing?.district ?? ('' as MajorDistrict | ''), [Validators.required]],
    languages: this.fb.group(
      {
        fi: [this.existing?.languages.includes('fi') ?? false],
        sv: [this.existing?.languages.includes('sv') ?? false],
        en: [this.existing?.languages.includes('en') ?? false],
      },
      { validators: [atLeastOne] },
    ),
    capacity: new FormControl<number | null>(this.existing?.capacity ?? null, [capacityValidator]),
    active: [this.existing?.active ?? true],
  });

  protected readonly busy = signal(false);
  /** API messages by field path (`postalCode`, `name.fi`, `languages`). */
  protected readonly serverErrors = signal<Record<string, string>>({});
  protected readonly generalError = signal<string | null>(null);

  protected nameError(lang: Language): string | null {
    const server = this.serverErrors()[`name.${lang}`] ?? this.serverErrors()['name'];
    if (server) return server;
    const control = this.form.controls.name.controls[lang];
    if (control.hasError('required')) return this.i18n.t('validation.required');
    if (control.hasError('maxlength')) return this.i18n.t('validation.maxLength', { max: TEXT_MAX.name });
    return null;
  }

  protected errorFor(name: ScalarField): string | null {
    const server = this.serverErrors()[name];
    if (server) return server;
    const control: FormControl = this.form.controls[name];
    if (control.hasError('required')) return this.i18n.t('validation.required');
    if (control.hasError('pattern')) return this.i18n.t('producers.unit.postalCodeFormat');
    if (control.hasError('capacity')) return this.i18n.t('producers.unit.capacityInvalid');
    if (control.hasError('maxlength'))
      return this.i18n.t('validation.maxLength', { max: control.getError('maxlength').requiredLength });
    return null;
  }

  /** Shown once the user has touched a checkbox or tried to save. */
  protected languagesError(): string | null {
    const server = this.serverErrors()['languages'];
    if (server) return server;
    const group = this.form.controls.languages;
    return group.hasError('atLeastOne') && group.touched
      ? this.i18n.t('producers.unit.languagesRequired')
      : null;
  }

  protected clearServerError(name: string): void {
    const errors = this.serverErrors();
    const keys = Object.keys(errors).filter((key) => key === name || key.startsWith(`${name}.`));
    if (keys.length === 0) return;
    this.serverErrors.set(Object.fromEntries(Object.entries(errors).filter(([key]) => !keys.includes(key))));
    if (name.startsWith('name')) {
      for (const lang of LANGUAGES) this.form.controls.name.controls[lang].updateValueAndValidity();
    } else if (name in this.form.controls) {
      this.form.get(name)?.updateValueAndValidity();
    }
  }

  protected touchLanguages(): void {
    this.form.controls.languages.markAsTouched();
    this.clearServerError('languages');
  }

  protected async save(): Promise<void> {
    if (this.busy()) return;
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    this.busy.set(true);
    this.generalError.set(null);
    this.serverErrors.set({});
    const value = this.form.getRawValue();
    const input: ServiceUnitInput = {
      name: { fi: value.name.fi.trim(), sv: value.name.sv.trim(), en: value.name.en.trim() },
      streetAddress: value.streetAddress.trim(),
      postalCode: value.postalCode.trim(),
      postOffice: value.postOffice.trim(),
      district: value.district as MajorDistrict,
      languages: LANGUAGES.filter((lang) => value.languages[lang]),
      capacity: value.capacity ?? null,
      active: value.active,
    };
    try {
      const saved = await firstValueFrom(
        this.existing
          ? this.api.updateUnit(this.data.producerId, this.existing.id, input)
          : this.api.addUnit(this.data.producerId, input),
      );
      this.dialogRef.close(saved);
    } catch (error) {
      this.showError(error);
    } finally {
      this.busy.set(false);
    }
  }

  private showError(error: unknown): void {
    const messages = fieldMessages(this.i18n, error);
    this.serverErrors.set(messages);
    let placed = false;
    for (const [field, message] of Object.entries(messages)) {
      if (!message) continue;
      const control = field === 'name' ? this.form.controls.name.controls.fi : this.form.get(field);
      if (!control) continue;
      placed = true;
      control.setErrors({ ...control.errors, server: true });
      control.markAsTouched();
    }
    if (!placed || this.i18n.errorCode(error) !== 'VALIDATION_FAILED') {
      this.generalError.set(this.i18n.errorText(error));
    }
  }
}
