import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { isPublicStatus, type Interview } from '../domain/Interview.js';

/** How long a show without a planned end is put in calendars: the notice's "about 30 minutes". */
const DEFAULT_MINUTES = 30;

/**
 * The public schedule as iCalendar (RFC 5545): one event per announced interview with a time (drafts never), its
 * UID stable so calendar apps update it when the time changes, the watch page as URL. A show called off before it
 * went on air (ended, never live) is CANCELLED.
 */
export function scheduleCalendar(
  interviews: readonly Interview[],
  options: { name: string; host: string; pageUrl: (interviewId: string) => string; now: Date },
): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'online-interview', product: 'schedule', language: 'ZH' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 3600,
  });
  for (const interview of interviews) {
    if (!isPublicStatus(interview.status) || interview.startsAt === null) continue;
    const end = interview.endsAt ?? new Date(interview.startsAt.getTime() + DEFAULT_MINUTES * 60_000);
    const guests = interview.guests.map((guest) => [guest.name, guest.position].filter(Boolean).join(' ')).join('、');
    calendar.createEvent({
      id: `${interview.id}@${options.host}`,
      start: interview.startsAt,
      end,
      stamp: options.now,
      lastModified: interview.updatedAt,
      summary: interview.title,
      description: [interview.topic, interview.department && `责任单位：${interview.department}`, guests && `嘉宾：${guests}`]
        .filter(Boolean)
        .join('\n'),
      url: options.pageUrl(interview.id),
      status: interview.status === 'ended' && interview.liveAt === null ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
