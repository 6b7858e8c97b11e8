import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { Omittable } from '@sopu/api/platform';
import {
  AuthUser,
  LANGUAGES,
  Language,
  LoginResponse,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PRODUCER_TYPES,
  ProducerType,
  ROLES,
  Role,
} from '@sopu/shared';

export class LoginDto {
  @ApiProperty({ example: 'manager@demo.sopu.test' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Sopu-demo-2026!' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword!: string;
}

export class UpdateMeDto {
  @ApiPropertyOptional({ enum: LANGUAGES })
  @Omittable()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional()
  @Omittable()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;
}

export class AuthUserDto implements AuthUser {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) producerId!: string | null;
  @ApiProperty({ nullable: true, type: String }) producerName!: string | null;
  @ApiProperty({ enum: PRODUCER_TYPES, nullable: true }) producerType!: ProducerType | null;
  @ApiProperty({ format: 'uuid' }) organiserId!: string;
  @ApiProperty() organiserName!: string;
  @ApiProperty({ enum: LANGUAGES }) language!: Language;
}

export class LoginResponseDto implements LoginResponse {
  @ApiProperty({ description: 'Bearer token for API clients' }) accessToken!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: AuthUserDto }) user!: AuthUserDto;
}
