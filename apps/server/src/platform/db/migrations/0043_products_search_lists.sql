-- Searches of products at national scale (issue 10 §6, decision 0054): the searched text rides along in the indexes
-- of the default list order, of the country and of each unit. A search within a district or a province compares the
-- text of the scope's index entries alone, newest change first, and stops at the page or the count's cap; before, it
-- built the trigram bitmap of every matching product of the country (a common syllable matches a fifth of them) and
-- intersected it with the scope.
DROP INDEX products_owner_unit;
CREATE INDEX products_owner_unit ON products (owner_unit_id, updated_at DESC NULLS LAST, id) INCLUDE (search_text);
DROP INDEX products_list_updated;
CREATE INDEX products_list_updated ON products (updated_at DESC NULLS LAST, id) INCLUDE (search_text);
