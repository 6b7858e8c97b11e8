import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessGuard } from './access.guard';
import { ApiTokens, ApiTokensController } from './api-tokens';
import { AUTH_OPTIONS, AuthOptions } from './auth-options';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { Sessions } from './sessions';
import { SigningSecret } from './signing-secret';
import { SessionEntity, UserEntity } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity])],
      controllers: [AuthController, UsersController, ApiTokensController],
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        { provide: APP_GUARD, useClass: AccessGuard },
        SigningSecret,
        LoginThrottle,
        Sessions,
        ApiTokens,
        AuthService,
        UsersService,
      ],
      exports: [Sessions],
    };
  }
}
