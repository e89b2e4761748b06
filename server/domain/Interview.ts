/** Where a show is in its life: planned, on air, or over (a recording may exist). */
export type InterviewStatus = 'scheduled' | 'live' | 'ended';

/** A guest as announced to viewers: 嘉宾 name and their post (职务). */
export interface Guest {
  name: string;
  position: string;
}

/** One 在线访谈 show. */
export interface Interview {
  id: string;
  title: string;
  topic: string | null;
  /** The interviewed department (责任单位). */
  department: string | null;
  startsAt: Date | null;
  status: InterviewStatus;
  createdAt: Date;
  updatedAt: Date;
  /** When the show first went on air. */
  liveAt: Date | null;
  /** When the show last ended; null while scheduled or live. */
  endedAt: Date | null;
  /** In announcement order. */
  guests: Guest[];
}
