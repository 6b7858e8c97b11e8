import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormControl,
  FormGroupDirective,
  NgForm,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  ValidatorFn,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  BusinessIdProblem,
  PRODUCER_STATUSES,
  PRODUCER_TYPES,
  ProducerDetail,
  ProducerInput,
  ProducerStatus,
  ProducerType,
  businessIdProblem,
} from '@sopu/shared';
import { I18n, TranslatePipe, TranslationKey } from '@sopu/web/i18n';
import { catchError, filter, firstValueFrom, of, switchMap } from 'rxjs';
import { fieldMessages } from './field-messages';
import { ProducerLabel } from './producer-label';
import { ProducersApi } from './producers-api';

type FieldName =
  'name' | 'type' | 'businessId' | 'costCentre' | 'contactName' | 'contactEmail' | 'contactPhone' | 'status';

const MAX_LENGTH: Partial<Record<FieldName, number>> = {
  name: 200,
  costCentre: 40,
  contactName: 200,
  contactEmail: 254,
  contactPhone: 40,
};

const BUSINESS_ID_MESSAGES: Record<BusinessIdProblem, TranslationKey> = {
  FORMAT: 'producers.form.businessIdFormat',
  CHECK_DIGIT: 'producers.form.businessIdCheckDigit',
  NEVER_ISSUED: 'producers.form.businessIdNeverIssued',
};

/** The same check-digit rule as the API (`@sopu/shared`); an empty value is left to `required`. */
const businessIdValidator: ValidatorFn = (control: AbstractControl<string>): ValidationErrors | null => {
  const value = control.value.trim();
  const problem = value ? businessIdProblem(value) : null;
  return problem ? { businessId: problem } : null;
};

/**
 * Flags a wrong business ID as soon as all nine characters are typed, not only after leaving the field,
 * so that a mistyped check digit is noticed while the number is still in front of the user.
 */
class InstantErrorStateMatcher implements ErrorStateMatcher {
  isErrorState(control: AbstractControl | null, form: FormGroupDirective | NgForm | null): boolean {
    if (!control?.invalid) return false;
    const complete = control.dirty && String(control.value ?? '').trim().length >= 9;
    return control.touched || complete || !!form?.submitted;
  }
}

