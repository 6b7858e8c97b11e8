import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import {
  AbstractControl,
  FormGroupDirective,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { LANGUAGES, Language, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { AuthStore } from './auth-store';

function passwordsMatch(group: AbstractControl): ValidationErrors | null {
  const next = group.get('newPassword')?.value;
  const repeat = group.get('repeatPassword')?.value;
  return next && repeat && next !== repeat ? { passwordsDiffer: true } : null;
}

@Component({
  selector: 'sopu-account-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
  ],
  templateUrl: './account-page.html',
  styleUrl: './account-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountPage {
  private readonly auth = inject(AuthStore);
  protected readonly i18n = inject(I18n);
  protected readonly user = this.auth.user;
  protected readonly languages = LANGUAGES;
  protected readonly minLength = PASSWORD_MIN_LENGTH;

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      currentPassword: ['', [Validators.required]],
      newPassword: [
        '',
        [
          Validators.required,
          Validators.minLength(PASSWORD_MIN_LENGTH),
          Validators.maxLength(PASSWORD_MAX_LENGTH),
        ],
      ],
      repeatPassword: ['', [Validators.required]],
    },
    { validators: passwordsMatch },
  );

  protected readonly busy = signal(false);
  protected readonly languageSaved = signal(false);
  protected readonly passwordChanged = signal(false);
  private readonly failure = signal<unknown>(null);
  /** The wrong current password is shown on its field; other failures above the button. */
  protected readonly wrongCurrentPassword = computed(
    () => this.i18n.errorCode(this.failure()) === 'WRONG_CURRENT_PASSWORD',
  );
  protected readonly errorText = computed(() => {
    const failure = this.failure();
    return failure === null || this.wrongCurrentPassword() ? null : this.i18n.errorText(failure);
  });

  /** Shows "passwords do not match" on the repeat field, although the rule belongs to the whole form. */
  protected readonly repeatMatcher: ErrorStateMatcher = {
    isErrorState: (control, form) =>
      !!control &&
      (control.touched || !!form?.submitted) &&
      (control.invalid || !!form?.hasError('passwordsDiffer')),
  };

  protected async chooseLanguage(lang: Language): Promise<void> {
    this.languageSaved.set(false);
    try {
      await this.auth.changeLanguage(lang);
      this.languageSaved.set(true);
    } catch {
      // The global error notice tells what went wrong.
    }
  }

  protected newPasswordError(): string | null {
    const control = this.form.controls.newPassword;
    if (control.hasError('required')) return this.i18n.t('validation.required');
    if (control.hasError('minlength'))
      return this.i18n.t('validation.minLength', { min: PASSWORD_MIN_LENGTH });
    if (control.hasError('maxlength'))
      return this.i18n.t('validation.maxLength', { max: PASSWORD_MAX_LENGTH });
    return null;
  }

  protected async changePassword(formDirective: FormGroupDirective): Promise<void> {
    if (this.busy()) return;
    this.passwordChanged.set(false);
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    this.busy.set(true);
    this.failure.set(null);
    const { currentPassword, newPassword } = this.form.getRawValue();
    try {
      await this.auth.changePassword(currentPassword, newPassword);
      formDirective.resetForm();
      this.passwordChanged.set(true);
    } catch (error) {
      this.failure.set(error);
      if (this.wrongCurrentPassword()) this.form.controls.currentPassword.setErrors({ wrong: true });
    } finally {
      this.busy.set(false);
    }
  }

  protected clearWrongPassword(): void {
    if (this.wrongCurrentPassword()) this.failure.set(null);
  }
}
