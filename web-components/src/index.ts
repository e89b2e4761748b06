// Entry of /assets/online-interview.js: importing it defines <online-interview>, <interview-live-feed>,
// <interview-questions> and <interview-studio>.
export { OnlineInterview } from './online-interview.js';
export { InterviewLiveFeed } from './interview-live-feed.js';
export { InterviewQuestions } from './interview-questions.js';
export { InterviewStudio, type PublishState } from './interview-studio.js';
export { ApiError } from './api/client.js';
export { DEVICE_TOKEN_KEY } from './qa/device-token.js';
export type * from './api/types.js';
export type * from './qa/types.js';
