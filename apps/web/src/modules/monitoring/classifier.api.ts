import type { TLexicon, TLexiconState, TModelState } from '@loa/contracts';
import { api } from '../../shared/api';

export const classifierKeys = {
  all: ['monitoring-classifier'] as const,
  lexicon: ['monitoring-classifier', 'lexicon'] as const,
  model: ['monitoring-classifier', 'model'] as const,
};

export const getLexicon = () => api.get<TLexiconState>('/api/monitoring/lexicon');

/** Saves the whole lexicon; a stale `version` answers 409 (someone saved in between). */
export const saveLexicon = (lexicon: TLexicon, version: number) =>
  api.put<TLexiconState>('/api/monitoring/lexicon', { lexicon, version });

export const getModel = () => api.get<TModelState>('/api/monitoring/model');

/** Starts retraining (202); the model state reports `training` until it is done. */
export const trainModel = () => api.post<unknown>('/api/monitoring/model/train');
