import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page, UserSummary } from '@sopu/shared';
import { Access, Auth, AuthContext } from '@sopu/api/platform';
import {
  CreateUserDto,
  CreatedUserDto,
  TemporaryPasswordDto,
  UpdateUserDto,
  UserQueryDto,
  UserSummaryDto,
} from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Access.roles('ADMIN')
  @ApiOperation({ summary: "List the organiser's users" })
  list(@Auth() auth: AuthContext, @Query() query: UserQueryDto): Promise<Page<UserSummary>> {
    return this.users.list(auth, query);
  }

  @Post()
  @Access.roles('ADMIN')
  @ApiOperation({ summary: 'Create a user; the answer carries a temporary password, shown once' })
  @ApiCreatedResponse({ type: CreatedUserDto })
  create(@Auth() auth: AuthContext, @Body() dto: CreateUserDto): Promise<CreatedUserDto> {
    return this.users.create(auth, dto);
  }

  @Patch(':id')
  @Access.roles('ADMIN')
  @ApiOperation({ summary: 'Edit role, producer, language, name or active flag; deactivation ends sessions' })
  @ApiOkResponse({ type: UserSummaryDto })
  update(
    @Auth() auth: AuthContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserSummary> {
    return this.users.update(auth, id, dto);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @Access.roles('ADMIN')
  @ApiOperation({ summary: "Replace the user's password with a temporary one and end their sessions" })
  @ApiOkResponse({ type: TemporaryPasswordDto })
  resetPassword(
    @Auth() auth: AuthContext,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<TemporaryPasswordDto> {
    return this.users.resetPassword(auth, id);
  }
}
