import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { LANGUAGES, Language, Localized } from '@sopu/shared';

/** A text in Finnish, Swedish and English. A draft may leave a language empty; publishing may not. */
export class LocalizedDto implements Localized {
  @ApiProperty({ example: 'Kotihoito' }) @IsString() @MaxLength(4000) fi!: string;
  @ApiProperty({ example: 'Hemvård' }) @IsString() @MaxLength(4000) sv!: string;
  @ApiProperty({ example: 'Home care' }) @IsString() @MaxLength(4000) en!: string;
}

export function isBlankText(text: string | null | undefined): boolean {
  return text === null || text === undefined || text.trim() === '';
}

/** The languages in which any of the texts is empty. */
export function missingLanguages(texts: (Localized | null)[]): Language[] {
  return LANGUAGES.filter((lang) => texts.some((text) => text !== null && isBlankText(text[lang])));
}

/** `prefix.sv` for every empty language of the text (`name.sv`, `criteria.X.name.sv`). */
export function missingTextFields(prefix: string, text: Localized | null): string[] {
  if (text === null) return LANGUAGES.map((lang) => `${prefix}.${lang}`);
  return LANGUAGES.filter((lang) => isBlankText(text[lang])).map((lang) => `${prefix}.${lang}`);
}

/** Trims each language, so that a text of spaces counts as missing. */
export function trimmed(text: Localized): Localized {
  return { fi: text.fi.trim(), sv: text.sv.trim(), en: text.en.trim() };
}
