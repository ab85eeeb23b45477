// The classifier model shipped with Loa (trained on the whole labelled dev stream with DEFAULT_LEXICON by
// `npm run loa -- monitor train … --out`): the engine's model until an administrator trains one here.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { ClassifierModel } from './classifier-model.js';

export const SHIPPED_MODEL_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'shipped-model.json.gz');

/** The shipped model, or null when the file is absent (a broken file is an error: it must be regenerated). */
export async function loadShippedModel(file: string = SHIPPED_MODEL_FILE): Promise<ClassifierModel | null> {
  let compressed: Buffer;
  try {
    compressed = await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const model = JSON.parse((await promisify(zlib.gunzip)(compressed)).toString('utf8')) as ClassifierModel;
  if (model?.version !== 1 || !model.relevance) throw new Error(`${file} is not a classifier model`);
  return model;
}
