/**
 * The pure rules of every network, for the server and the web app alike: limits, text counting,
 * content validation, media sniffing, posting schedules and atproto TIDs. No I/O.
 */
export * from './networks.js';
export * from './problems.js';
export * from './content.js';
export * from './platform-rules.js';
export * from './text-units.js';
export * from './text-entities.js';
export * from './text-count.js';
export * from './format-units.js';
export { validateForNetwork, hasErrors, type ValidateOptions } from './validate-content.js';
export { isMimeAllowed } from './validate-media.js';
export * from './media-sniff.js';
export * from './schedule.js';
export * from './tid.js';
