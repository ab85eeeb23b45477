-- Dashboard (issue 9 §1, decision 0041): its figures filter products by creation time and expenditures by the day they
-- were spent, over a period; these indexes serve those ranges (the rollups of a later slice replace the scans).
CREATE INDEX products_created ON products (created_at);
CREATE INDEX budget_expenditures_spent_on ON budget_expenditures (spent_on);
