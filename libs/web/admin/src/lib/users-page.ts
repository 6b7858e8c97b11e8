import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorIntl, MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { Page, ROLES, Role, UserSummary } from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import {
  catchError,
  debounceTime,
  distinctUntilChanged,
  firstValueFrom,
  map,
  of,
  switchMap,
  tap,
} from 'rxjs';
import { TemporaryPasswordDialog, TemporaryPasswordData } from './temporary-password-dialog';
import { TranslatedPaginatorIntl } from './translated-paginator-intl';
import { ActiveFilter, UserQuery, UsersApi } from './users-api';
import { UserDialog, UserDialogData, UserDialogResult } from './user-dialog';

@Component({
  selector: 'sopu-users-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    TranslatePipe,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage {
  private readonly api = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18n);

  protected readonly roles = ROLES;
  protected readonly columns = ['displayName', 'email', 'role', 'producer', 'language', 'status', 'actions'];
  protected readonly pageSizes = [10, 20, 50, 100];

  protected readonly searchText = signal('');
  private readonly search = toSignal(
    toObservable(this.searchText).pipe(
      debounceTime(300),
      map((text) => text.trim()),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  protected readonly role = signal<Role | ''>('');
  protected readonly active = signal<ActiveFilter>('');
  protected readonly pageSize = signal(20);
  /** Back to the first page whenever a filter changes. */
  protected readonly pageIndex = linkedSignal({
    source: () => [this.search(), this.role(), this.active(), this.pageSize()],
    computation: () => 0,
  });
  private readonly reloads = signal(0);

  private readonly query = computed<UserQuery & { reload: number }>(() => ({
    search: this.search(),
    role: this.role(),
    active: this.active(),
    page: this.pageIndex() + 1,
    pageSize: this.pageSize(),
    reload: this.reloads(),
  }));

  protected readonly loading = signal(true);
  private readonly result = toSignal(
    toObservable(this.query).pipe(
      tap(() => this.loading.set(true)),
      switchMap((query) => this.api.list(query).pipe(catchError(() => of(null)))),
      tap(() => this.loading.set(false)),
    ),
    { initialValue: null as Page<UserSummary> | null },
  );
  protected readonly users = computed(() => this.result()?.items ?? []);
  protected readonly total = computed(() => this.result()?.total ?? 0);

  protected changePage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  protected clearFilters(): void {
    this.searchText.set('');
    this.role.set('');
    this.active.set('');
  }

  protected async createUser(): Promise<void> {
    await this.openUserDialog({ user: null });
  }

  protected async editUser(user: UserSummary): Promise<void> {
    await this.openUserDialog({ user });
  }

  protected async resetPassword(user: UserSummary): Promise<void> {
    try {
      const { temporaryPassword } = await firstValueFrom(this.api.resetPassword(user.id));
      this.showPassword({ name: user.displayName, password: temporaryPassword });
    } catch {
      // The global error notice has told what went wrong.
    }
  }

  private async openUserDialog(data: UserDialogData): Promise<void> {
    const ref = this.dialog.open<UserDialog, UserDialogData, UserDialogResult>(UserDialog, {
      data,
      width: '560px',
      maxWidth: 'calc(100vw - 32px)',
    });
    const result = await firstValueFrom(ref.afterClosed());
    if (!result) return;
    this.reloads.update((count) => count + 1);
    if (result.temporaryPassword) {
      this.showPassword({ name: result.user.displayName, password: result.temporaryPassword });
    } else {
      this.snackBar.open(
        this.i18n.t('users.saved', { name: result.user.displayName }),
        this.i18n.t('common.close'),
        {
          duration: 5000,
        },
      );
    }
  }

  private showPassword(data: TemporaryPasswordData): void {
    this.dialog.open(TemporaryPasswordDialog, { data, width: '520px', maxWidth: 'calc(100vw - 32px)' });
  }
}
