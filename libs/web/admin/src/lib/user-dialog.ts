import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { LANGUAGES, Language, ROLES, Role, UserSummary } from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { catchError, firstValueFrom, of } from 'rxjs';
import { UsersApi } from './users-api';

export interface UserDialogData {
  /** null creates a new user. */
  user: UserSummary | null;
}

export interface UserDialogResult {
  user: UserSummary;
  /** Only after creating a user. */
  temporaryPassword?: string;
}

type FieldName = 'email' | 'displayName' | 'role' | 'producerId' | 'language' | 'active';

/** Error codes that belong to one field, so they are shown on it. */
const FIELD_OF_CODE: Record<string, FieldName> = {
  EMAIL_TAKEN: 'email',
  PRODUCER_REQUIRED: 'producerId',
  PRODUCER_NOT_ALLOWED: 'producerId',
};

const NAME_MAX_LENGTH = 200;

@Component({
  selector: 'sopu-user-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
  ],
  templateUrl: './user-dialog.html',
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding-top: 8px;
    }
    mat-form-field {
      width: 100%;
    }
    .error {
      color: var(--mat-sys-error);
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserDialog {
  private readonly api = inject(UsersApi);
  private readonly dialogRef = inject<MatDialogRef<UserDialog, UserDialogResult>>(MatDialogRef);
  protected readonly i18n = inject(I18n);
  protected readonly existing = inject<UserDialogData>(MAT_DIALOG_DATA).user;

  protected readonly roles = ROLES;
  protected readonly languages = LANGUAGES;
  protected readonly producers = toSignal(this.api.producers().pipe(catchError(() => of([]))), {
    initialValue: [],
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: [this.existing?.email ?? '', this.existing ? [] : [Validators.required, Validators.email]],
    displayName: [
      this.existing?.displayName ?? '',
      [Validators.required, Validators.maxLength(NAME_MAX_LENGTH)],
    ],
    role: [this.existing?.role ?? ('CONTRACT_MANAGER' as Role), [Validators.required]],
    producerId: [this.existing?.producerId ?? ''],
    language: [this.existing?.language ?? this.i18n.lang(), [Validators.required]],
    active: [this.existing?.active ?? true],
  });

  private readonly role = toSignal(this.form.controls.role.valueChanges, {
    initialValue: this.form.controls.role.value,
  });
  protected readonly needsProducer = computed(() => this.role() === 'PROVIDER_REPORTER');

  protected readonly busy = signal(false);
  /** Messages from the API, by field. */
  protected readonly serverErrors = signal<Partial<Record<FieldName, string>>>({});
  protected readonly generalError = signal<string | null>(null);

  constructor() {
    if (this.existing) this.form.controls.email.disable();
    const producer = this.form.controls.producerId;
    this.form.controls.role.valueChanges.pipe(takeUntilDestroyed()).subscribe((role) => {
      producer.setValidators(role === 'PROVIDER_REPORTER' ? [Validators.required] : []);
      producer.updateValueAndValidity();
    });
    producer.setValidators(
      this.form.controls.role.value === 'PROVIDER_REPORTER' ? [Validators.required] : [],
    );
  }

  protected errorFor(name: FieldName): string | null {
    const server = this.serverErrors()[name];
    if (server) return server;
    const control: FormControl = this.form.controls[name];
    if (control.hasError('required')) return this.i18n.t('validation.required');
    if (control.hasError('email')) return this.i18n.t('validation.email');
    if (control.hasError('maxlength')) return this.i18n.t('validation.maxLength', { max: NAME_MAX_LENGTH });
    return null;
  }

  protected clearServerError(name: FieldName): void {
    if (!this.serverErrors()[name]) return;
    this.serverErrors.update(({ [name]: _removed, ...rest }) => rest);
    this.form.controls[name].updateValueAndValidity();
  }

  protected async save(): Promise<void> {
    if (this.busy()) return;
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    this.busy.set(true);
    this.generalError.set(null);
    this.serverErrors.set({});
    const value = this.form.getRawValue();
    const reporter = value.role === 'PROVIDER_REPORTER';
    try {
      if (this.existing) {
        const user = await firstValueFrom(
          this.api.update(this.existing.id, {
            displayName: value.displayName.trim(),
            role: value.role,
            producerId: reporter ? value.producerId : null,
            language: value.language as Language,
            active: value.active,
          }),
        );
        this.dialogRef.close({ user });
      } else {
        const created = await firstValueFrom(
          this.api.create({
            email: value.email.trim(),
            displayName: value.displayName.trim(),
            role: value.role,
            ...(reporter ? { producerId: value.producerId } : {}),
            language: value.language as Language,
          }),
        );
        this.dialogRef.close(created);
      }
    } catch (error) {
      this.showError(error);
    } finally {
      this.busy.set(false);
    }
  }

  private showError(error: unknown): void {
    const byField: Partial<Record<FieldName, string>> = {};
    for (const [field, message] of Object.entries(this.i18n.fieldErrors(error))) {
      if (field in this.form.controls) byField[field as FieldName] = capitalise(message);
    }
    const code = this.i18n.errorCode(error);
    const field = code ? FIELD_OF_CODE[code] : undefined;
    if (field) byField[field] = this.i18n.errorText(error);
    this.serverErrors.set(byField);
    for (const name of Object.keys(byField) as FieldName[]) {
      const control = this.form.controls[name];
      control.setErrors({ ...control.errors, server: true });
      control.markAsTouched();
    }
    if (Object.keys(byField).length === 0 || (!field && code !== 'VALIDATION_FAILED')) {
      this.generalError.set(this.i18n.errorText(error));
    }
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
