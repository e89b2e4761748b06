import { describe, expectTypeOf, it } from 'vitest';
import type * as server from '../../server/domain/qa/views.js';
import type { ReviewSettings as ServerReviewSettings } from '../../server/domain/qa/types.js';
import type { PublicInterviewJson, StaffInterviewJson } from '../../server/http/InterviewPresenter.js';
import type { MediaStatusJson } from '../../server/http/productionRouter.js';
import type * as webApi from '../../web-components/src/api/types.js';
import type * as webProduction from '../../web-components/src/api/productionTypes.js';
import type * as webQa from '../../web-components/src/qa/types.js';
import type * as webRecords from '../../web-components/src/api/recordsTypes.js';
import type { PublicFollowUpJson, StaffFollowUpJson } from '../../server/records/FollowUpService.js';
import type { PublicTranscriptJson, StaffTranscriptJson } from '../../server/records/transcriptViews.js';
import type { YearStatistics } from '../../server/domain/records/yearStatistics.js';

/**
 * The web components mirror the server's JSON instead of importing it (they talk to the server only over HTTP, as a
 * portal would). These checks run in the type check (`npm test` starts with it): each shape the server sends must
 * satisfy what the components expect, so the mirror cannot drift silently.
 */
describe('wire types: what the server sends satisfies what the components read', () => {
  it('interviews', () => {
    expectTypeOf<PublicInterviewJson>().toExtend<webApi.Interview>();
    expectTypeOf<StaffInterviewJson>().toExtend<webApi.StaffInterview>();
  });

  it('questions', () => {
    expectTypeOf<server.PublicQuestion>().toExtend<webQa.PublicQuestion>();
    expectTypeOf<server.MyQuestion>().toExtend<webQa.MyQuestion>();
    expectTypeOf<server.StaffQuestion>().toExtend<webQa.StaffQuestion>();
  });

  it('posts and settings', () => {
    expectTypeOf<server.PublicPost>().toExtend<webQa.PublicPost>();
    expectTypeOf<server.StaffPost>().toExtend<webQa.StaffPost>();
    expectTypeOf<ServerReviewSettings>().toExtend<webQa.ReviewSettings>();
  });

  it('after-show records', () => {
    expectTypeOf<StaffTranscriptJson>().toExtend<webRecords.StaffTranscript>();
    expectTypeOf<PublicTranscriptJson>().toExtend<webRecords.PublicTranscript>();
    expectTypeOf<StaffFollowUpJson>().toExtend<webRecords.StaffFollowUp>();
    expectTypeOf<PublicFollowUpJson>().toExtend<webRecords.PublicFollowUp>();
    expectTypeOf<YearStatistics>().toExtend<webRecords.YearStatistics>();
  });

  it('live production', () => {
    expectTypeOf<MediaStatusJson>().toExtend<webProduction.MediaStatus>();
  });
});
