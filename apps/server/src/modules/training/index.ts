export { createTrainingService, type TrainingService } from './training.service.js';
export {
  createTrainingCertificatesService,
  type TrainingCertificatesService,
} from './training-certificates.service.js';
export { createTrainingImportService, type TrainingImportService } from './training-import.service.js';
export { createTrainingMaterialsService, type TrainingMaterialsService } from './training-materials.service.js';
export { trainingRepository } from './training.repository.js';
export { registerTrainingRoutes } from './training.routes.js';
