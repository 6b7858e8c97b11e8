import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Localized } from '@sopu/shared';

/** A text in Finnish, Swedish and English. A draft may leave a language empty; publishing may not. */
export class LocalizedDto implements Localized {
  @ApiProperty({ example: 'Kotihoito' }) @IsString() @MaxLength(4000) fi!: string;
  @ApiProperty({ example: 'Hemvård' }) @IsString() @MaxLength(4000) sv!: string;
  @ApiProperty({ example: 'Home care' }) @IsString() @MaxLength(4000) en!: string;
}

/**
 * A field holding a LocalizedDto. `@ValidateNested()` alone lets a missing object through (the
 * service then failed on `undefined.fi`, a 500) and validates an array of them in its place.
 */
export function IsLocalized(): PropertyDecorator {
  return applyDecorators(
    IsObject(),
    ValidateNested(),
    Type(() => LocalizedDto),
  );
}

/** Trims each language, so that a text of spaces counts as missing. */
export function trimmed(text: Localized): Localized {
  return { fi: text.fi.trim(), sv: text.sv.trim(), en: text.en.trim() };
}
