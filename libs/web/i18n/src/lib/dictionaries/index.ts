import { Language } from '@sopu/shared';
import { Dictionary, en } from './en';
import { fi } from './fi';
import { sv } from './sv';

export type { Dictionary, TranslationKey } from './en';

export const DICTIONARIES: Record<Language, Dictionary> = { fi, sv, en };
