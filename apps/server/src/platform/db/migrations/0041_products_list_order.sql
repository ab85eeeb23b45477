-- Products lists in the orders officers choose (issue 10 §6, decision 0053): newest change first (the default), newest
-- first and by title (Vietnamese collation), each with the id that breaks ties, exactly as the list's ORDER BY says
-- it. A page of the whole country (the Communication Center's scope) reads twenty entries of the first three instead
-- of sorting a million rows; a district's page reads twenty entries of its unit in the last three.
CREATE INDEX products_list_updated ON products (updated_at DESC NULLS LAST, id);
CREATE INDEX products_list_created ON products (created_at DESC NULLS LAST, id);
CREATE INDEX products_list_title ON products (title COLLATE "vi-x-icu", id);
DROP INDEX products_owner_unit;
CREATE INDEX products_owner_unit ON products (owner_unit_id, updated_at DESC NULLS LAST, id);
CREATE INDEX products_owner_unit_created ON products (owner_unit_id, created_at DESC NULLS LAST, id);
CREATE INDEX products_owner_unit_title ON products (owner_unit_id, title COLLATE "vi-x-icu", id);
