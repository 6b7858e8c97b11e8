import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ComparisonsController, ComparisonsService } from './comparisons';
import { CorrectiveActionsController } from './corrective-actions.controller';
import { CorrectiveActionsService } from './corrective-actions.service';
import { DeviationsService } from './deviations.service';
import { NotificationsController, NotificationsService } from './notifications.controller';
import { ObligationsJob } from './obligations-job';
import { ReportEntity } from './report.entity';
import { ReportSheetsController } from './report-sheets.controller';
import { ReportSheetsService } from './report-sheets.service';
import { ReportWorkService } from './report-work.service';
import { DeviationsController, ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { SteeringViews, SteeringViewsController } from './steering-views';

@Module({
  imports: [TypeOrmModule.forFeature([ReportEntity])],
  controllers: [
    SteeringViewsController,
    ComparisonsController,
    ReportsController,
    DeviationsController,
    NotificationsController,
    CorrectiveActionsController,
    ReportSheetsController,
  ],
  providers: [
    SteeringViews,
    ComparisonsService,
    NotificationsService,
    ReportsService,
    ReportWorkService,
    DeviationsService,
    ObligationsJob,
    CorrectiveActionsService,
    ReportSheetsService,
  ],
  exports: [ReportsService, ReportWorkService, DeviationsService, ObligationsJob, CorrectiveActionsService],
})
export class ReportingModule {}
