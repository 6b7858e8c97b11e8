import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { DOCUMENT_MAX_BYTES, ReportAttachment, ReportDetail } from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { firstValueFrom } from 'rxjs';
import { ReportsApi } from './reports-api';

/** What the API accepts (it also checks the content), told before a large upload is wasted. */
const ACCEPTED = ['.pdf', '.docx', '.xlsx'];

/**
 * Evidence of one value where the terms ask for it: the attached files with download links, and while
 * the report can be edited a file to attach and a way to take one off. Files are kept by the API; a
 * submitted revision keeps the ones it was submitted with.
 */
@Component({
  selector: 'sopu-report-evidence',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  template: `
    <div class="evidence">
      <p class="title" [id]="base() + '-title'">{{ 'reports.evidence.title' | t }}</p>
      @if (files().length) {
        <ul [attr.aria-labelledby]="base() + '-title'">
          @for (file of files(); track file.id) {
            <li>
              <a [href]="url(file)" [attr.download]="file.filename">{{ file.filename }}</a>
              @if (editable()) {
                <button
                  mat-button
                  type="button"
                  class="remove"
                  [disabled]="busy()"
                  [attr.aria-label]="'reports.evidence.remove' | t: { name: file.filename }"
                  (click)="remove(file)"
                >
                  <mat-icon aria-hidden="true">delete</mat-icon>
                  {{ 'reports.evidence.removeShort' | t }}
                </button>
              }
            </li>
          }
        </ul>
      } @else {
        <p class="none">{{ 'reports.evidence.none' | t }}</p>
      }
      @if (editable()) {
        <label [for]="base() + '-file'">{{ 'reports.evidence.choose' | t: { name: criterionName() } }}</label>
        <input
          #file
          type="file"
          [id]="base() + '-file'"
          [accept]="accept"
          [attr.aria-describedby]="base() + '-hint' + (message() ? ' ' + base() + '-error' : '')"
          [attr.aria-busy]="busy()"
          [disabled]="busy()"
          (change)="upload(file)"
        />
        <span class="hint" [id]="base() + '-hint'">{{ 'reports.evidence.hint' | t }}</span>
      }
      <div role="alert">
        @if (message(); as text) {
          <p class="field-error" [id]="base() + '-error'">{{ text }}</p>
        }
      </div>
    </div>
  `,
  styles: `
    .evidence {
      margin: 4px 0 12px;
    }
    .title {
      font: var(--mat-sys-title-small);
      margin: 0 0 4px;
    }
    ul {
      margin: 0 0 8px;
      padding-left: 20px;
    }
    .none,
    .hint {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .none {
      margin: 0 0 8px;
    }
    label {
      display: block;
      margin-bottom: 4px;
    }
    .hint {
      display: block;
      margin-top: 4px;
    }
    .field-error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
      margin: 4px 0 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportEvidence {
  private readonly api = inject(ReportsApi);
  private readonly i18n = inject(I18n);

  readonly reportId = input.required<string>();
  readonly criterionCode = input.required<string>();
  readonly criterionName = input.required<string>();
  /** The files as the report was loaded. */
  readonly attachments = input<readonly ReportAttachment[]>([]);
  readonly editable = input(false);
  /** The server's refusal of the last submission for this value's evidence. */
  readonly refusal = input<string | null>(null);

  protected readonly accept = ACCEPTED.join(',');
  protected readonly files = signal<readonly ReportAttachment[]>([]);
  protected readonly busy = signal(false);
  private readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      const loaded = this.attachments();
      untracked(() => this.files.set(loaded));
    });
  }

  protected base(): string {
    return `evidence-${this.criterionCode()}`;
  }

  protected message(): string | null {
    return this.error() ?? (this.files().length === 0 ? this.refusal() : null);
  }

  protected url(file: ReportAttachment): string {
    return this.api.attachmentUrl(this.reportId(), file.id);
  }

  protected async upload(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    this.error.set(null);
    const name = file.name.toLowerCase();
    if (!ACCEPTED.some((extension) => name.endsWith(extension))) {
      this.error.set(this.i18n.t('contracts.documents.wrongType', { name: file.name }));
    } else if (file.size > DOCUMENT_MAX_BYTES) {
      this.error.set(this.i18n.t('contracts.documents.tooLarge', { name: file.name }));
    } else {
      await this.run(this.api.addAttachment(this.reportId(), this.criterionCode(), file, file.name));
    }
    input.value = '';
  }

  protected async remove(file: ReportAttachment): Promise<void> {
    await this.run(this.api.removeAttachment(this.reportId(), file.id));
  }

  private async run(request: ReturnType<ReportsApi['addAttachment']>): Promise<void> {
    this.busy.set(true);
    try {
      const report: ReportDetail = await firstValueFrom(request);
      this.files.set(report.values.find((v) => v.criterionCode === this.criterionCode())?.attachments ?? []);
    } catch (error) {
      this.error.set(this.i18n.errorText(error));
    } finally {
      this.busy.set(false);
    }
  }
}
