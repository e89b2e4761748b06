import { EntitySchema } from 'typeorm';

export interface GuestRow {
  id: string;
  interviewId: string;
  name: string;
  position: string;
  bio: string | null;
  /** The portrait's file name in the interview's people folder. */
  photo: string | null;
  /** Announcement order, from 0. */
  sortOrder: number;
}

export const GuestEntity = new EntitySchema<GuestRow>({
  name: 'Guest',
  tableName: 'guests',
  columns: {
    id: { type: 'uuid', primary: true },
    interviewId: { type: 'uuid', name: 'interview_id' },
    name: { type: 'text' },
    position: { type: 'text' },
    bio: { type: 'text', nullable: true },
    photo: { type: 'text', nullable: true },
    sortOrder: { type: 'integer', name: 'sort_order' },
  },
});
