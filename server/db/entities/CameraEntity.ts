import { EntitySchema } from 'typeorm';

export interface CameraRow {
  id: string;
  interviewId: string;
  name: string;
  /** sha256 (hex) of the camera token: 256-bit random tokens need no slow hash. */
  tokenHash: string;
  revokedAt: Date | null;
  createdAt: Date;
}

export const CameraEntity = new EntitySchema<CameraRow>({
  name: 'Camera',
  tableName: 'cameras',
  columns: {
    id: { type: 'uuid', primary: true },
    interviewId: { type: 'uuid', name: 'interview_id' },
    name: { type: 'text' },
    tokenHash: { type: 'text', name: 'token_hash', unique: true },
    revokedAt: { type: 'timestamptz', name: 'revoked_at', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at' },
  },
});
