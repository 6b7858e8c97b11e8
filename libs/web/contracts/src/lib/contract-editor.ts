import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatStepper, MatStepperModule } from '@angular/material/stepper';
import { Router, RouterLink } from '@angular/router';
import {
  CONTRACT_KIND_OF,
  Contract,
  ContractInput,
  ContractServiceInput,
  ContractUpdate,
  MonitoringTerms,
  OptionPeriod,
  Producer,
  ProducerDetail,
  ServiceUnit,
} from '@sopu/shared';
import { AuthStore } from '@sopu/web/auth';
import { CatalogueApi } from '@sopu/web/catalogue';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { ProducersApi } from '@sopu/web/producers';
import { catchError, firstValueFrom, of } from 'rxjs';
import { decimalText, formatDecimal, formatEuros, localized, todayIso } from './contract-format';
import { ContractLabel } from './contract-label';
import { ContractsApi } from './contracts-api';
import { serviceNames } from './service-names';

const NUMBER = /^[A-Za-z0-9][A-Za-z0-9/_.-]{0,39}$/;
const TITLE_MAX = 200;
const REASON_MAX = 2000;

/** The steps in order; server errors open the step that holds the field. */
const STEP = { producer: 0, services: 1, prices: 2, reporting: 3, review: 4 } as const;

function money(control: AbstractControl<string>): ValidationErrors | null {
  return !control.value || decimalText(control.value, 10) !== null ? null : { decimal: true };
}

function volume(control: AbstractControl<string>): ValidationErrors | null {
  return !control.value || decimalText(control.value, 12) !== null ? null : { decimal: true };
}

function dueDays(control: AbstractControl<string>): ValidationErrors | null {
  const value = String(control.value ?? '').trim();
  if (!value) return null;
  return /^\d{1,3}$/.test(value) && Number(value) <= 365 ? null : { dueDays: true };
}

/** An end date, when given, is not before the start date. */
function periodOrder(group: AbstractControl): ValidationErrors | null {
  const from = group.get('validFrom')?.value ?? group.get('from')?.value;
  const to = group.get('validTo')?.value ?? group.get('to')?.value;
  return from && to && to < from ? { endBeforeStart: true } : null;
}

function atLeastOne(array: AbstractControl): ValidationErrors | null {
  return (array as FormArray).length > 0 ? null : { atLeastOne: true };
}

type ServiceForm = FormGroup<{
  serviceCode: FormControl<string>;
  termsId: FormControl<string>;
  unitIds: FormControl<string[]>;
}>;
type PriceForm = FormGroup<{ unitPrice: FormControl<string>; estimatedVolume: FormControl<string> }>;
type OptionForm = FormGroup<{
  from: FormControl<string>;
  to: FormControl<string>;
  exercised: FormControl<boolean>;
}>;

/**
 * Registers a contract or changes one, step by step: the producer (which sets the kind), the services
 * and their published terms, prices and volumes, reporting and validity, and a review before saving.
 * A change to an active or suspended contract is an amendment with a reason and an effective date.
 */
