import { HttpErrorResponse } from '@angular/common/http';
import { Signal, signal } from '@angular/core';
import { ReportDetail, ReportValueInput, ReportValuesInput } from '@sopu/shared';
import { Observable, firstValueFrom } from 'rxjs';

/**
 * - `clean`: nothing to save; `pending`: edited, saving after a pause; `saving`: on its way;
 * - `saved`: the server has every edit; `stale`: someone else saved in between, nothing more is sent;
 * - `failed`: the last save did not get through (network, server), tried again on the next edit or `saveNow()`.
 */
export type SaveState = 'clean' | 'pending' | 'saving' | 'saved' | 'stale' | 'failed';

/** How long typing must pause before the whole draft is saved. */
export const AUTOSAVE_DELAY_MS = 1500;

/**
 * The draft of one report as the form edits it, saved whole after a pause in typing with the draft version it
 * was loaded at. A save never overwrites another person's: the server answers 409 STALE_DRAFT and the draft
 * stops saving until the user reloads. Edits made while a save is on its way are saved right after it.
 */
export class DraftAutosave {
  private readonly current = signal<Record<string, ReportValueInput>>({});
  private readonly saveState = signal<SaveState>('clean');
  private readonly lastSaved = signal<string | null>(null);
  private readonly lastFailure = signal<unknown>(null);
  private version = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private editedSinceSend = false;

  readonly values: Signal<Record<string, ReportValueInput>> = this.current.asReadonly();
  readonly state: Signal<SaveState> = this.saveState.asReadonly();
  /** When the server last stored the draft (ISO time). */
  readonly savedAt: Signal<string | null> = this.lastSaved.asReadonly();
  /** Why the last save failed, for the page to say in words. */
  readonly failure: Signal<unknown> = this.lastFailure.asReadonly();

  constructor(
    private readonly save: (input: ReportValuesInput) => Observable<ReportDetail>,
    private readonly delayMs = AUTOSAVE_DELAY_MS,
  ) {}

  /** Starts over from a report as loaded. */
  load(values: Record<string, ReportValueInput>, draftVersion: number, savedAt: string | null): void {
    this.cancelTimer();
    this.current.set(values);
    this.version = draftVersion;
    this.lastSaved.set(savedAt);
    this.editedSinceSend = false;
    this.saveState.set('clean');
  }

  get draftVersion(): number {
    return this.version;
  }

  /** Changes some fields of one criterion's entry and saves the draft after a pause. */
  edit(code: string, changes: Partial<ReportValueInput>): void {
    this.current.update((values) => ({ ...values, [code]: { ...values[code], ...changes } }));
    if (this.saveState() === 'stale') return;
    this.editedSinceSend = true;
    if (this.saveState() !== 'saving') this.saveState.set('pending');
    this.cancelTimer();
    this.timer = setTimeout(() => void this.saveNow(), this.delayMs);
  }

  /**
   * Saves now what is not saved yet and waits for it (before a submission). True when the server has every
   * edit; false when the draft is stale or the save failed.
   */
  async saveNow(): Promise<boolean> {
    this.cancelTimer();
    while (this.inFlight) await this.inFlight;
    if (this.saveState() === 'stale') return false;
    if (!this.editedSinceSend && this.saveState() !== 'failed') return true;
    this.inFlight = this.send().finally(() => (this.inFlight = null));
    await this.inFlight;
    if (this.editedSinceSend && this.saveState() === 'saved') return this.saveNow();
    return this.saveState() === 'saved';
  }

  /** Stops a pending save (the page is left or reloaded). */
  dispose(): void {
    this.cancelTimer();
  }

  private async send(): Promise<void> {
    this.editedSinceSend = false;
    this.saveState.set('saving');
    try {
      const detail = await firstValueFrom(this.save({ draftVersion: this.version, values: this.current() }));
      this.version = detail.draftVersion;
      this.lastFailure.set(null);
      this.lastSaved.set(detail.draftSavedAt ?? new Date().toISOString());
      this.saveState.set(this.editedSinceSend ? 'pending' : 'saved');
    } catch (error) {
      const stale =
        error instanceof HttpErrorResponse &&
        error.status === 409 &&
        (error.error as { code?: string } | null)?.code === 'STALE_DRAFT';
      this.editedSinceSend = true;
      this.lastFailure.set(error);
      this.saveState.set(stale ? 'stale' : 'failed');
    }
  }

  private cancelTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