/** Registers a producer or changes one. In-house production carries the city's business ID and a cost centre. */
@Component({
  selector: 'sopu-producer-editor',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ProducerLabel,
    TranslatePipe,
  ],
  templateUrl: './producer-editor.html',
  styleUrl: './producer-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProducerEditor {
  private readonly api = inject(ProducersApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18n);

  /** From the route; absent when creating. */
  readonly id = input<string>();

  protected readonly types = PRODUCER_TYPES;
  protected readonly statuses = PRODUCER_STATUSES;
  protected readonly instantErrors = new InstantErrorStateMatcher();

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    type: ['' as ProducerType | '', [Validators.required]],
    businessId: ['', [businessIdValidator]],
    costCentre: ['', [Validators.maxLength(40)]],
    contactName: ['', [Validators.maxLength(200)]],
    contactEmail: ['', [Validators.email, Validators.maxLength(254)]],
    contactPhone: ['', [Validators.maxLength(40)]],
    status: ['ACTIVE' as ProducerStatus, [Validators.required]],
  });

  private readonly type = toSignal(this.form.controls.type.valueChanges, {
    initialValue: this.form.controls.type.value,
  });
  protected readonly inHouse = computed(() => this.type() === 'SELF_PRODUCED');

  protected readonly existing = signal<ProducerDetail | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly busy = signal(false);
  /** API messages by field. */
  protected readonly serverErrors = signal<Partial<Record<FieldName, string>>>({});
  protected readonly generalError = signal<string | null>(null);

  constructor() {
    this.form.controls.type.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((type) => this.applyTypeRules(type));
    toObservable(this.id)
      .pipe(
        filter((id): id is string => !!id),
        switchMap((id) => {
          this.loading.set(true);
          return this.api.get(id).pipe(
            catchError((error: unknown) => {
              this.loadError.set(this.i18n.errorText(error));
              return of(null);
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((producer) => {
        this.loading.set(false);
        if (producer) this.fill(producer);
      });
  }

  protected errorFor(name: FieldName): string | null {
    const server = this.serverErrors()[name];
    if (server) return server;
    const control: FormControl = this.form.controls[name];
    if (control.hasError('required')) return this.i18n.t('validation.required');
    const problem = control.getError('businessId') as BusinessIdProblem | undefined;
    if (problem) return this.i18n.t(BUSINESS_ID_MESSAGES[problem]);
    if (control.hasError('email')) return this.i18n.t('validation.email');
    if (control.hasError('maxlength'))
      return this.i18n.t('validation.maxLength', { max: MAX_LENGTH[name] ?? 0 });
    return null;
  }

  protected clearServerError(name: FieldName): void {
    if (!this.serverErrors()[name]) return;
    this.serverErrors.update(({ [name]: _removed, ...rest }) => rest);
    this.form.controls[name].updateValueAndValidity();
  }

  protected changeType(): void {
    this.clearServerError('type');
    this.clearServerError('businessId');
    this.clearServerError('costCentre');
  }

  protected async save(): Promise<void> {
    if (this.busy()) return;
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    this.busy.set(true);
    this.generalError.set(null);
    this.serverErrors.set({});
    const value = this.form.getRawValue();
    const inHouse = value.type === 'SELF_PRODUCED';
    const input: ProducerInput = {
      name: value.name.trim(),
      type: value.type as ProducerType,
      // Empty for in-house production: the API fills in the organiser's own business ID.
      businessId: value.businessId.trim() || null,
      // Only in-house production has a cost centre; an external producer's is cleared.
      costCentre: inHouse ? value.costCentre.trim() || null : null,
      contactName: value.contactName.trim() || null,
      contactEmail: value.contactEmail.trim() || null,
      contactPhone: value.contactPhone.trim() || null,
      status: value.status,
    };
    const existing = this.existing();
    try {
      const saved = await firstValueFrom(
        existing ? this.api.update(existing.id, input) : this.api.create(input),
      );
      this.snackBar.open(this.i18n.t('producers.saved', { name: saved.name }), this.i18n.t('common.close'), {
        duration: 5000,
      });
      await this.router.navigate(['/producers', saved.id]);
    } catch (error) {
      this.showError(error);
    } finally {
      this.busy.set(false);
    }
  }

  /** External producers need their own business ID; in-house production needs a cost centre. */
  private applyTypeRules(type: ProducerType | ''): void {
    const { businessId, costCentre } = this.form.controls;
    businessId.setValidators(
      type === 'SELF_PRODUCED' || type === ''
        ? [businessIdValidator]
        : [Validators.required, businessIdValidator],
    );
    costCentre.setValidators(
      type === 'SELF_PRODUCED' ? [Validators.required, Validators.maxLength(40)] : [Validators.maxLength(40)],
    );
    businessId.updateValueAndValidity();
    costCentre.updateValueAndValidity();
  }

  private fill(producer: ProducerDetail): void {
    this.existing.set(producer);
    this.form.setValue({
      name: producer.name,
      type: producer.type,
      businessId: producer.businessId ?? '',
      costCentre: producer.costCentre ?? '',
      contactName: producer.contactName ?? '',
      contactEmail: producer.contactEmail ?? '',
      contactPhone: producer.contactPhone ?? '',
      status: producer.status,
    });
  }

  private showError(error: unknown): void {
    const messages = fieldMessages(this.i18n, error);
    const code = this.i18n.errorCode(error);
    if (code === 'PRODUCER_NAME_TAKEN') messages['name'] = this.i18n.errorText(error);
    const byField: Partial<Record<FieldName, string>> = {};
    let unplaced = false;
    for (const [field, message] of Object.entries(messages)) {
      const shown = field in this.form.controls && (field !== 'costCentre' || this.inHouse());
      if (shown) byField[field as FieldName] = message;
      else unplaced = true;
    }
    this.serverErrors.set(byField);
    for (const name of Object.keys(byField) as FieldName[]) {
      const control = this.form.controls[name];
      control.setErrors({ ...control.errors, server: true });
      control.markAsTouched();
    }
    if (unplaced || Object.keys(byField).length === 0 || code !== 'PRODUCER_NAME_TAKEN') {
      this.generalError.set(this.i18n.errorText(error));
    }
  }
}
