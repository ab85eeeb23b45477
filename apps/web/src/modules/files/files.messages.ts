/** UI strings of file uploads and attachments (Vietnamese). */
export const filesVi = {
  'files.upload': 'Tải tệp lên',
  'files.uploading': 'Đang tải lên {name}…',
  'files.uploaded': 'Đã tải lên {name}',
  'files.uploadFailed': 'Không tải lên được {name}: {reason}',
  'files.hint':
    'PDF, Word, Excel, PowerPoint, ảnh JPEG/PNG/GIF/WEBP, MP4, MP3, TXT, CSV; tệp được kiểm tra theo nội dung.',
  'files.download': 'Tải xuống',
  'files.size.bytes': '{value} B',
  'files.size.kb': '{value} KB',
  'files.size.mb': '{value} MB',
  'files.attachments': 'Tệp đính kèm',
  'files.attachments.empty': 'Chưa có tệp đính kèm',
  'files.attachments.remove': 'Gỡ tệp',
  'files.attachments.removeConfirm': 'Gỡ tệp "{title}" khỏi văn bản?',
  'files.attachments.removed': 'Đã gỡ tệp "{title}"',
  'files.attachments.addedBy': '{name}, {date}',
  'files.thumbnail.alt': 'Ảnh thu nhỏ của {title}',
} as const;

/** UI strings of file uploads and attachments (English). */
export const filesEn: Record<keyof typeof filesVi, string> = {
  'files.upload': 'Upload a file',
  'files.uploading': 'Uploading {name}…',
  'files.uploaded': '{name} uploaded',
  'files.uploadFailed': '{name} could not be uploaded: {reason}',
  'files.hint':
    'PDF, Word, Excel, PowerPoint, JPEG/PNG/GIF/WEBP images, MP4, MP3, TXT, CSV; files are checked by their content.',
  'files.download': 'Download',
  'files.size.bytes': '{value} B',
  'files.size.kb': '{value} KB',
  'files.size.mb': '{value} MB',
  'files.attachments': 'Attachments',
  'files.attachments.empty': 'No attachments yet',
  'files.attachments.remove': 'Remove file',
  'files.attachments.removeConfirm': 'Remove "{title}" from the document?',
  'files.attachments.removed': '"{title}" removed',
  'files.attachments.addedBy': '{name}, {date}',
  'files.thumbnail.alt': 'Thumbnail of {title}',
};
