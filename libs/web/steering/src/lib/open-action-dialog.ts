import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  CORRECTIVE_ACTION_MAX_WORKING_DAYS,
  CORRECTIVE_ACTION_SEVERITIES,
  CORRECTIVE_ACTION_TEXT_MAX,
  CorrectiveAction,
  Deviation,
} from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { firstValueFrom } from 'rxjs';
import { SteeringApi } from './steering-api';
import { SteeringLabel } from './steering-label';

export interface OpenActionDialogData {
  deviation: Deviation;
  /** The deviation in words: service, period, kind and criterion. */
  summary: string;
}

type Field = 'description' | 'severity' | 'workingDays';

/**
 * Opens a corrective action on one deviation. After saving it stays open to show the due date the server
 * counted in working days; closing then returns the action.
 */
@Component({
  selector: 'sopu-open-action-dialog',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    SteeringLabel,
    TranslatePipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'actions.open.title' | t }}</h2>
    <mat-dialog-content>
      <p>{{ data.summary }}</p>
      @if (created(); as action) {
        <p role="status" class="created">
          {{ 'actions.open.created' | t: { date: i18n.date(action.dueDate), days: action.workingDays } }}
        </p>
      } @else {
        <form [formGroup]="form" id="open-action-form" (ngSubmit)="save()" novalidate>
          <mat-form-field class="full">
            <mat-label>{{ 'actions.field.description' | t }}</mat-label>
            <textarea matInput formControlName="description" rows="4" required></textarea>
            <mat-hint>{{ 'actions.noPersonalData' | t }}</mat-hint>
            @if (errorFor('description'); as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'actions.field.severity' | t }}</mat-label>
            <mat-select formControlName="severity" required>
              @for (s of severities; track s) {
                <mat-option [value]="s">{{ s | steeringLabel: 'severity' }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'actions.field.workingDays' | t }}</mat-label>
            <input matInput type="number" formControlName="workingDays" min="1" [max]="maxDays" required />
            <mat-hint>{{ 'actions.field.workingDaysHint' | t: { max: maxDays } }}</mat-hint>
            @if (errorFor('workingDays'); as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
        </form>
      }
      <div role="alert">
        @if (error(); as message) {
          <p class="error">{{ message }}</p>
        }
      </div>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      @if (created(); as action) {
        <a mat-button [routerLink]="['/corrective-actions', action.id]" [mat-dialog-close]="action">
          {{ 'actions.open.view' | t }}
        </a>
        <button mat-flat-button type="button" [mat-dialog-close]="action">{{ 'common.close' | t }}</button>
      } @else {
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" form="open-action-form" [attr.aria-busy]="busy()">
          {{ 'actions.open.submit' | t }}
        </button>
      }
    </mat-dialog-actions>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 8px;
      min-width: min(32rem, 80vw);
    }
    .full {
      width: 100%;
    }
    .error {
      color: var(--mat-sys-error);
      font-weight: 500;
    }
    .created {
      font-weight: 700;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OpenActionDialog {
  private readonly api = inject(SteeringApi);
  protected readonly i18n = inject(I18n);
  protected readonly data = inject<OpenActionDialogData>(MAT_DIALOG_DATA);
  protected readonly severities = CORRECTIVE_ACTION_SEVERITIES;
  protected readonly maxDays = CORRECTIVE_ACTION_MAX_WORKING_DAYS;

  protected readonly form = inject(NonNullableFormBuilder).group({
    description: ['', [Validators.required, Validators.maxLength(CORRECTIVE_ACTION_TEXT_MAX)]],
    severity: ['MEDIUM' as (typeof CORRECTIVE_ACTION_SEVERITIES)[number], [Validators.required]],
    workingDays: [
      10,
      [Validators.required, Validators.min(1), Validators.max(CORRECTIVE_ACTION_MAX_WORKING_DAYS)],
    ],
  });

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly serverErrors = signal<Partial<Record<Field, string>>>({});
  protected readonly created = signal<CorrectiveAction | null>(null);

  protected errorFor(name: Field): string | null {
    const server = this.serverErrors()[name];
    if (server) return server;
    const control = this.form.controls[name];
    if (control.hasError('required')) return this.i18n.t('validation.required');
    if (control.hasError('maxlength'))
      return this.i18n.t('validation.maxLength', { max: CORRECTIVE_ACTION_TEXT_MAX });
    if (control.hasError('min') || control.hasError('max'))
      return this.i18n.t('actions.field.workingDaysHint', { max: CORRECTIVE_ACTION_MAX_WORKING_DAYS });
    return null;
  }

  protected async save(): Promise<void> {
    if (this.busy()) return;
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    this.busy.set(true);
    this.error.set(null);
    this.serverErrors.set({});
    const { description, severity, workingDays } = this.form.getRawValue();
    try {
      const action = await firstValueFrom(
        this.api.openAction({
          deviationId: this.data.deviation.id,
          description: description.trim(),
          severity,
          workingDays: Number(workingDays),
        }),
      );
      this.created.set(action);
    } catch (error) {
      this.serverErrors.set(this.i18n.fieldErrors(error));
      this.error.set(this.i18n.errorText(error));
    } finally {
      this.busy.set(false);
    }
  }
}
