import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import {
  CONTRACT_TRANSITIONS,
  Contract,
  ContractEvent,
  ContractService,
  ContractStatus,
  ProducerDetail,
  ReportObligation,
} from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { ProducersApi } from '@sopu/web/producers';
import {
  Observable,
  catchError,
  combineLatest,
  firstValueFrom,
  forkJoin,
  map,
  of,
  shareReplay,
  switchMap,
  tap,
} from 'rxjs';
import { canEditContracts } from './contract-access';
import { ReadableChange, readableChanges } from './contract-changes';
import { ContractDocuments } from './contract-documents';
import { formatDecimal, formatEuros, localized } from './contract-format';
import { ContractLabel } from './contract-label';
import { ContractStatusDialog, ContractStatusDialogData, statusAction } from './contract-status-dialog';
import { ContractsApi } from './contracts-api';
import { serviceNames } from './service-names';

interface Loaded {
  contract: Contract | null;
  history: ContractEvent[];
  obligations: ReportObligation[];
  producer: ProducerDetail | null;
  error: string | null;
}

const NOTHING: Loaded = { contract: null, history: [], obligations: [], producer: null, error: null };

/** One contract: its facts and services, status actions, history, documents and the reports it calls for. */
@Component({
  selector: 'sopu-contract-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatTableModule,
    ContractDocuments,
    ContractLabel,
    TranslatePipe,
  ],
  templateUrl: './contract-page.html',
  styleUrl: './contract-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContractPage {
  private readonly api = inject(ContractsApi);
  private readonly producers = inject(ProducersApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18n);
  protected readonly canEdit = canEditContracts();
  protected readonly catalogue = serviceNames();

  /** From the route. */
  readonly id = input.required<string>();

  private readonly reloads = signal(0);
  private producerRequest: { id: string; detail: Observable<ProducerDetail | null> } | null = null;
  protected readonly loading = signal(true);
  private readonly loaded = toSignal(
    combineLatest([toObservable(this.id), toObservable(this.reloads)]).pipe(
      tap(() => this.loading.set(true)),
      switchMap(([id]) =>
        this.api.get(id).pipe(
          switchMap((contract) =>
            forkJoin({
              history: this.api.history(id).pipe(catchError(() => of([] as ContractEvent[]))),
              obligations: this.api.obligations(id).pipe(
                map((page) => page.items),
                catchError(() => of([] as ReportObligation[])),
              ),
              producer: this.producerOf(contract.producerId),
            }).pipe(map((rest): Loaded => ({ ...rest, contract, error: null }))),
          ),
          catchError((error: unknown) => of<Loaded>({ ...NOTHING, error: this.i18n.errorText(error) })),
        ),
      ),
      tap(() => this.loading.set(false)),
    ),
    { initialValue: NOTHING },
  );
  protected readonly contract = computed(() => this.loaded().contract);
  protected readonly history = computed(() => this.loaded().history);
  protected readonly obligations = computed(() => this.loaded().obligations);
  protected readonly loadError = computed(() => this.loaded().error);

  private readonly unitNames = computed(
    () =>
      new Map(
        (this.loaded().producer?.units ?? []).map((unit) => [
          unit.id,
          localized(unit.name, this.i18n.lang()),
        ]),
      ),
  );

  /** The status changes an editor may make now, as the API allows them. */
  protected readonly transitions = computed(() => {
    const contract = this.contract();
    if (!contract || !this.canEdit()) return [];
    return CONTRACT_TRANSITIONS[contract.status].map((to) => ({
      to,
      label: `contracts.action.${statusAction(contract.status, to)}` as const,
    }));
  });

  /** A draft is edited; an active or suspended contract is amended; a closed one is not changed. */
  protected readonly editKind = computed<'edit' | 'amend' | null>(() => {
    const contract = this.contract();
    if (!contract || !this.canEdit()) return null;
    if (contract.status === 'DRAFT') return 'edit';
    return contract.status === 'ACTIVE' || contract.status === 'SUSPENDED' ? 'amend' : null;
  });

  protected readonly serviceColumns = ['service', 'price', 'volume', 'units', 'terms'];
  protected readonly obligationColumns = ['period', 'periodType', 'service', 'dueDate', 'status'];

  protected date(iso: string | null): string {
    return this.i18n.date(iso);
  }

  protected euros(text: string): string {
    return formatEuros(text, this.i18n.locale());
  }

  protected volume(text: string): string {
    return formatDecimal(text, this.i18n.locale());
  }

  protected units(service: ContractService): string {
    return service.unitIds.map((id) => this.unitName(id)).join(', ');
  }

  /** The terms in force (the last one) first, then the earlier versions newest first. */
  protected earlierTerms(service: ContractService) {
    return service.terms.slice(0, -1).reverse();
  }

  protected termsInForce(service: ContractService) {
    return service.terms[service.terms.length - 1] ?? null;
  }

  protected changes(event: ContractEvent, contract: Contract): ReadableChange[] {
    return readableChanges(event, this.i18n, {
      contract,
      serviceName: (code) => this.catalogue.name(code),
      unitName: (id) => this.unitName(id),
    });
  }

  /**
   * The contract's producer, only for naming the units: the page works without it. Asked once, not again
   * after every status change, which reloads the rest.
   */
  private producerOf(id: string): Observable<ProducerDetail | null> {
    if (this.producerRequest?.id !== id)
      this.producerRequest = {
        id,
        detail: this.producers.get(id).pipe(
          catchError(() => of(null)),
          shareReplay(1),
        ),
      };
    return this.producerRequest.detail;
  }

  /** A unit's name; never its id, which means nothing to a reader. */
  private unitName(id: string): string {
    return this.unitNames().get(id) ?? this.i18n.t('contracts.unknownUnit');
  }

  protected async changeStatus(contract: Contract, to: ContractStatus): Promise<void> {
    const ref = this.dialog.open<ContractStatusDialog, ContractStatusDialogData, Contract>(
      ContractStatusDialog,
      { data: { contract, to }, width: '560px', maxWidth: 'calc(100vw - 32px)' },
    );
    const changed = await firstValueFrom(ref.afterClosed());
    if (!changed) return;
    this.reloads.update((count) => count + 1);
    this.snackBar.open(
      this.i18n.t('contracts.statusChanged', {
        number: changed.number,
        status: this.i18n.t(`contracts.status.${changed.status}`),
      }),
      this.i18n.t('common.close'),
      { duration: 5000 },
    );
  }
}
