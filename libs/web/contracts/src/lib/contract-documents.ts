import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatTableModule } from '@angular/material/table';
import { ContractDocument, DOCUMENT_MAX_BYTES } from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { catchError, combineLatest, firstValueFrom, of, switchMap } from 'rxjs';
import { ContractsApi } from './contracts-api';

/** What the API accepts (it also checks the content); told before a 20 MB upload is wasted. */
const ACCEPTED = ['.pdf', '.docx', '.xlsx'];

/** A contract's documents: the list with download links, and for editors a file to attach. */
@Component({
  selector: 'sopu-contract-documents',
  imports: [MatTableModule, TranslatePipe],
  template: `
    @if (canEdit()) {
      <div class="upload">
        <label for="contract-document-file">{{ 'contracts.documents.choose' | t }}</label>
        <input
          #file
          id="contract-document-file"
          type="file"
          [accept]="accept"
          aria-describedby="contract-document-hint"
          [attr.aria-busy]="busy()"
          [disabled]="busy()"
          (change)="upload(file)"
        />
        <span class="hint" id="contract-document-hint">{{ 'contracts.documents.hint' | t }}</span>
      </div>
    }
    <div role="alert">
      @if (error(); as message) {
        <p class="error">{{ message }}</p>
      }
    </div>
    <div aria-live="polite" class="visually-hidden">
      @if (uploaded(); as name) {
        {{ 'contracts.documents.uploaded' | t: { name } }}
      }
    </div>
    <div class="table-scroll" role="region" tabindex="0" [attr.aria-label]="'contracts.documents.title' | t">
      <table mat-table [dataSource]="documents()" [attr.aria-label]="'contracts.documents.title' | t">
        <ng-container matColumnDef="filename">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'contracts.documents.col.filename' | t }}</th>
          <td mat-cell *matCellDef="let d">
            <a [href]="url(d)" [attr.download]="d.filename">{{ d.filename }}</a>
          </td>
        </ng-container>
        <ng-container matColumnDef="size">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'contracts.documents.col.size' | t }}</th>
          <td mat-cell *matCellDef="let d" class="number nowrap">{{ size(d.size) }}</td>
        </ng-container>
        <ng-container matColumnDef="uploadedAt">
          <th mat-header-cell *matHeaderCellDef scope="col">
            {{ 'contracts.documents.col.uploadedAt' | t }}
          </th>
          <td mat-cell *matCellDef="let d" class="nowrap">{{ i18n.dateTime(d.uploadedAt) }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
        <tr class="mat-mdc-row" *matNoDataRow>
          <td class="mat-mdc-cell empty" [attr.colspan]="columns.length">
            {{ 'contracts.documents.empty' | t }}
          </td>
        </tr>
      </table>
    </div>
  `,
  styleUrl: './contract-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContractDocuments {
  private readonly api = inject(ContractsApi);
  protected readonly i18n = inject(I18n);

  readonly contractId = input.required<string>();
  readonly canEdit = input(false);

  protected readonly accept = ACCEPTED.join(',');
  protected readonly columns = ['filename', 'size', 'uploadedAt'];
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly uploaded = signal<string | null>(null);

  private readonly reloads = signal(0);
  protected readonly documents = toSignal(
    combineLatest([toObservable(this.contractId), toObservable(this.reloads)]).pipe(
      switchMap(([id]) => this.api.documents(id).pipe(catchError(() => of([] as ContractDocument[])))),
    ),
    { initialValue: [] as ContractDocument[] },
  );

  protected url(document: ContractDocument): string {
    return this.api.documentUrl(this.contractId(), document.id);
  }

  protected size(bytes: number): string {
    const format = (value: number, unit: string) =>
      `${new Intl.NumberFormat(this.i18n.locale(), { maximumFractionDigits: 1 }).format(value)} ${unit}`;
    if (bytes >= 1024 * 1024) return format(bytes / (1024 * 1024), 'MB');
    if (bytes >= 1024) return format(bytes / 1024, 'kB');
    return format(bytes, 'B');
  }

  protected async upload(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    this.error.set(null);
    this.uploaded.set(null);
    const name = file.name.toLowerCase();
    if (!ACCEPTED.some((extension) => name.endsWith(extension))) {
      this.error.set(this.i18n.t('contracts.documents.wrongType', { name: file.name }));
      input.value = '';
      return;
    }
    if (file.size > DOCUMENT_MAX_BYTES) {
      this.error.set(this.i18n.t('contracts.documents.tooLarge', { name: file.name }));
      input.value = '';
      return;
    }
    this.busy.set(true);
    try {
      await firstValueFrom(this.api.addDocument(this.contractId(), file, file.name));
      this.uploaded.set(file.name);
      this.reloads.update((count) => count + 1);
    } catch (error) {
      this.error.set(this.i18n.errorText(error));
    } finally {
      this.busy.set(false);
      input.value = '';
    }
  }
}
