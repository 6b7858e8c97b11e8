import { ClipboardModule } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@sopu/web/i18n';

export interface TemporaryPasswordData {
  name: string;
  password: string;
}

/** The only place a temporary password is ever shown: the API does not keep it in readable form. */
@Component({
  selector: 'sopu-temporary-password-dialog',
  imports: [ClipboardModule, MatButtonModule, MatDialogModule, MatIconModule, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ 'passwordDialog.title' | t }}</h2>
    <mat-dialog-content>
      <p>{{ 'passwordDialog.intro' | t: { name: data.name } }}</p>
      <p class="label">{{ 'passwordDialog.label' | t }}</p>
      <p class="password" data-testid="temporary-password">
        <code>{{ data.password }}</code>
      </p>
      <p class="warning">
        <mat-icon aria-hidden="true">warning</mat-icon>
        <span>{{ 'passwordDialog.warning' | t }}</span>
      </p>
      <p role="status" class="copied">
        @if (copied()) {
          {{ 'passwordDialog.copied' | t }}
        }
      </p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button
        mat-button
        type="button"
        [cdkCopyToClipboard]="data.password"
        (cdkCopyToClipboardCopied)="copied.set($event)"
      >
        <mat-icon aria-hidden="true">content_copy</mat-icon>
        {{ 'passwordDialog.copy' | t }}
      </button>
      <button mat-flat-button type="button" mat-dialog-close>{{ 'common.close' | t }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .label {
      font-weight: 500;
      margin-bottom: 4px;
    }
    .password code {
      display: inline-block;
      font-size: 1.25rem;
      padding: 8px 12px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface);
      user-select: all;
      overflow-wrap: anywhere;
    }
    .warning {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      color: var(--mat-sys-on-error-container);
      background: var(--mat-sys-error-container);
      padding: 12px;
      border-radius: 4px;
      font-weight: 500;
    }
    .copied {
      min-height: 1.5em;
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TemporaryPasswordDialog {
  protected readonly data = inject<TemporaryPasswordData>(MAT_DIALOG_DATA);
  protected readonly copied = signal(false);
}
