import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule, NgForm } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ApiToken, CreatedApiToken, Producer } from '@sopu/shared';
import { AuthStore } from '@sopu/web/auth';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { ProducersApi } from '@sopu/web/producers';
import { urlFilters } from '@sopu/web/ui';
import { catchError, combineLatest, filter, firstValueFrom, of, switchMap } from 'rxjs';
import { ConfirmDialog, ConfirmDialogData } from './confirm-dialog';
import { SteeringApi } from './steering-api';

const NAME_MAX = 100;

/**
 * API tokens for a producer's own systems. A reporter keeps their own producer's; staff pick the producer.
 * A new token is shown once, with a copy button and a warning; revoking asks first.
 */
@Component({
  selector: 'sopu-api-tokens-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    TranslatePipe,
  ],
  templateUrl: './api-tokens-page.html',
  styleUrl: './steering-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApiTokensPage {
  private readonly api = inject(SteeringApi);
  private readonly dialog = inject(MatDialog);
  private readonly auth = inject(AuthStore);
  private readonly producersApi = inject(ProducersApi);
  protected readonly i18n = inject(I18n);

  /** Staff: the producer, from the URL. */
  readonly producerId = input<string>();

  protected readonly isReporter = computed(() => this.auth.role() === 'PROVIDER_REPORTER');
  protected readonly filters = urlFilters(['producerId'], signal(undefined));
  protected readonly producers = toSignal(
    toObservable(this.isReporter).pipe(
      switchMap((reporter) => (reporter ? of([] as Producer[]) : this.producersApi.list())),
      catchError(() => of([] as Producer[])),
    ),
    { initialValue: [] as Producer[] },
  );
  /** Whose tokens are shown: a reporter's own producer, or the producer staff picked. */
  protected readonly producer = computed(() =>
    this.isReporter() ? (this.auth.user()?.producerId ?? '') : (this.producerId() ?? ''),
  );
  protected readonly producerName = computed(() =>
    this.isReporter()
      ? (this.auth.user()?.producerName ?? '')
      : (this.producers().find((p) => p.id === this.producer())?.name ?? ''),
  );

  private readonly reloads = signal(0);
  protected readonly tokens = toSignal(
    combineLatest([toObservable(this.producer), toObservable(this.reloads)]).pipe(
      filter(([producer]) => !!producer),
      switchMap(([producer]) =>
        this.api
          .tokens(this.isReporter() ? undefined : producer)
          .pipe(catchError(() => of([] as ApiToken[]))),
      ),
    ),
    { initialValue: [] as ApiToken[] },
  );
  protected readonly columns = ['name', 'prefix', 'createdAt', 'lastUsedAt', 'status', 'revoke'];

  protected name = '';
  protected readonly nameMax = NAME_MAX;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly created = signal<CreatedApiToken | null>(null);
  protected readonly copied = signal(false);

  protected async create(form: NgForm): Promise<void> {
    const name = this.name.trim();
    if (!name) {
      this.error.set(this.i18n.t('validation.required'));
      return;
    }
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.copied.set(false);
    try {
      const token = await firstValueFrom(
        this.api.createToken(this.isReporter() ? { name } : { name, producerId: this.producer() }),
      );
      this.created.set(token);
      // A fresh, untouched field: the next token starts without an error showing.
      this.name = '';
      form.resetForm({ name: '' });
      this.reloads.update((n) => n + 1);
    } catch (error) {
      this.error.set(Object.values(this.i18n.fieldErrors(error))[0] ?? this.i18n.errorText(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected async copy(token: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(token);
      this.copied.set(true);
    } catch {
      // Without clipboard access the token stays selectable on the page.
      this.copied.set(false);
    }
  }

  protected revoke(token: ApiToken): void {
    const data: ConfirmDialogData = {
      title: this.i18n.t('tokens.revokeTitle', { name: token.name }),
      message: this.i18n.t('tokens.revokeMessage'),
      confirm: this.i18n.t('tokens.revoke'),
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data })
      .afterClosed()
      .subscribe(async (yes) => {
        if (!yes) return;
        await firstValueFrom(this.api.revokeToken(token.id)).catch(() => undefined);
        this.reloads.update((n) => n + 1);
      });
  }
}
