// Article search and triage (issue 12 §9): search with facets and highlighting, the article with its cluster,
// officers' corrections, saved views, the streamed Excel export.
export { createMonitoringArticlesService, type MonitoringArticlesService } from './monitoring-articles.service.js';
export { createSavedViewsService, type SavedViewsService } from './saved-views.service.js';
export { monitoringArticlesRepository } from './monitoring-articles.repository.js';
export { articlesSearchRepository } from './articles-search.repository.js';
export { savedViewsRepository } from './saved-views.repository.js';
export { registerMonitoringArticlesRoutes } from './monitoring-articles.routes.js';
