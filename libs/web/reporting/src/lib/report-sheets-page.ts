import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { Producer, SHEET_MAX_BYTES, SheetImportResult } from '@sopu/shared';
import { AuthStore } from '@sopu/web/auth';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { ProducersApi } from '@sopu/web/producers';
import { catchError, firstValueFrom, of } from 'rxjs';
import { ReportsApi } from './reports-api';

const ACCEPTED = ['.xlsx', '.csv'];

/**
 * Reports by spreadsheet: download the open reports as XLSX or CSV, fill them, upload the sheet. The
 * upload is checked first and every problem listed by row and column; only a sheet without problems
 * can be stored, and then all its rows are stored or none. Storing saves drafts; each report is
 * still submitted from its own page.
 */
@Component({
  selector: 'sopu-report-sheets-page',
  imports: [
    NgTemplateOutlet,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    MatTableModule,
    TranslatePipe,
  ],
  template: `
    <div class="heading">
      <h1>{{ 'reports.sheets.title' | t }}</h1>
      <a mat-button routerLink="/reports">{{ 'reports.sheets.back' | t }}</a>
    </div>
    <p class="intro">{{ 'reports.sheets.intro' | t }}</p>

    <section aria-labelledby="sheets-download">
      <h2 id="sheets-download">{{ 'reports.sheets.download' | t }}</h2>
      @if (!reporter()) {
        <mat-form-field>
          <mat-label>{{ 'reports.sheets.producer' | t }}</mat-label>
          <mat-select [value]="producerId()" (valueChange)="producerId.set($event)">
            @for (p of producers(); track p.id) {
              <mat-option [value]="p.id">{{ p.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      }
      @if (reporter() || producerId()) {
        <p class="downloads">
          <a mat-stroked-button [href]="templateUrl('xlsx')" download>{{ 'reports.sheets.xlsx' | t }}</a>
          <a mat-stroked-button [href]="templateUrl('csv')" download>{{ 'reports.sheets.csv' | t }}</a>
        </p>
      } @else {
        <p class="hint">{{ 'reports.sheets.pickProducer' | t }}</p>
      }
    </section>

    <section aria-labelledby="sheets-upload">
      <h2 id="sheets-upload">{{ 'reports.sheets.upload' | t }}</h2>
      <label for="sheet-file">{{ 'reports.sheets.choose' | t }}</label>
      <input
        #file
        id="sheet-file"
        type="file"
        [accept]="accept"
        aria-describedby="sheet-file-hint"
        [attr.aria-busy]="busy()"
        [disabled]="busy()"
        (change)="check(file)"
      />
      <span class="hint" id="sheet-file-hint">{{ 'reports.sheets.hint' | t }}</span>

      <div role="alert">
        @if (error(); as message) {
          <p class="error">{{ message }}</p>
        }
      </div>
      <div aria-live="polite">
        @if (result(); as r) {
          @if (r.stored) {
            <p class="stored">
              {{ 'reports.sheets.stored' | t: { reports: r.reports.length, rows: r.rows } }}
            </p>
            <ul>
              @for (report of r.reports; track report.reportId) {
                <li>
                  <a [routerLink]="['/reports', report.reportId]">{{ 'reports.sheets.openReport' | t }}</a>
                  ({{ 'reports.sheets.criteria' | t: { count: report.criteria } }})
                </li>
              }
            </ul>
          } @else if (r.problems.length === 0) {
            <p class="checked">
              {{ 'reports.sheets.clean' | t: { reports: r.reports.length, rows: r.rows } }}
            </p>
            <button mat-flat-button type="button" [disabled]="busy()" (click)="store()">
              {{ 'reports.sheets.store' | t }}
            </button>
          } @else {
            <p class="error">
              {{ 'reports.sheets.problems' | t: { count: r.problems.length } }}
              @if (r.truncated) {
                {{ 'reports.sheets.truncated' | t }}
              }
            </p>
          }
        }
      </div>
      @if (result(); as r) {
        @if (r.problems.length) {
          <ng-container
            *ngTemplateOutlet="
              issues;
              context: { $implicit: r.problems, label: 'reports.sheets.problemsTable' | t }
            "
          />
        }
        @if (r.warnings.length) {
          <h3>{{ 'reports.sheets.warnings' | t }}</h3>
          <ng-container
            *ngTemplateOutlet="
              issues;
              context: { $implicit: r.warnings, label: 'reports.sheets.warningsTable' | t }
            "
          />
        }
      }
    </section>

    <ng-template #issues let-rows let-label="label">
      <div class="table-scroll" role="region" tabindex="0" [attr.aria-label]="label">
        <table mat-table [dataSource]="rows" [attr.aria-label]="label">
          <ng-container matColumnDef="row">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'reports.sheets.col.row' | t }}</th>
            <td mat-cell *matCellDef="let p" class="number">{{ p.row }}</td>
          </ng-container>
          <ng-container matColumnDef="column">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'reports.sheets.col.column' | t }}</th>
            <td mat-cell *matCellDef="let p">
              <code>{{ p.column ?? '–' }}</code>
            </td>
          </ng-container>
          <ng-container matColumnDef="message">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'reports.sheets.col.message' | t }}</th>
            <td mat-cell *matCellDef="let p">{{ p.message }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      </div>
    </ng-template>
  `,
  styles: `
    .heading {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 16px;
    }
    section {
      margin: 24px 0;
    }
    .downloads {
      display: flex;
      gap: 12px;
      flex-wrap: wrap;
    }
    label {
      display: block;
      margin-bottom: 4px;
    }
    .hint {
      display: block;
      margin-top: 4px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .error {
      color: var(--mat-sys-error);
    }
    .number {
      text-align: right;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportSheetsPage {
  private readonly api = inject(ReportsApi);
  private readonly producersApi = inject(ProducersApi);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18n);

  protected readonly accept = ACCEPTED.join(',');
  protected readonly columns = ['row', 'column', 'message'];
  protected readonly reporter = computed(() => this.auth.role() === 'PROVIDER_REPORTER');
  protected readonly producerId = signal<string | null>(null);
  protected readonly producers = toSignal(
    this.producersApi.list().pipe(catchError(() => of([] as Producer[]))),
    { initialValue: [] as Producer[] },
  );
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly result = signal<SheetImportResult | null>(null);
  /** The sheet that was checked, stored as it was checked. */
  private checked: File | null = null;

  protected templateUrl(format: 'xlsx' | 'csv'): string {
    return this.api.templateUrl(format, this.reporter() ? null : this.producerId());
  }

  protected async check(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.result.set(null);
    this.error.set(null);
    this.checked = null;
    if (!ACCEPTED.some((extension) => file.name.toLowerCase().endsWith(extension))) {
      this.error.set(this.i18n.t('reports.sheets.wrongType', { name: file.name }));
      return;
    }
    if (file.size > SHEET_MAX_BYTES) {
      this.error.set(this.i18n.t('reports.sheets.tooLarge', { name: file.name }));
      return;
    }
    if (await this.send(file, true)) this.checked = file;
  }

  protected async store(): Promise<void> {
    if (this.checked && (await this.send(this.checked, false))) this.checked = null;
  }

  private async send(file: File, dryRun: boolean): Promise<boolean> {
    this.busy.set(true);
    try {
      this.result.set(await firstValueFrom(this.api.importSheet(file, dryRun)));
      return true;
    } catch (error) {
      this.error.set(this.i18n.errorText(error));
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
