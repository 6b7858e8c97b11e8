import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { ContractKind, ContractStatus, ContractSummary, ProducerDetail, ServiceUnit } from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { catchError, combineLatest, firstValueFrom, map, of, switchMap, tap } from 'rxjs';
import { canEditProducers } from './producer-access';
import { ProducerLabel } from './producer-label';
import { ProducersApi } from './producers-api';
import { ServiceUnitDialog, ServiceUnitDialogData, unitName } from './service-unit-dialog';

interface Loaded {
  producer: ProducerDetail | null;
  error: string | null;
}

/** One producer: its registry data, service units and contracts. */
@Component({
  selector: 'sopu-producer-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatTableModule,
    ProducerLabel,
    TranslatePipe,
  ],
  templateUrl: './producer-page.html',
  styleUrl: './producer-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProducerPage {
  private readonly api = inject(ProducersApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18n);
  protected readonly canEdit = canEditProducers();

  /** From the route. */
  readonly id = input.required<string>();

  private readonly reloads = signal(0);
  protected readonly loading = signal(true);
  private readonly loaded = toSignal(
    combineLatest([toObservable(this.id), toObservable(this.reloads)]).pipe(
      tap(() => this.loading.set(true)),
      switchMap(([id]) =>
        this.api.get(id).pipe(
          map((producer): Loaded => ({ producer, error: null })),
          catchError((error: unknown) => of<Loaded>({ producer: null, error: this.i18n.errorText(error) })),
        ),
      ),
      tap(() => this.loading.set(false)),
    ),
    { initialValue: { producer: null, error: null } as Loaded },
  );
  protected readonly producer = computed(() => this.loaded().producer);
  protected readonly loadError = computed(() => this.loaded().error);

  protected readonly contracts = toSignal(
    toObservable(this.id).pipe(
      switchMap((producerId) =>
        this.api
          .contracts(producerId)
          // The global error notice tells what went wrong; the list stays empty.
          .pipe(catchError(() => of([] as ContractSummary[]))),
      ),
    ),
    { initialValue: [] as ContractSummary[] },
  );
  protected readonly contractColumns = ['number', 'title', 'kind', 'status', 'validity'];

  protected contractKind(kind: ContractKind): string {
    return this.i18n.t(`contracts.kind.${kind}`);
  }

  protected contractStatus(status: ContractStatus): string {
    return this.i18n.t(`contracts.status.${status}`);
  }

  protected contractDate(iso: string | null): string {
    return iso ? this.i18n.date(iso) : this.i18n.t('contracts.untilFurtherNotice');
  }

  protected readonly unitColumns = computed(() => [
    'name',
    'address',
    'district',
    'languages',
    'capacity',
    'active',
    ...(this.canEdit() ? ['actions'] : []),
  ]);

  protected unitName(unit: ServiceUnit): string {
    return unitName(unit, this.i18n.lang());
  }

  protected async addUnit(producer: ProducerDetail): Promise<void> {
    await this.openUnitDialog({ producerId: producer.id, unit: null });
  }

  protected async editUnit(producer: ProducerDetail, unit: ServiceUnit): Promise<void> {
    await this.openUnitDialog({ producerId: producer.id, unit });
  }

  private async openUnitDialog(data: ServiceUnitDialogData): Promise<void> {
    const ref = this.dialog.open<ServiceUnitDialog, ServiceUnitDialogData, ServiceUnit>(ServiceUnitDialog, {
      data,
      width: '880px',
      maxWidth: 'calc(100vw - 32px)',
    });
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    this.reloads.update((count) => count + 1);
    this.snackBar.open(
      this.i18n.t('producers.units.saved', { name: this.unitName(saved) }),
      this.i18n.t('common.close'),
      { duration: 5000 },
    );
  }
}
