export {
  createFilesService,
  toStoredFile,
  UNREFERENCED_GRACE_HOURS,
  type FilesService,
  type Upload,
} from './files.service.js';
export { filesRepository, type FileReference, type FileRow } from './files.repository.js';
export { diskFileStore, type BlobVariant, type FileStore } from './file-store.repository.js';
export { s3FileStore, type S3Options } from './s3-file-store.repository.js';
export { filesCleanupJob } from './files-cleanup.job.js';
export {
  registerFilesRoutes,
  registerUploadParser,
  sendStoredFile,
  sendThumbnail,
  uploadErrorHandler,
  uploadOf,
  UPLOAD_TYPE,
} from './files.routes.js';