@Component({
  selector: 'sopu-contract-editor',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatStepperModule,
    ContractLabel,
    TranslatePipe,
  ],
  templateUrl: './contract-editor.html',
  styleUrl: './contract-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContractEditor implements OnInit {
  private readonly api = inject(ContractsApi);
  private readonly producersApi = inject(ProducersApi);
  private readonly catalogueApi = inject(CatalogueApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly i18n = inject(I18n);
  protected readonly catalogue = serviceNames();

  /** From the route: the contract to change; absent for a new one. */
  readonly id = input<string>();
  /** `?producer=…`: the producer of a new contract, chosen on the producer's page. */
  readonly producer = input<string>();

  private readonly stepper = viewChild(MatStepper);

  protected readonly basics = this.fb.group({
    producerId: ['', [Validators.required]],
    number: ['', [Validators.required, Validators.pattern(NUMBER)]],
    title: ['', [Validators.required, Validators.maxLength(TITLE_MAX)]],
  });
  protected readonly servicesStep = this.fb.group({
    items: this.fb.array<ServiceForm>([], { validators: [atLeastOne] }),
  });
  protected readonly pricesStep = this.fb.group({ items: this.fb.array<PriceForm>([]) });
  protected readonly reporting = this.fb.group(
    {
      reportingDueDays: ['30', [Validators.required, dueDays]],
      validFrom: ['', [Validators.required]],
      validTo: [''],
      options: this.fb.array<OptionForm>([]),
    },
    { validators: [periodOrder] },
  );
  protected readonly amendment = this.fb.group({
    reason: ['', [Validators.maxLength(REASON_MAX)]],
    effectiveDate: [todayIso()],
  });

  protected get services(): FormArray<ServiceForm> {
    return this.servicesStep.controls.items;
  }
  protected get prices(): FormArray<PriceForm> {
    return this.pricesStep.controls.items;
  }
  protected get options(): FormArray<OptionForm> {
    return this.reporting.controls.options;
  }

  protected readonly existing = signal<Contract | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly busy = signal(false);
  /** API messages by field path (`number`, `services[0].termsId`, `amendment.reason`). */
  protected readonly serverErrors = signal<Record<string, string>>({});
  protected readonly generalError = signal<string | null>(null);
  /** Bumped when a form array changes, so that computed views of the forms follow. */
  private readonly formChanges = signal(0);

  protected readonly producers = toSignal(
    this.producersApi.list().pipe(catchError(() => of([] as Producer[]))),
    { initialValue: [] as Producer[] },
  );
  private readonly producerId = toSignal(this.basics.controls.producerId.valueChanges, {
    initialValue: '',
  });
  protected readonly producerDetail = signal<ProducerDetail | null>(null);
  /** Published terms versions by service code, newest first. */
  protected readonly termsByService = signal<Record<string, MonitoringTerms[]>>({});
  private termsRequest: Promise<void> | null = null;

  protected readonly selectedProducer = computed(() => {
    const id = this.existing()?.producerId ?? this.producerId();
    const detail = this.producerDetail();
    if (detail && detail.id === id) return detail;
    return this.producers().find((p) => p.id === id) ?? null;
  });
  /** The kind follows from the producer type: an in-house unit has an in-house agreement, and so on. */
  protected readonly kind = computed(() => {
    const existing = this.existing();
    if (existing) return existing.kind;
    const producer = this.selectedProducer();
    return producer ? CONTRACT_KIND_OF[producer.type] : null;
  });
  protected readonly units = computed(() => {
    const detail = this.producerDetail();
    return detail && detail.id === this.selectedProducer()?.id ? detail.units : [];
  });
  protected readonly amending = computed(() => {
    const status = this.existing()?.status;
    return status === 'ACTIVE' || status === 'SUSPENDED';
  });
  protected readonly priceLabel = computed(() =>
    this.kind() === 'VOUCHER_APPROVAL' ? 'contracts.field.voucherValue' : 'contracts.field.unitPrice',
  );
  protected readonly producerOptions = computed(() =>
    [...this.producers()].sort((a, b) => a.name.localeCompare(b.name, this.i18n.locale())),
  );

  ngOnInit(): void {
    const id = this.id();
    if (id) {
      void this.load(id);
    } else if (this.producer()) {
      this.basics.controls.producerId.setValue(this.producer() ?? '');
      this.chooseProducer();
    }
    this.amendment.controls.reason.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.clear('amendment.reason'));
  }

  // --- the producer step -------------------------------------------------------------------------

  protected chooseProducer(): void {
    this.clear('producerId');
    this.clear('kind');
    const id = this.basics.controls.producerId.value;
    // The units belong to the producer chosen before.
    for (const service of this.services.controls) service.controls.unitIds.setValue([]);
    void this.loadProducer(id);
  }

  private async loadProducer(id: string): Promise<void> {
    if (!id) return;
    try {
      this.producerDetail.set(await firstValueFrom(this.producersApi.get(id)));
    } catch (error) {
      this.generalError.set(this.i18n.errorText(error));
    }
  }

  // --- the services step -------------------------------------------------------------------------

  protected addService(): void {
    this.services.push(
      this.fb.group({
        serviceCode: ['', [Validators.required]],
        termsId: ['', [Validators.required]],
        unitIds: this.fb.control<string[]>([]),
      }),
    );
    this.prices.push(
      this.fb.group({
        unitPrice: ['', [Validators.required, money]],
        estimatedVolume: ['', [Validators.required, volume]],
      }),
    );
    this.formChanges.update((n) => n + 1);
  }

  protected removeService(index: number): void {
    this.services.removeAt(index);
    this.prices.removeAt(index);
    this.serverErrors.set({});
    this.formChanges.update((n) => n + 1);
  }

  /** Whether a service can be taken off: not from an active contract (end or amend it instead). */
  protected removable(index: number): boolean {
    const code = this.services.at(index)?.controls.serviceCode.value;
    return !this.amending() || !this.existing()?.services.some((s) => s.serviceCode === code);
  }

  protected async chooseService(index: number): Promise<void> {
    const service = this.services.at(index);
    this.clear(`services[${index}].serviceCode`);
    service.controls.termsId.setValue('');
    const code = service.controls.serviceCode.value;
    await this.loadTerms();
    const versions = this.termsByService()[code] ?? [];
    // The newest published version is the usual choice.
    if (versions.length && service.controls.serviceCode.value === code)
      service.controls.termsId.setValue(versions[0].id);
  }

  /** Every service's published terms in one request, made when first needed; a failure is tried again later. */
  private loadTerms(): Promise<void> {
    this.termsRequest ??= firstValueFrom(this.catalogueApi.termsVersions()).then(
      (all) => {
        const byService: Record<string, MonitoringTerms[]> = {};
        for (const terms of all)
          if (terms.status === 'PUBLISHED') (byService[terms.serviceCode] ??= []).push(terms);
        for (const versions of Object.values(byService)) versions.sort((a, b) => b.version - a.version);
        this.termsByService.set(byService);
      },
      () => {
        this.termsRequest = null;
      },
    );
    return this.termsRequest;
  }

  protected termsOf(index: number): MonitoringTerms[] {
    return this.termsByService()[this.services.at(index)?.controls.serviceCode.value ?? ''] ?? [];
  }

  /** Services already on another row are not offered twice. */
  protected takenElsewhere(index: number, code: string): boolean {
    return this.services.controls.some((s, i) => i !== index && s.controls.serviceCode.value === code);
  }

  protected toggleUnit(index: number, unitId: string, checked: boolean): void {
    const control = this.services.at(index).controls.unitIds;
    const ids = control.value.filter((id) => id !== unitId);
    control.setValue(checked ? [...ids, unitId] : ids);
    this.clear(`services[${index}].unitIds`);
  }

  protected serviceLabel(index: number): string {
    const code = this.services.at(index)?.controls.serviceCode.value;
    return code ? this.catalogue.name(code) : this.i18n.t('contracts.form.serviceN', { n: index + 1 });
  }

  protected termsLabel(terms: MonitoringTerms): string {
    const version = this.i18n.t('contracts.termsVersion', { version: terms.version });
    return terms.validFrom
      ? `${version} (${this.i18n.t('contracts.termsValidFrom', { date: this.date(terms.validFrom) })})`
      : version;
  }

  // --- the reporting step ------------------------------------------------------------------------

  protected addOption(option: OptionPeriod = { from: '', to: '', exercised: false }): void {
    this.options.push(
      this.fb.group(
        {
          from: [option.from, [Validators.required]],
          to: [option.to, [Validators.required]],
          exercised: [option.exercised],
        },
        { validators: [periodOrder] },
      ),
    );
    this.formChanges.update((n) => n + 1);
  }

  protected removeOption(index: number): void {
    this.options.removeAt(index);
    this.formChanges.update((n) => n + 1);
  }

  // --- review and errors -------------------------------------------------------------------------

  protected date(iso: string | null | undefined): string {
    return this.i18n.date(iso);
  }

  protected euros(text: string): string {
    const value = decimalText(text);
    return value === null ? text : formatEuros(value, this.i18n.locale());
  }

  protected volumeText(text: string): string {
    const value = decimalText(text, 12);
    return value === null ? text : formatDecimal(value, this.i18n.locale());
  }

  protected unitNames(ids: string[]): string {
    const names = new Map(this.units().map((u) => [u.id, localized(u.name, this.i18n.lang())]));
    return ids.map((id) => names.get(id) ?? this.i18n.t('contracts.unknownUnit')).join(', ');
  }

  protected termsVersionOf(index: number): string {
    const id = this.services.at(index).controls.termsId.value;
    const terms = this.termsOf(index).find((t) => t.id === id);
    return terms ? this.i18n.t('contracts.termsVersion', { version: terms.version }) : '';
  }

  protected unitLabel(unit: ServiceUnit): string {
    return localized(unit.name, this.i18n.lang());
  }

  protected optionEndError(index: number): string | null {
    const option = this.options.at(index);
    const own = this.errorFor(`options[${index}].to`, option.controls.to);
    if (own) return own;
    return option.touched || option.controls.to.touched ? this.orderError(option, `options[${index}]`) : null;
  }

  protected unitChecked(index: number, unitId: string): boolean {
    return this.services.at(index).controls.unitIds.value.includes(unitId);
  }

  /** The message under a field: the server's first, then what the browser already knows. */
  protected errorFor(path: string, control: AbstractControl | null): string | null {
    this.formChanges();
    const server = this.serverErrors()[path];
    if (server) return server;
    if (!control) return null;
    if (control.hasError('required')) return this.i18n.t('validation.required');
    if (control.hasError('pattern')) return this.i18n.t('contracts.form.numberFormat');
    if (control.hasError('decimal')) return this.i18n.t('contracts.form.decimalFormat');
    if (control.hasError('dueDays')) return this.i18n.t('contracts.form.dueDaysFormat');
    if (control.hasError('maxlength'))
      return this.i18n.t('validation.maxLength', { max: control.getError('maxlength').requiredLength });
    return null;
  }

  /** A group-level message (an end before its start) shown on the end field. */
  protected orderError(group: AbstractControl, path: string): string | null {
    const server = this.serverErrors()[path];
    if (server) return server;
    return group.hasError('endBeforeStart') ? this.i18n.t('contracts.form.endBeforeStart') : null;
  }

  protected clear(path: string): void {
    if (!(path in this.serverErrors())) return;
    this.serverErrors.update((all) => {
      const rest = { ...all };
      delete rest[path];
      return rest;
    });
    const control = this.controlAt(path);
    if (control?.hasError('server')) control.updateValueAndValidity();
  }

  protected async save(): Promise<void> {
    if (this.busy()) return;
    this.generalError.set(null);
    if (this.amending()) {
      this.amendment.controls.reason.addValidators(Validators.required);
      this.amendment.controls.effectiveDate.addValidators(Validators.required);
      this.amendment.controls.reason.updateValueAndValidity();
      this.amendment.controls.effectiveDate.updateValueAndValidity();
    }
    for (const form of [this.basics, this.servicesStep, this.pricesStep, this.reporting, this.amendment])
      form.markAllAsTouched();
    const firstInvalid = [
      this.basics,
      this.servicesStep,
      this.pricesStep,
      this.reporting,
      this.amendment,
    ].findIndex((form) => form.invalid);
    if (firstInvalid >= 0) {
      this.goTo(firstInvalid);
      this.generalError.set(this.i18n.t('contracts.form.fixErrors'));
      return;
    }
    this.busy.set(true);
    this.serverErrors.set({});
    const existing = this.existing();
    try {
      const saved = await firstValueFrom(
        existing ? this.api.update(existing.id, this.update()) : this.api.create(this.input()),
      );
      this.snackBar.open(
        this.i18n.t(existing ? 'contracts.saved' : 'contracts.created', { number: saved.number }),
        this.i18n.t('common.close'),
        { duration: 5000 },
      );
      await this.router.navigate(['/contracts', saved.id]);
    } catch (error) {
      this.showError(error);
    } finally {
      this.busy.set(false);
    }
  }

  private servicesInput(): ContractServiceInput[] {
    return this.services.controls.map((service, index) => {
      const price = this.prices.at(index).getRawValue();
      return {
        serviceCode: service.controls.serviceCode.value,
        termsId: service.controls.termsId.value,
        unitPrice: decimalText(price.unitPrice) ?? price.unitPrice,
        estimatedVolume: decimalText(price.estimatedVolume, 12) ?? price.estimatedVolume,
        unitIds: service.controls.unitIds.value,
      };
    });
  }

  private common() {
    const basics = this.basics.getRawValue();
    const reporting = this.reporting.getRawValue();
    return {
      number: basics.number.trim(),
      title: basics.title.trim(),
      validFrom: reporting.validFrom,
      validTo: reporting.validTo || null,
      options: reporting.options,
      reportingDueDays: Number(reporting.reportingDueDays),
      services: this.servicesInput(),
    };
  }

  private input(): ContractInput {
    const producerId = this.basics.controls.producerId.value;
    const user = this.auth.user();
    return {
      ...this.common(),
      producerId,
      kind: this.kind() ?? 'PURCHASE_CONTRACT',
      // The contract manager who registers a contract manages it; an administrator leaves it open.
      ...(user && user.role === 'CONTRACT_MANAGER' ? { managerId: user.id } : {}),
    };
  }

  private update(): ContractUpdate {
    const changes: ContractUpdate = this.common();
    if (this.amending()) {
      const { reason, effectiveDate } = this.amendment.getRawValue();
      changes.amendment = { reason: reason.trim(), effectiveDate };
    }
    return changes;
  }

  private showError(error: unknown): void {
    const messages: Record<string, string> = {};
    for (const [field, message] of Object.entries(this.i18n.fieldErrors(error)))
      messages[normalisePath(field)] = message;
    if (this.i18n.errorCode(error) === 'CONTRACT_NUMBER_TAKEN')
      messages['number'] = this.i18n.errorText(error);
    // "amendment" alone: the reason and date were not given.
    if (messages['amendment']) {
      messages['amendment.reason'] ??= messages['amendment'];
      delete messages['amendment'];
    }
    this.serverErrors.set(messages);
    let first: number | null = null;
    for (const path of Object.keys(messages)) {
      const step = stepOf(path);
      first = first === null ? step : Math.min(first, step);
      const control = this.controlAt(path);
      if (control) {
        control.setErrors({ ...control.errors, server: true });
        control.markAsTouched();
      }
    }
    this.generalError.set(this.i18n.errorText(error));
    if (first !== null) this.goTo(first);
  }

  /** The form control a server field path names, if the form has one. */
  private controlAt(path: string): AbstractControl | null {
    const service = /^services\[(\d+)\]\.(\w+)$/.exec(path);
    if (service) {
      const index = Number(service[1]);
      const field = service[2];
      if (field === 'unitPrice' || field === 'estimatedVolume')
        return this.prices.at(index)?.get(field) ?? null;
      return this.services.at(index)?.get(field) ?? null;
    }
    const option = /^options\[(\d+)\]\.(\w+)$/.exec(path);
    if (option) return this.options.at(Number(option[1]))?.get(option[2]) ?? null;
    if (path.startsWith('amendment.')) return this.amendment.get(path.slice('amendment.'.length));
    return this.basics.get(path) ?? (path === 'options' ? null : this.reporting.get(path));
  }

  /**
   * Visible server messages that have no field of their own (e.g. a service that cannot be removed), each
   * with what it is about: the API's message alone ("cannot be removed…") does not say which service.
   */
  protected readonly unplacedErrors = computed(() =>
    Object.entries(this.serverErrors()).flatMap(([path, message]) => {
      const subject = this.unplacedSubject(path);
      return subject ? [{ path, message: `${subject}: ${message}` }] : [];
    }),
  );

  private unplacedSubject(path: string): string | null {
    if (path === 'kind') return this.i18n.t('contracts.field.kind');
    if (path === 'managerId') return this.i18n.t('contracts.field.manager');
    if (path === 'services') return this.i18n.t('contracts.services.title');
    const service = /^services\.([^.[]+)$/.exec(path);
    return service
      ? this.i18n.t('contracts.field.service', { service: this.catalogue.name(service[1]) })
      : null;
  }

  private goTo(step: number): void {
    const stepper = this.stepper();
    if (!stepper) return;
    // A linear stepper would refuse to jump forward over an invalid step; going back is always allowed.
    stepper.linear = false;
    stepper.selectedIndex = step;
    stepper.linear = true;
  }

  private async load(id: string): Promise<void> {
    this.loading.set(true);
    try {
      const contract = await firstValueFrom(this.api.get(id));
      this.existing.set(contract);
      this.basics.setValue({
        producerId: contract.producerId,
        number: contract.number,
        title: contract.title,
      });
      this.basics.controls.producerId.disable();
      for (const [index, service] of contract.services.entries()) {
        this.addService();
        this.services.at(index).setValue({
          serviceCode: service.serviceCode,
          termsId: service.terms[service.terms.length - 1]?.termsId ?? '',
          unitIds: service.unitIds,
        });
        this.prices
          .at(index)
          .setValue({ unitPrice: service.unitPrice, estimatedVolume: service.estimatedVolume });
      }
      if (contract.services.length) void this.loadTerms();
      this.reporting.controls.reportingDueDays.setValue(String(contract.reportingDueDays));
      this.reporting.controls.validFrom.setValue(contract.validFrom);
      this.reporting.controls.validTo.setValue(contract.validTo ?? '');
      for (const option of contract.options) this.addOption(option);
      await this.loadProducer(contract.producerId);
    } catch (error) {
      this.loadError.set(this.i18n.errorText(error));
    } finally {
      this.loading.set(false);
    }
  }
}

/** `services.0.unitPrice` (the validation pipe) and `services[0].unitPrice` (the rules) are one field. */
export function normalisePath(field: string): string {
  return field.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

/** Which step of the editor holds a field. */
export function stepOf(path: string): number {
  if (/^(producerId|kind|number|title|managerId)$/.test(path)) return STEP.producer;
  if (/^services\[\d+\]\.(unitPrice|estimatedVolume)$/.test(path)) return STEP.prices;
  if (path.startsWith('services')) return STEP.services;
  if (/^(validFrom|validTo|reportingDueDays|options)/.test(path)) return STEP.reporting;
  return STEP.review;
}
