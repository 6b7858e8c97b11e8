import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslatePipe, TranslationKey, TranslationParams } from '@sopu/web/i18n';

export interface ReportConfirmData {
  title: TranslationKey;
  text: TranslationKey;
  confirm: TranslationKey;
  params?: TranslationParams;
}

/** Asks before a step that cannot be taken back (submitting, accepting, returning). Closes with true. */
@Component({
  selector: 'sopu-report-confirm-dialog',
  imports: [MatButtonModule, MatDialogModule, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ data.title | t: data.params }}</h2>
    <mat-dialog-content>
      <p>{{ data.text | t: data.params }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">{{ 'common.cancel' | t }}</button>
      <button mat-flat-button type="button" cdkFocusInitial [mat-dialog-close]="true">
        {{ data.confirm | t: data.params }}
      </button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportConfirmDialog {
  protected readonly data = inject<ReportConfirmData>(MAT_DIALOG_DATA);
}
