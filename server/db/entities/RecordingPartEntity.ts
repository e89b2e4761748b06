import { EntitySchema } from 'typeorm';
import type { RecordingPart } from '../../domain/recording/types.js';

/** bigint comes back from pg as text; the transformer keeps `bytes` a number (a part stays far below 2^53). */
export const bigintNumber = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

export const RecordingPartEntity = new EntitySchema<RecordingPart>({
  name: 'RecordingPart',
  tableName: 'recording_parts',
  columns: {
    id: { type: 'uuid', primary: true },
    interviewId: { type: 'uuid', name: 'interview_id' },
    kind: { type: 'text' },
    cameraId: { type: 'uuid', name: 'camera_id', nullable: true },
    path: { type: 'text' },
    status: { type: 'text' },
    startedAt: { type: 'timestamptz', name: 'started_at' },
    endedAt: { type: 'timestamptz', name: 'ended_at', nullable: true },
    durationSeconds: { type: 'double precision', name: 'duration_seconds', nullable: true },
    bytes: { type: 'bigint', transformer: bigintNumber },
    videoCodec: { type: 'text', name: 'video_codec', nullable: true },
    hasAudio: { type: 'boolean', name: 'has_audio', nullable: true },
    width: { type: 'integer', nullable: true },
    height: { type: 'integer', nullable: true },
    recovered: { type: 'boolean' },
    error: { type: 'text', nullable: true },
  },
});
