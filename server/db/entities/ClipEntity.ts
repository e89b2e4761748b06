import { EntitySchema } from 'typeorm';
import type { Clip } from '../../domain/recording/types.js';

export const ClipEntity = new EntitySchema<Clip>({
  name: 'Clip',
  tableName: 'clips',
  columns: {
    id: { type: 'uuid', primary: true },
    interviewId: { type: 'uuid', name: 'interview_id' },
    title: { type: 'text' },
    kind: { type: 'text', name: 'source_kind' },
    cameraId: { type: 'uuid', name: 'camera_id', nullable: true },
    inSeconds: { type: 'double precision', name: 'in_seconds' },
    outSeconds: { type: 'double precision', name: 'out_seconds' },
    createdBy: { type: 'uuid', name: 'created_by', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
  },
});
