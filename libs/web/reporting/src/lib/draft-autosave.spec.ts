import { HttpErrorResponse } from '@angular/common/http';
import { ReportDetail, ReportValuesInput } from '@sopu/shared';
import { Subject, of, throwError } from 'rxjs';
import { AUTOSAVE_DELAY_MS, DraftAutosave } from './draft-autosave';

const savedDetail = (draftVersion: number) =>
  ({ draftVersion, draftSavedAt: `2026-03-01T10:0${draftVersion}:00Z` }) as ReportDetail;

describe('DraftAutosave', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('saves the whole draft once typing pauses, with the draft version it was loaded at', async () => {
    const sent: ReportValuesInput[] = [];
    const draft = new DraftAutosave((input) => {
      sent.push(input);
      return of(savedDetail(input.draftVersion + 1));
    });
    draft.load({ A: { value: '1' }, B: {} }, 4, null);
    draft.edit('B', { value: '2' });
    draft.edit('B', { value: '25' });
    expect(draft.state()).toBe('pending');
    await jest.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1);
    expect(sent).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([{ draftVersion: 4, values: { A: { value: '1' }, B: { value: '25' } } }]);
    expect(draft.state()).toBe('saved');
    expect(draft.savedAt()).toBe('2026-03-01T10:05:00Z');

    draft.edit('A', { comment: 'x' });
    await jest.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(sent[1].draftVersion).toBe(5);
  });

  it('saves edits made while a save is on its way right after it, with the new version', async () => {
    const answers: Subject<ReportDetail>[] = [];
    const sent: ReportValuesInput[] = [];
    const draft = new DraftAutosave((input) => {
      sent.push(input);
      const answer = new Subject<ReportDetail>();
      answers.push(answer);
      return answer;
    });
    draft.load({ A: {} }, 1, null);
    draft.edit('A', { value: '1' });
    await jest.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(draft.state()).toBe('saving');
    draft.edit('A', { value: '12' });
    answers[0].next(savedDetail(2));
    answers[0].complete();
    await jest.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(sent.map((input) => [input.draftVersion, input.values['A'].value])).toEqual([
      [1, '1'],
      [2, '12'],
    ]);
    answers[1].next(savedDetail(3));
    answers[1].complete();
    await jest.advanceTimersByTimeAsync(0);
    expect(draft.state()).toBe('saved');
  });

  it('stops saving when someone else saved in between, and never sends over their draft', async () => {
    let calls = 0;
    const draft = new DraftAutosave(() => {
      calls++;
      return throwError(() => new HttpErrorResponse({ status: 409, error: { code: 'STALE_DRAFT' } }));
    });
    draft.load({ A: {} }, 1, null);
    draft.edit('A', { value: '1' });
    await jest.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(draft.state()).toBe('stale');
    draft.edit('A', { value: '2' });
    await jest.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    expect(calls).toBe(1);
    expect(await draft.saveNow()).toBe(false);
    expect(draft.values()['A'].value).toBe('2');
  });

  it('keeps a failed save to try again, and saveNow waits for the server before a submission', async () => {
    let fail = true;
    const draft = new DraftAutosave((input) => {
      if (fail) return throwError(() => new HttpErrorResponse({ status: 0 }));
      return of(savedDetail(input.draftVersion + 1));
    });
    draft.load({ A: {} }, 1, null);
    draft.edit('A', { value: '1' });
    await jest.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(draft.state()).toBe('failed');
    expect(draft.failure()).toBeInstanceOf(HttpErrorResponse);
    fail = false;
    await expect(draft.saveNow()).resolves.toBe(true);
    expect(draft.state()).toBe('saved');
    expect(draft.draftVersion).toBe(2);
    // Nothing new to save: no request, still true.
    await expect(draft.saveNow()).resolves.toBe(true);
  });
});
