import type {
  TAddTraineeRequest,
  TCreateTrainingCourseRequest,
  TImportReport,
  TIssueCertificatesRequest,
  TIssueCertificatesResponse,
  TPage,
  TTrainee,
  TTrainingAudience,
  TTrainingCourse,
  TTrainingCourseDetail,
  TTrainingStatus,
  TUpdateTraineeRequest,
  TUpdateTrainingCourseRequest,
} from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';
import { postExcelImport } from '../../shared/excel-import';

export interface CourseFilters {
  q?: string | undefined;
  audience?: TTrainingAudience | undefined;
  status?: TTrainingStatus | undefined;
  orgUnitId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: string | undefined;
}

export const trainingKeys = {
  all: ['training'] as const,
  list: (filters: CourseFilters, page: number, pageSize: number) =>
    ['training', 'list', filters, { page, pageSize }] as const,
  course: (id: string) => ['training', 'course', id] as const,
};

const coursePath = (id: string) => `/api/training/courses/${encodeURIComponent(id)}`;
const traineePath = (courseId: string, traineeId: string) =>
  `${coursePath(courseId)}/trainees/${encodeURIComponent(traineeId)}`;

export function listCourses(filters: CourseFilters, page: number, pageSize: number): Promise<TPage<TTrainingCourse>> {
  return api.get<TPage<TTrainingCourse>>('/api/training/courses', { query: { ...filters, page, pageSize } });
}

export function getCourse(id: string): Promise<TTrainingCourseDetail> {
  return api.get<TTrainingCourseDetail>(coursePath(id));
}

export function createCourse(request: TCreateTrainingCourseRequest): Promise<TTrainingCourseDetail> {
  return api.post<TTrainingCourseDetail>('/api/training/courses', request);
}

export function updateCourse(id: string, request: TUpdateTrainingCourseRequest): Promise<TTrainingCourseDetail> {
  return api.patch<TTrainingCourseDetail>(coursePath(id), request);
}

export function deleteCourse(course: Pick<TTrainingCourse, 'id' | 'version'>): Promise<void> {
  return api.delete(coursePath(course.id), { query: { version: course.version } });
}

export function addTrainee(courseId: string, request: TAddTraineeRequest): Promise<TTrainee> {
  return api.post<TTrainee>(`${coursePath(courseId)}/trainees`, request);
}

export function updateTrainee(courseId: string, traineeId: string, request: TUpdateTraineeRequest): Promise<TTrainee> {
  return api.patch<TTrainee>(traineePath(courseId, traineeId), request);
}

export function removeTrainee(courseId: string, traineeId: string): Promise<void> {
  return api.delete(traineePath(courseId, traineeId));
}

export function importTrainees(courseId: string, file: Blob, dryRun: boolean): Promise<TImportReport> {
  return postExcelImport(`${coursePath(courseId)}/trainees/import`, file, dryRun);
}

export function downloadTraineeTemplate(): Promise<void> {
  return downloadFile('/api/training/trainees-template.xlsx', {}, 'mau-hoc-vien.xlsx');
}

export function exportCourses(filters: CourseFilters): Promise<void> {
  return downloadFile('/api/training/courses/export.xlsx', { ...filters }, 'tap-huan.xlsx');
}

export function issueCertificates(
  courseId: string,
  request: TIssueCertificatesRequest,
): Promise<TIssueCertificatesResponse> {
  return api.post<TIssueCertificatesResponse>(`${coursePath(courseId)}/certificates`, request);
}

export function downloadCertificate(courseId: string, trainee: TTrainee): Promise<void> {
  return downloadFile(
    `${traineePath(courseId, trainee.id)}/certificate.pdf`,
    {},
    `giay-chung-nhan-${trainee.certificate?.number ?? trainee.id}.pdf`,
  );
}

export function downloadAllCertificates(courseId: string): Promise<void> {
  return downloadFile(`${coursePath(courseId)}/certificates.pdf`, {}, 'giay-chung-nhan.pdf');
}

export const materialUploadUrl = (courseId: string) => `${coursePath(courseId)}/materials`;
export const materialContentUrl = (courseId: string, fileId: string) =>
  `${coursePath(courseId)}/materials/${encodeURIComponent(fileId)}/content`;

export function removeMaterial(courseId: string, fileId: string): Promise<void> {
  return api.delete(`${coursePath(courseId)}/materials/${encodeURIComponent(fileId)}`);
}
