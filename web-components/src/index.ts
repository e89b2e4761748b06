// Entry of /assets/online-interview.js: importing it defines <online-interview>, <interview-schedule>,
// <interview-live-feed>, <interview-questions>, <interview-transcript> and <interview-studio>.
export { OnlineInterview } from './online-interview.js';
export { InterviewSchedule } from './interview-schedule.js';
export { InterviewLiveFeed } from './interview-live-feed.js';
export { InterviewQuestions } from './interview-questions.js';
export { InterviewTranscript } from './interview-transcript.js';
export { InterviewStudio, type PublishState } from './interview-studio.js';
export { ApiError } from './api/client.js';
export { DEVICE_TOKEN_KEY } from './qa/device-token.js';
export { DISPLAY_PREF_KEYS, type DisplayPrefs } from './display-prefs.js';
export type * from './api/types.js';
export type * from './api/viewer-types.js';
export type * from './qa/types.js';
