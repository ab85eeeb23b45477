// The actions log and the linked items of a case (issue 8 §5): what officers did (verified facts, drafted and
// appraised a response, published a correction, reported to a platform or the police per §II.1.đ), and the articles.
import type { TAddIncidentActionRequest, TIncident } from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { metBy } from './deadlines.js';
import { target, type IncidentCase, type IncidentsDeps } from './incident-case.service.js';
import { incidentsPolicy } from './incidents.policy.js';

/** As the publications module decides: a published product's publications, or those of the reader's scope. */
function publicationVisible(actor: Actor, publication: { productStatus: string; ownerUnitPath: string }): boolean {
  return (
    publication.productStatus === 'published' ||
    publication.ownerUnitPath.startsWith(incidentsPolicy.readScopePath(actor))
  );
}

export function createIncidentActions(deps: IncidentsDeps, cases: IncidentCase) {
  const { runInTransaction, repo, links } = deps;

  async function publicationOf(tx: Tx, actor: Actor, input: TAddIncidentActionRequest) {
    if (input.publicationId) {
      const publication = await links.findPublication(tx, input.publicationId);
      if (!publication || !publicationVisible(actor, publication))
        throw new AppError('incident.correction_link', {}, [
          { field: 'publicationId', code: 'incident.publication_unknown' },
        ]);
      return publication;
    }
    if (input.kind === 'correction_published' && !input.url)
      throw new AppError('incident.correction_link', {}, [
        { field: 'publicationId', code: 'incident.correction_link_required' },
      ]);
    return null;
  }

  return {
    /**
     * Records an action (the owning unit's officers and those of the supporting units). A published correction needs
     * a visible publication of Loa or a public address. The first assessment and the first published correction meet
     * their deadlines.
     */
    async addAction(actor: Actor, id: string, input: TAddIncidentActionRequest): Promise<TIncident> {
      incidentsPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const row = await cases.visible(tx, actor, id, true);
        incidentsPolicy.assertCanAddActions(actor, target(row));
        cases.assertOpen(row);
        const publication = await publicationOf(tx, actor, input);
        const at = cases.now();
        await links.insertActions(tx, [
          {
            incidentId: id,
            kind: input.kind,
            system: false,
            text: input.text,
            publicationId: publication?.id ?? null,
            url: input.url ?? null,
            userId: actor.userId,
            createdAt: at,
          },
        ]);
        await repo.setMet(tx, id, metBy(row, { action: input.kind }, at));
        await cases.audit(tx, actor, 'add_action', row, {
          after: { kind: input.kind, text: input.text, publicationId: publication?.id ?? null, url: input.url ?? null },
        });
        return cases.detail(tx, actor, id);
      });
    },

    /** Links monitored articles to a case by hand; those linked already are left as they are. */
    async linkItems(actor: Actor, id: string, articleIds: string[]): Promise<TIncident> {
      incidentsPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const row = await cases.visible(tx, actor, id, true);
        incidentsPolicy.assertCanEdit(actor, target(row));
        cases.assertOpen(row);
        const wanted = [...new Set(articleIds)];
        if ((await links.existingArticles(tx, wanted)).size !== wanted.length)
          throw fieldError('articleIds', 'validation.invalid_value');
        const at = cases.now();
        const linked = await links.insertItems(tx, id, wanted, 'user', at);
        if (linked.length > 0) {
          await cases.events(
            tx,
            actor,
            id,
            linked.map((articleId) => ({ kind: 'item_linked', detail: { articleId } })),
            at,
          );
          await cases.audit(tx, actor, 'link_item', row, { after: { articleIds: linked } });
        }
        return cases.detail(tx, actor, id);
      });
    },

    /** Takes an article off a case. */
    async unlinkItem(actor: Actor, id: string, articleId: string): Promise<void> {
      incidentsPolicy.assertCanWrite(actor);
      await runInTransaction(async (tx) => {
        const row = await cases.visible(tx, actor, id, true);
        incidentsPolicy.assertCanEdit(actor, target(row));
        cases.assertOpen(row);
        if (!(await links.deleteItem(tx, id, articleId))) throw notFound('incident_item');
        await cases.events(tx, actor, id, [{ kind: 'item_unlinked', detail: { articleId } }]);
        await cases.audit(tx, actor, 'unlink_item', row, { before: { articleId } });
      });
    },
  };
}
