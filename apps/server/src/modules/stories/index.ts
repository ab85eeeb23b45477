export { createStoriesService, type StoriesService } from './stories.service.js';
export { createStoryMediaService, type StoryMediaService } from './story-media.service.js';
export { storiesRepository } from './stories.repository.js';
export { registerStoriesRoutes } from './stories.routes.js';
