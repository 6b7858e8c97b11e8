import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslatePipe } from '@sopu/web/i18n';

export interface TermsPublishData {
  service: string;
  version: number;
  /** Already formatted for reading. */
  validFrom: string;
}

/** Publishing freezes a version for good, so it is confirmed first. Closes with true to publish. */
@Component({
  selector: 'sopu-terms-publish-dialog',
  imports: [MatButtonModule, MatDialogModule, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ 'terms.publishTitle' | t }}</h2>
    <mat-dialog-content>
      <p>
        {{
          'terms.publishText' | t: { service: data.service, version: data.version, validFrom: data.validFrom }
        }}
      </p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">{{ 'common.cancel' | t }}</button>
      <button mat-flat-button type="button" [mat-dialog-close]="true">
        {{ 'terms.publishConfirm' | t }}
      </button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TermsPublishDialog {
  protected readonly data = inject<TermsPublishData>(MAT_DIALOG_DATA);
}
