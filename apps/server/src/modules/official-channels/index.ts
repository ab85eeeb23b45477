export { createOfficialChannelsService, type OfficialChannelsService } from './official-channels.service.js';
export { officialChannelsRepository } from './official-channels.repository.js';
export { registerOfficialChannelsRoutes } from './official-channels.routes.js';
export { checkText, overallVerdict, type RegistryEntry } from './lookalike.js';
