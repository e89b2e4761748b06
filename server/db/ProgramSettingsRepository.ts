import type { DataSource } from 'typeorm';
import type { ProgramOverlays } from '../../media/index.js';

/** What the director chose for an interview's program, as stored. */
export interface StoredProgramSettings {
  /** Whose microphone the program carries; null: the camera on air's. */
  audioCameraId: string | null;
  overlays: ProgramOverlays;
}

/** program_settings: one row per interview whose director changed the audio or the overlays. */
export class ProgramSettingsRepository {
  readonly #dataSource: DataSource;

  constructor(dataSource: DataSource) {
    this.#dataSource = dataSource;
  }

  async get(interviewId: string): Promise<StoredProgramSettings | null> {
    const rows: { audio_camera_id: string | null; overlays: ProgramOverlays }[] = await this.#dataSource.query(
      `SELECT audio_camera_id, overlays FROM program_settings WHERE interview_id = $1`,
      [interviewId],
    );
    const row = rows[0];
    return row ? { audioCameraId: row.audio_camera_id, overlays: row.overlays } : null;
  }

  async saveAudio(interviewId: string, audioCameraId: string | null): Promise<void> {
    await this.#dataSource.query(
      `INSERT INTO program_settings (interview_id, audio_camera_id) VALUES ($1, $2)
       ON CONFLICT (interview_id) DO UPDATE SET audio_camera_id = EXCLUDED.audio_camera_id, updated_at = now()`,
      [interviewId, audioCameraId],
    );
  }

  async saveOverlays(interviewId: string, overlays: ProgramOverlays): Promise<void> {
    await this.#dataSource.query(
      `INSERT INTO program_settings (interview_id, overlays) VALUES ($1, $2)
       ON CONFLICT (interview_id) DO UPDATE SET overlays = EXCLUDED.overlays, updated_at = now()`,
      [interviewId, JSON.stringify(overlays)],
    );
  }
}
