export { createFilesService, toStoredFile, type FilesService, type Upload } from './files.service.js';
export { filesRepository, type FileRow } from './files.repository.js';
export { diskFileStore, type FileStore } from './file-store.repository.js';
export { s3FileStore, type S3Options } from './s3-file-store.repository.js';
export {
  registerFilesRoutes,
  registerUploadParser,
  sendStoredFile,
  uploadErrorHandler,
  uploadOf,
  UPLOAD_TYPE,
} from './files.routes.js';
