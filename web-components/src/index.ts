// Entry of /assets/online-interview.js: importing it defines <online-interview> and <interview-studio>.
export { OnlineInterview } from './online-interview.js';
export { InterviewStudio, type PublishState } from './interview-studio.js';
export { ApiError } from './api/client.js';
export type * from './api/types.js';
