// The monitoring core: Vietnamese text, URL keys, near-duplicates, the saved-query language and the classifier
// (pure), and the ingest engine every source, tool and the CLI feed. Other monitoring modules import only this file.
export { foldVi, matchTokens, normaliseVi, shingles, VI_ABBREVIATIONS } from './vn-text.js';
export { urlKey } from './url-normalise.js';
export { parseQuery, type QueryNode, type QueryParseResult, QuerySyntaxError, tryParseQuery } from './query-parser.js';
export { matchQuery, prepareArticle as prepareQueryArticle, type MonitoredText } from './query-matcher.js';
export { QueryIndex } from './query-index.js';
export { type ClassifierLexicon, compileLexicon, DEFAULT_LEXICON, type LexiconRule } from './classifier-lexicon.js';
export {
  type ArticleLabel,
  type ClassifierModel,
  type Correction,
  DEFAULT_THRESHOLDS,
  type LabelledArticle,
  train,
} from './classifier-model.js';
export { type Classification, classify } from './classifier.js';
export { crossValidate, evaluate, keywordRule, type ClassifierMetrics } from './classifier-eval.js';
export { createMonitoringEngine, type MonitoringEngine, type ModelOrigin } from './engine.service.js';
export { createIngestService, type IngestInput, type IngestService } from './ingest.service.js';
export { readPublicationTime, tokenise } from './ingest-pipeline.js';
export { monitoringRepository } from './monitoring.repository.js';
export { registerMonitoringIngestRoutes } from './ingest.routes.js';
export { loadShippedModel, SHIPPED_MODEL_FILE } from './shipped-model.repository.js';
export { createNearDuplicateIndex } from './neardup.js';
