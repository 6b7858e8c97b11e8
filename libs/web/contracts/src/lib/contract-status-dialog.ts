import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Contract, ContractStatus } from '@sopu/shared';
import { I18n, TranslatePipe, TranslationKey } from '@sopu/web/i18n';
import { firstValueFrom } from 'rxjs';
import { todayIso } from './contract-format';
import { ContractLabel } from './contract-label';
import { ContractsApi } from './contracts-api';

export type StatusAction = 'activate' | 'resume' | 'suspend' | 'end' | 'terminate';

/** The verb for a status change: going ACTIVE is "activate" from a draft and "resume" after a suspension. */
export function statusAction(from: ContractStatus, to: ContractStatus): StatusAction {
  switch (to) {
    case 'ACTIVE':
      return from === 'SUSPENDED' ? 'resume' : 'activate';
    case 'SUSPENDED':
      return 'suspend';
    case 'ENDED':
      return 'end';
    default:
      return 'terminate';
  }
}

export interface ContractStatusDialogData {
  contract: Pick<Contract, 'id' | 'number' | 'status'>;
  to: ContractStatus;
}

const REASON_MAX = 2000;

/** Changes a contract's status with a reason and an effective date. Closes with the changed contract. */
@Component({
  selector: 'sopu-contract-status-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    ContractLabel,
    TranslatePipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ titleKey | t: { number: data.contract.number } }}</h2>
    <mat-dialog-content>
      <form [formGroup]="form" id="contract-status-form" (ngSubmit)="save()" novalidate>
        <p>
          {{
            'contracts.statusDialog.change'
              | t
                : {
                    from: (data.contract.status | contractLabel: 'status'),
                    to: (data.to | contractLabel: 'status'),
                  }
          }}
        </p>
        @if (action === 'activate' || action === 'resume') {
          <p>{{ 'contracts.statusDialog.createsReports' | t }}</p>
        }
        <mat-form-field class="full">
          <mat-label>{{ 'contracts.field.reason' | t }}</mat-label>
          <textarea
            matInput
            formControlName="reason"
            rows="3"
            required
            (input)="serverErrors.set({})"
          ></textarea>
          @if (errorFor('reason'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'contracts.field.effectiveDate' | t }}</mat-label>
          <input
            matInput
            type="date"
            formControlName="effectiveDate"
            required
            (input)="serverErrors.set({})"
          />
          @if (errorFor('effectiveDate'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <div role="alert">
          @if (generalError(); as message) {
            <p class="error">{{ message }}</p>
          }
        </div>
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
      <button mat-flat-button type="submit" form="contract-status-form" [attr.aria-busy]="busy()">
        {{ actionKey | t }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .full {
      width: 100%;
    }
    .error {
      color: var(--mat-sys-error);
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContractStatusDialog {
  private readonly api = inject(ContractsApi);
  private readonly dialogRef = inject<MatDialogRef<ContractStatusDialog, Contract>>(MatDialogRef);
  private readonly i18n = inject(I18n);
  protected readonly data = inject<ContractStatusDialogData>(MAT_DIALOG_DATA);
  protected readonly action = statusAction(this.data.contract.status, this.data.to);
  protected readonly titleKey: TranslationKey = `contracts.statusDialog.${this.action}`;
  protected readonly actionKey: TranslationKey = `contracts.action.${this.action}`;

  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, Validators.maxLength(REASON_MAX)]],
    effectiveDate: [todayIso(), [Validators.required]],
  });

  protected readonly busy = signal(false);
  protected readonly serverErrors = signal<Record<string, string>>({});
  protected readonly generalError = signal<string | null>(null);

  protected errorFor(name: 'reason' | 'effectiveDate'): string | null {
    const server = this.serverErrors()[name];
    if (server) return server;
    const control = this.form.controls[name];
    if (control.hasError('required')) return this.i18n.t('validation.required');
    if (control.hasError('maxlength')) return this.i18n.t('validation.maxLength', { max: REASON_MAX });
    return null;
  }

  protected async save(): Promise<void> {
    if (this.busy()) return;
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    this.busy.set(true);
    this.generalError.set(null);
    this.serverErrors.set({});
    const { reason, effectiveDate } = this.form.getRawValue();
    try {
      const contract = await firstValueFrom(
        this.api.changeStatus(this.data.contract.id, {
          status: this.data.to,
          reason: reason.trim(),
          effectiveDate,
        }),
      );
      this.dialogRef.close(contract);
    } catch (error) {
      const fields = this.i18n.fieldErrors(error);
      const placed: Record<string, string> = {};
      for (const name of ['reason', 'effectiveDate'] as const)
        if (fields[name]) {
          placed[name] = fields[name];
          this.form.controls[name].setErrors({ server: true });
        }
      this.serverErrors.set(placed);
      this.generalError.set(this.i18n.errorText(error));
    } finally {
      this.busy.set(false);
    }
  }
}
