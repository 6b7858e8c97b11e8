import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslatePipe } from '@sopu/web/i18n';

export interface DescriptionPublishData {
  code: string;
  version: number;
}

/** Publishing retires the version in force, so it is confirmed first. Closes with true to publish. */
@Component({
  selector: 'sopu-description-publish-dialog',
  imports: [MatButtonModule, MatDialogModule, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ 'descriptions.publishTitle' | t: { version: data.version } }}</h2>
    <mat-dialog-content>
      <p>{{ 'descriptions.publishText' | t: { code: data.code, version: data.version } }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">{{ 'common.cancel' | t }}</button>
      <button mat-flat-button type="button" [mat-dialog-close]="true">
        {{ 'descriptions.publish' | t }}
      </button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DescriptionPublishDialog {
  protected readonly data = inject<DescriptionPublishData>(MAT_DIALOG_DATA);
}
