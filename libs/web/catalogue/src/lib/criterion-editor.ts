import {
  ChangeDetectionStrategy,
  Component,
  WritableSignal,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  CODE_PATTERN,
  Criterion,
  CriterionInput,
  DIRECTIONS,
  Direction,
  Localized,
  MEASURE_TYPES,
  MeasureType,
} from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { catchError, filter, firstValueFrom, of, switchMap } from 'rxjs';
import { CatalogueApi } from './catalogue-api';
import { CatalogueLabel } from './catalogue-label';
import {
  CRITERION_TEXT_FIELDS,
  CriterionTextField,
  criterionTexts,
  usesFraction,
  usesRateMultiplier,
  usesScale,
} from './criterion-fields';
import { ServerErrors } from './field-issues';
import { LocalizedFields } from './localized-fields';

type NumberField = 'minValue' | 'maxValue' | 'decimals' | 'scaleMin' | 'scaleMax' | 'rateMultiplier';
type ScalarField = 'code' | 'measureType' | 'direction' | NumberField | 'allowNotApplicable';

const emptyText = (): Localized => ({ fi: '', sv: '', en: '' });
const MAX_DECIMALS = 6;

/** What published terms rely on: frozen once they use the criterion (the API refuses a change with 409). */
const FROZEN_FIELDS = [
  'code',
  'measureType',
  'direction',
  'minValue',
  'maxValue',
  'decimals',
  'scaleMin',
  'scaleMax',
  'rateMultiplier',
] as const;

