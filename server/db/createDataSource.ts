import { DataSource } from 'typeorm';
import { CameraEntity } from './entities/CameraEntity.js';
import { CameraStudioTokenEntity } from './entities/CameraStudioTokenEntity.js';
import { ClipEntity } from './entities/ClipEntity.js';
import { ExportJobEntity } from './entities/ExportJobEntity.js';
import { FollowUpEntity } from './entities/FollowUpEntity.js';
import { TranscriptEntity } from './entities/TranscriptEntity.js';
import { TranscriptRevisionEntity } from './entities/TranscriptRevisionEntity.js';
import { Records1795853700000 } from './migrations/1795853700000-Records.js';
import { GuestEntity } from './entities/GuestEntity.js';
import { InterviewEntity } from './entities/InterviewEntity.js';
import { InterviewMemberEntity } from './entities/InterviewMemberEntity.js';
import { ModerationActionEntity } from './entities/ModerationActionEntity.js';
import { PostEntity } from './entities/PostEntity.js';
import { PostImageEntity } from './entities/PostImageEntity.js';
import { QaEventEntity } from './entities/QaEventEntity.js';
import { QuestionEntity } from './entities/QuestionEntity.js';
import { RecordingPartEntity } from './entities/RecordingPartEntity.js';
import { ReviewSettingsEntity } from './entities/ReviewSettingsEntity.js';
import { SessionEntity } from './entities/SessionEntity.js';
import { UserEntity } from './entities/UserEntity.js';
import { InitialSchema1795852800000 } from './migrations/1795852800000-InitialSchema.js';
import { InterviewChangeNotify1795852900000 } from './migrations/1795852900000-InterviewChangeNotify.js';
import { QaSchema1795853000000 } from './migrations/1795853000000-QaSchema.js';
import { PostImages1795853100000 } from './migrations/1795853100000-PostImages.js';
import { QuestionBans1795853200000 } from './migrations/1795853200000-QuestionBans.js';
import { RecordingsAndClips1795853900000 } from './migrations/1795853900000-RecordingsAndClips.js';
import { BanEvents1795853300000 } from './migrations/1795853300000-BanEvents.js';
import { InterviewModel1795853400000 } from './migrations/1795853400000-InterviewModel.js';
import { YearlyPlan1795853600000 } from './migrations/1795853600000-YearlyPlan.js';
import { MailOutbox1795854200000 } from './migrations/1795854200000-MailOutbox.js';
import { ProgramSettings1795854100000 } from './migrations/1795854100000-ProgramSettings.js';
import { SessionIdleAndLoginFailures1795854000000 } from './migrations/1795854000000-SessionIdleAndLoginFailures.js';

/** The TypeORM data source; the schema comes only from the migrations (never `synchronize`). */
export function createDataSource(url: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: [
      UserEntity,
      SessionEntity,
      InterviewEntity,
      GuestEntity,
      CameraEntity,
      CameraStudioTokenEntity,
      InterviewMemberEntity,
      QuestionEntity,
      PostEntity,
      PostImageEntity,
      ReviewSettingsEntity,
      ModerationActionEntity,
      QaEventEntity,
      RecordingPartEntity,
      ClipEntity,
      ExportJobEntity,
      TranscriptEntity,
      TranscriptRevisionEntity,
      FollowUpEntity,
    ],
    migrations: [InitialSchema1795852800000, InterviewChangeNotify1795852900000, QaSchema1795853000000, PostImages1795853100000, QuestionBans1795853200000, Records1795853700000, BanEvents1795853300000, InterviewModel1795853400000, YearlyPlan1795853600000, RecordingsAndClips1795853900000, SessionIdleAndLoginFailures1795854000000, ProgramSettings1795854100000, MailOutbox1795854200000],
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: false,
    // A small pool: a county portal's API load is light, and tests open many apps against one server. A connection
    // that cannot be opened within 5 s fails the request (503 database_unavailable) instead of holding it: a database
    // host that drops packets would otherwise hang every request (docs/operations.md).
    extra: { max: 5, connectionTimeoutMillis: 5000 },
  });
}
