import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MonitoringTerms } from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { firstValueFrom } from 'rxjs';
import { CatalogueApi } from './catalogue-api';
import { FieldIssue } from './field-issues';
import { TermsFormat } from './terms-format';
import { TermsErrorState } from './terms-error-state';
import { TermsIssues } from './terms-issues';

export interface TermsServiceOption {
  code: string;
  name: string;
}

export interface TermsNewDraftData {
  /** The services that have no draft yet. */
  services: TermsServiceOption[];
}

/** Starts an empty draft of the terms of one service; closes with the draft. */
@Component({
  selector: 'sopu-terms-new-draft-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatSelectModule,
    TermsErrorState,
    TermsIssues,
    TranslatePipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'terms.newDraftTitle' | t }}</h2>
    <mat-dialog-content>
      <form id="terms-new-draft" (submit)="$event.preventDefault(); createDraft()" novalidate>
        @if (services.length > 0) {
          <p>{{ 'terms.newDraftIntro' | t }}</p>
          <mat-form-field>
            <mat-label>{{ 'terms.service' | t }}</mat-label>
            <mat-select
              required
              [value]="serviceCode()"
              [sopuTermsErrorState]="missing()"
              (valueChange)="choose($event)"
            >
              @for (service of services; track service.code) {
                <mat-option [value]="service.code">{{ service.code }} – {{ service.name }}</mat-option>
              }
            </mat-select>
            @if (missing()) {
              <mat-error>{{ 'validation.required' | t }}</mat-error>
            }
          </mat-form-field>
        } @else {
          <p>{{ 'terms.newDraftNone' | t }}</p>
        }
        <sopu-terms-issues [summary]="error()" [issues]="issues()" />
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
      @if (services.length > 0) {
        <button mat-flat-button type="submit" form="terms-new-draft" [attr.aria-busy]="busy()">
          {{ 'terms.createDraft' | t }}
        </button>
      }
    </mat-dialog-actions>
  `,
  styles: `
    mat-form-field {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TermsNewDraftDialog {
  private readonly api = inject(CatalogueApi);
  private readonly i18n = inject(I18n);
  private readonly format = inject(TermsFormat);
  private readonly dialogRef = inject<MatDialogRef<TermsNewDraftDialog, MonitoringTerms>>(MatDialogRef);
  protected readonly services = inject<TermsNewDraftData>(MAT_DIALOG_DATA).services;

  protected readonly serviceCode = signal<string>('');
  protected readonly missing = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly issues = signal<FieldIssue[]>([]);

  protected choose(code: string): void {
    this.serviceCode.set(code);
    this.missing.set(false);
  }

  protected async createDraft(): Promise<void> {
    if (this.busy()) return;
    if (!this.serviceCode()) {
      this.missing.set(true);
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      this.dialogRef.close(await firstValueFrom(this.api.createTerms(this.serviceCode())));
    } catch (error) {
      this.error.set(this.i18n.errorText(error));
      this.issues.set(this.format.issues(error, []));
    } finally {
      this.busy.set(false);
    }
  }
}