/** Creates or edits a quality criterion; only the fields its measure type uses are shown and sent. */
@Component({
  selector: 'sopu-criterion-editor',
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
    CatalogueLabel,
    LocalizedFields,
    TranslatePipe,
  ],
  templateUrl: './criterion-editor.html',
  styleUrl: './catalogue-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CriterionEditor {
  private readonly api = inject(CatalogueApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18n);

  /** From the route; absent when creating. */
  readonly id = input<string>();

  protected readonly measureTypes = MEASURE_TYPES;
  protected readonly directions = DIRECTIONS;

  protected readonly existing = signal<Criterion | null>(null);
  protected readonly loading = signal(false);

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    code: ['', [Validators.required, Validators.pattern(CODE_PATTERN)]],
    measureType: ['' as MeasureType | '', [Validators.required]],
    direction: ['' as Direction | '', [Validators.required]],
    minValue: new FormControl<number | null>(null),
    maxValue: new FormControl<number | null>(null),
    decimals: new FormControl<number | null>(0, [
      Validators.required,
      Validators.min(0),
      Validators.max(MAX_DECIMALS),
      Validators.pattern(/^\d+$/),
    ]),
    scaleMin: new FormControl<number | null>(null),
    scaleMax: new FormControl<number | null>(null),
    rateMultiplier: new FormControl<number | null>(null, [Validators.min(Number.MIN_VALUE)]),
    allowNotApplicable: [false],
  });
  protected readonly texts: Record<CriterionTextField, WritableSignal<Localized>> = {
    name: signal(emptyText()),
    unit: signal(emptyText()),
    definition: signal(emptyText()),
    interpretation: signal(emptyText()),
    numeratorDefinition: signal(emptyText()),
    denominatorDefinition: signal(emptyText()),
  };

  protected readonly measureType = toSignal(this.form.controls.measureType.valueChanges, {
    initialValue: this.form.controls.measureType.value,
  });
  protected readonly showsScale = computed(() => usesScale(this.measureType()));
  protected readonly showsRateMultiplier = computed(() => usesRateMultiplier(this.measureType()));
  protected readonly textFields = computed(() => criterionTexts(this.measureType()));

  protected readonly busy = signal(false);
  protected readonly serverErrors = new ServerErrors(this.i18n, this.form);
  protected readonly textErrors = computed(() => this.serverErrors.texts(CRITERION_TEXT_FIELDS));

  constructor() {
    const rate = this.form.controls.rateMultiplier;
    this.form.controls.measureType.valueChanges.pipe(takeUntilDestroyed()).subscribe((type) => {
      rate.setValidators(
        usesRateMultiplier(type) ? [Validators.required, Validators.min(Number.MIN_VALUE)] : [],
      );
      rate.updateValueAndValidity();
    });
    toObservable(this.id)
      .pipe(
        filter((id): id is string => !!id),
        switchMap((id) => {
          this.loading.set(true);
          // The global error notice tells why loading failed.
          return this.api.criterion(id).pipe(catchError(() => of(null)));
        }),
        takeUntilDestroyed(),
      )
      .subscribe((criterion) => {
        this.loading.set(false);
        if (criterion) this.fill(criterion);
      });
  }

  protected errorFor(name: ScalarField): string | null {
    const server = this.serverErrors.fields()[name];
    if (server) return server;
    const control = this.form.controls[name];
    if (control.hasError('required')) return this.i18n.t('validation.required');
    if (name === 'code' && control.hasError('pattern')) return this.i18n.t('catalogue.codePattern');
    if (name === 'decimals' && control.invalid) return this.i18n.t('criteria.decimalsRange');
    if (name === 'rateMultiplier' && control.hasError('min')) return this.i18n.t('criteria.positive');
    return null;
  }

  protected changeText(field: CriterionTextField, value: Localized): void {
    this.texts[field].set(value);
    this.serverErrors.forget(field);
  }

  protected async save(): Promise<void> {
    if (this.busy()) return;
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    this.busy.set(true);
    this.serverErrors.reset();
    const input = this.input();
    const existing = this.existing();
    try {
      const saved = await firstValueFrom(
        existing ? this.api.updateCriterion(existing.id, input) : this.api.createCriterion(input),
      );
      this.snackBar.open(
        this.i18n.t(existing ? 'criteria.saved' : 'criteria.created', { code: saved.code }),
        this.i18n.t('common.close'),
        { duration: 5000 },
      );
      await this.router.navigate(['/catalogue/criteria', saved.id]);
    } catch (error) {
      this.serverErrors.show(error);
    } finally {
      this.busy.set(false);
    }
  }

  /** Fields the measure type does not use are sent as null, as the API requires. */
  private input(): CriterionInput {
    const value = this.form.getRawValue();
    const type = value.measureType as MeasureType;
    const number = (n: number | null) => (n === null || Number.isNaN(n) ? null : Number(n));
    return {
      code: value.code.trim(),
      measureType: type,
      direction: value.direction as Direction,
      unit: this.texts.unit(),
      name: this.texts.name(),
      definition: this.texts.definition(),
      interpretation: this.texts.interpretation(),
      numeratorDefinition: usesFraction(type) ? this.texts.numeratorDefinition() : null,
      denominatorDefinition: usesFraction(type) ? this.texts.denominatorDefinition() : null,
      minValue: number(value.minValue),
      maxValue: number(value.maxValue),
      decimals: number(value.decimals) ?? 0,
      scaleMin: usesScale(type) ? number(value.scaleMin) : null,
      scaleMax: usesScale(type) ? number(value.scaleMax) : null,
      rateMultiplier: usesRateMultiplier(type) ? number(value.rateMultiplier) : null,
      allowNotApplicable: value.allowNotApplicable,
    };
  }

  private fill(criterion: Criterion): void {
    this.existing.set(criterion);
    this.form.setValue({
      code: criterion.code,
      measureType: criterion.measureType,
      direction: criterion.direction,
      minValue: criterion.minValue,
      maxValue: criterion.maxValue,
      decimals: criterion.decimals,
      scaleMin: criterion.scaleMin,
      scaleMax: criterion.scaleMax,
      rateMultiplier: criterion.rateMultiplier,
      allowNotApplicable: criterion.allowNotApplicable,
    });
    for (const field of CRITERION_TEXT_FIELDS)
      this.texts[field].set({ ...(criterion[field] ?? emptyText()) });
    // Reports are made against what published terms rely on: only the texts stay editable.
    if (criterion.inUse) for (const field of FROZEN_FIELDS) this.form.controls[field].disable();
  }
}
