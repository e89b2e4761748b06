import { EntitySchema } from 'typeorm';

/** A short-lived token letting the console's studio page publish as a camera without seeing its long-lived token. */
export interface CameraStudioTokenRow {
  id: string;
  cameraId: string;
  /** sha256 (hex) of the token. */
  tokenHash: string;
  /** The staff member who opened the studio page. */
  userId: string;
  expiresAt: Date;
}

export const CameraStudioTokenEntity = new EntitySchema<CameraStudioTokenRow>({
  name: 'CameraStudioToken',
  tableName: 'camera_studio_tokens',
  columns: {
    id: { type: 'uuid', primary: true },
    cameraId: { type: 'uuid', name: 'camera_id' },
    tokenHash: { type: 'text', name: 'token_hash', unique: true },
    userId: { type: 'uuid', name: 'user_id' },
    expiresAt: { type: 'timestamptz', name: 'expires_at' },
  },
});
