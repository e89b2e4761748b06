import { EntitySchema } from 'typeorm';

export interface SessionRow {
  id: string;
  /** sha256 (hex) of the cookie token: a stolen database does not yield live sessions. */
  tokenHash: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  /** When the session last served a request (to the minute): it ends after sessionIdleMinutes without one. */
  lastSeenAt: Date;
}

export const SessionEntity = new EntitySchema<SessionRow>({
  name: 'Session',
  tableName: 'sessions',
  columns: {
    id: { type: 'uuid', primary: true },
    tokenHash: { type: 'text', name: 'token_hash', unique: true },
    userId: { type: 'uuid', name: 'user_id' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    expiresAt: { type: 'timestamptz', name: 'expires_at' },
    lastSeenAt: { type: 'timestamptz', name: 'last_seen_at' },
  },
});
