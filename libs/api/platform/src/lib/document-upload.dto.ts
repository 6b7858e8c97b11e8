import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

/** The name of an uploaded file; the request body is the file itself. */
export class DocumentUploadQueryDto {
  @ApiProperty({ example: 'sopimus.pdf', description: 'The file name; the body is the file itself' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  @Matches(/^[^\\/\p{Cc}]+$/u)
  filename!: string;
}
