import { EntitySchema } from 'typeorm';
import type { ExportJob } from '../../domain/recording/types.js';
import { bigintNumber } from './RecordingPartEntity.js';

export const ExportJobEntity = new EntitySchema<ExportJob>({
  name: 'ExportJob',
  tableName: 'export_jobs',
  columns: {
    id: { type: 'uuid', primary: true },
    clipId: { type: 'uuid', name: 'clip_id' },
    interviewId: { type: 'uuid', name: 'interview_id' },
    mode: { type: 'text' },
    kind: { type: 'text', name: 'source_kind' },
    cameraId: { type: 'uuid', name: 'camera_id', nullable: true },
    inSeconds: { type: 'double precision', name: 'in_seconds' },
    outSeconds: { type: 'double precision', name: 'out_seconds' },
    status: { type: 'text' },
    progress: { type: 'real' },
    attempts: { type: 'integer' },
    outputPath: { type: 'text', name: 'output_path', nullable: true },
    bytes: { type: 'bigint', nullable: true, transformer: bigintNumber },
    errorCode: { type: 'text', name: 'error_code', nullable: true },
    errorMessage: { type: 'text', name: 'error_message', nullable: true },
    createdBy: { type: 'uuid', name: 'created_by', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    startedAt: { type: 'timestamptz', name: 'started_at', nullable: true },
    finishedAt: { type: 'timestamptz', name: 'finished_at', nullable: true },
  },
});
