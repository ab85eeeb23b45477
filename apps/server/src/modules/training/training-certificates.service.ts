import { viDate, type TIssueCertificatesRequest, type TIssueCertificatesResponse } from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { Executor } from '../../platform/db/transaction.js';
import { AppError, type FieldError, notFound } from '../../platform/errors.js';
import { certificateNumber, yearOf } from './certificate-number.js';
import { certificateRefusal, requiredDays } from './certificate-rule.js';
import { renderCertificates, vietnameseIssueDate, type CertificatePage } from './certificate-pdf.service.js';
import type { CertificateRow, CourseRow } from './training.repository.js';
import { courseAccess, type TrainingDeps } from './training.service.js';
import { trainingPolicy } from './training.policy.js';

/** Vietnam's calendar day now. */
function todayInVietnam(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}

export type TrainingCertificatesService = ReturnType<typeof createTrainingCertificatesService>;

/**
 * Certificates of a course: issued (numbered, audited) to the trainees who passed once the course is held,
 * then downloaded as PDF — one, or all of a course as one multi-page PDF.
 */
export function createTrainingCertificatesService(
  deps: Pick<TrainingDeps, 'db' | 'runInTransaction' | 'repo' | 'recordAudit'> & { now?: () => Date },
) {
  const { db, runInTransaction, repo, recordAudit } = deps;
  const access = courseAccess(deps);

  async function pagesOf(tx: Executor, course: CourseRow, certificates: CertificateRow[]) {
    const agencyName = await repo.agencyName(tx);
    const trainees = new Map((await repo.listTrainees(tx, course.id)).map((t) => [t.id, t]));
    return certificates.map((c): CertificatePage => ({
      agencyName,
      unitName: course.orgUnitName,
      number: c.number,
      traineeName: c.traineeName,
      organisation: (c.traineeId && trainees.get(c.traineeId)?.organisation) || null,
      courseTitle: course.title,
      period:
        course.startsOn === course.endsOn
          ? `ngày ${viDate(course.startsOn)}`
          : `từ ngày ${viDate(course.startsOn)} đến ngày ${viDate(course.endsOn)}`,
      place: course.online ? 'Trực tuyến' : (course.place ?? ''),
      issuedOn: vietnameseIssueDate(c.issuedOn),
      signerTitle: c.signerTitle,
      signerName: c.signerName,
    }));
  }

  return {
    /**
     * Issues certificates to the trainees named (or every trainee who passed and has none yet), each with the
     * next number of the organiser unit and the year; a named trainee who did not pass is refused, field by
     * field, and nothing is issued.
     */
    async issueCertificates(
      actor: Actor,
      courseId: string,
      input: TIssueCertificatesRequest,
    ): Promise<TIssueCertificatesResponse> {
      trainingPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const course = await access.readable(tx, actor, courseId, true);
        trainingPolicy.assertCanEdit(actor, course);
        if (course.status === 'planned') throw new AppError('training.not_held');
        const trainees = await repo.listTrainees(tx, courseId);
        const named = input.traineeIds ? new Set(input.traineeIds) : null;
        const problems: FieldError[] = [];
        const chosen = [];
        for (const [index, id] of (input.traineeIds ?? []).entries())
          if (!trainees.some((t) => t.id === id))
            problems.push({ field: `traineeIds.${index}`, code: 'validation.invalid_id' });
        for (const trainee of trainees) {
          if (named && !named.has(trainee.id)) continue;
          if (trainee.certificateNumber) continue;
          const refusal = certificateRefusal({ ...course, attendedDays: trainee.attendedDays, score: trainee.score });
          if (refusal === null) chosen.push(trainee);
          else if (named)
            problems.push({
              field: `traineeIds.${input.traineeIds!.indexOf(trainee.id)}`,
              code: `training.${refusal}`,
              params: { required: requiredDays(course.startsOn, course.endsOn), passScore: course.passScore },
            });
        }
        if (problems.length > 0) throw new AppError('training.not_eligible', {}, problems);
        const issuedOn = input.issuedOn ?? todayInVietnam(deps.now?.() ?? new Date());
        const issued = [];
        for (const trainee of chosen) {
          const sequence = await repo.nextCertificateSequence(tx, course.orgUnitId, yearOf(issuedOn));
          const number = certificateNumber(course.orgUnitCode, yearOf(issuedOn), sequence);
          await repo.insertCertificate(tx, {
            courseId,
            traineeId: trainee.id,
            number,
            traineeName: trainee.fullName,
            signerName: input.signerName,
            signerTitle: input.signerTitle,
            issuedOn,
            issuedBy: actor.userId,
          });
          await recordAudit(tx, actor, {
            action: 'issue_certificate',
            entityType: 'training_course',
            entityId: courseId,
            orgUnitId: course.orgUnitId,
            summary: `${number}: ${trainee.fullName} — ${course.title}`.slice(0, 300),
            after: { number, traineeId: trainee.id, fullName: trainee.fullName, issuedOn, signer: input.signerName },
          });
          issued.push({ traineeId: trainee.id, fullName: trainee.fullName, number });
        }
        return { issued };
      });
    },

    /** The PDF of one trainee's certificate; a trainee without one is a 409 that says why. */
    async certificatePdf(actor: Actor, courseId: string, traineeId: string): Promise<{ number: string; pdf: Buffer }> {
      const course = await access.readable(db, actor, courseId);
      const trainee = await repo.findTrainee(db, courseId, traineeId);
      if (!trainee) throw notFound('trainee');
      const certificate = await repo.findCertificate(db, traineeId);
      if (!certificate) {
        const refusal = certificateRefusal({ ...course, attendedDays: trainee.attendedDays, score: trainee.score });
        throw new AppError(
          'training.no_certificate',
          {},
          refusal
            ? [
                {
                  field: 'traineeId',
                  code: `training.${refusal}`,
                  params: { required: requiredDays(course.startsOn, course.endsOn), passScore: course.passScore },
                },
              ]
            : [],
        );
      }
      return { number: certificate.number, pdf: await renderCertificates(await pagesOf(db, course, [certificate])) };
    },

    /** Every certificate of a course as one PDF, a page each, in the order of their numbers. */
    async courseCertificatesPdf(actor: Actor, courseId: string): Promise<Buffer> {
      const course = await access.readable(db, actor, courseId);
      const certificates = await repo.listCertificates(db, courseId);
      if (certificates.length === 0) throw new AppError('training.no_certificate');
      return renderCertificates(await pagesOf(db, course, certificates));
    },
  };
}
