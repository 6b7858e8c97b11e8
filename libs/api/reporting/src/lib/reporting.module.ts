import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeviationsService } from './deviations.service';
import { ObligationsJob } from './obligations-job';
import { ReportEntity } from './report.entity';
import { ReportWorkService } from './report-work.service';
import { DeviationsController, ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [TypeOrmModule.forFeature([ReportEntity])],
  controllers: [ReportsController, DeviationsController],
  providers: [ReportsService, ReportWorkService, DeviationsService, ObligationsJob],
  exports: [ReportsService, ReportWorkService, DeviationsService, ObligationsJob],
})
export class ReportingModule {}
