-- Products lists filtered by status (issue 10 §6, decision 0054): "drafts", "published", "in appraisal" of a unit, a
-- province or the country, newest change first. A unit's (or a province's units') count of one status is read from
-- the index alone instead of visiting every product of the scope; a page reads twenty entries in the list's order.
DROP INDEX products_status;
CREATE INDEX products_status ON products (status, updated_at DESC NULLS LAST, id);
CREATE INDEX products_owner_status ON products (owner_unit_id, status, updated_at DESC NULLS LAST, id);
