import { Body, Controller, Get, HttpCode, Inject, Patch, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { AuthUser, LoginResponse } from '@sopu/shared';
import { Access, Auth, AuthContext } from '@sopu/api/platform';
import { AUTH_OPTIONS, AuthOptions, SESSION_COOKIE, XSRF_COOKIE } from './auth-options';
import { AuthUserDto, ChangePasswordDto, LoginDto, LoginResponseDto, UpdateMeDto } from './auth.dto';
import { AuthService } from './auth.service';

const ALL_ROLES = ['ADMIN', 'CONTRACT_MANAGER', 'ANALYST', 'PROVIDER_REPORTER'] as const;

@ApiTags('auth')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Access.public()
  @ApiOperation({
    summary: 'Sign in with email and password',
    description:
      'Returns a bearer token for API clients and sets an httpOnly session cookie (and a readable XSRF-TOKEN cookie whose value cookie-authenticated writes must echo in the X-XSRF-TOKEN header).',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password (code INVALID_CREDENTIALS)' })
  @ApiTooManyRequestsResponse({
    description: 'Too many failed attempts; see Retry-After (code TOO_MANY_ATTEMPTS)',
  })
  @ApiBadRequestResponse({ description: 'Invalid or unknown fields' })
  async login(
    @Body() dto: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponse> {
    const result = await this.auth.login(dto, req.ip ?? 'unknown');
    this.setSessionCookies(res, result);
    return result;
  }

  @Post('logout')
  @HttpCode(204)
  @Access.producerScoped(...ALL_ROLES)
  @ApiOperation({ summary: 'End this session; its token stops working at once' })
  @ApiNoContentResponse()
  async logout(@Auth() auth: AuthContext, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(auth);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.clearCookie(XSRF_COOKIE, { path: '/' });
  }

  @Get('me')
  @Access.producerScoped(...ALL_ROLES)
  @ApiOperation({ summary: 'The signed-in user with role and producer' })
  @ApiOkResponse({ type: AuthUserDto })
  @ApiUnauthorizedResponse({ description: 'Not signed in' })
  me(@Auth() auth: AuthContext): Promise<AuthUser> {
    return this.auth.me(auth);
  }

  @Patch('me')
  @Access.producerScoped(...ALL_ROLES)
  @ApiOperation({ summary: "Change one's own language or display name" })
  @ApiOkResponse({ type: AuthUserDto })
  updateMe(@Auth() auth: AuthContext, @Body() dto: UpdateMeDto): Promise<AuthUser> {
    return this.auth.updateMe(auth, dto);
  }

  @Post('password')
  @HttpCode(200)
  @Access.producerScoped(...ALL_ROLES)
  @ApiOperation({ summary: 'Change password; every session of the user ends and a new one is returned' })
  @ApiOkResponse({ type: LoginResponseDto })
  async changePassword(
    @Auth() auth: AuthContext,
    @Body() dto: ChangePasswordDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponse> {
    const result = await this.auth.changePassword(auth, dto);
    this.setSessionCookies(res, result);
    return result;
  }

  private setSessionCookies(res: Response, result: LoginResponse): void {
    const expires = new Date(result.expiresAt);
    const common = { sameSite: 'strict' as const, secure: this.options.cookieSecure, path: '/', expires };
    res.cookie(SESSION_COOKIE, result.accessToken, { ...common, httpOnly: true });
    res.cookie(XSRF_COOKIE, randomBytes(24).toString('base64url'), { ...common, httpOnly: false });
  }
}
