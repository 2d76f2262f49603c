-- 005: knowledge versions. Every services.yaml or places.yaml applied through the console is kept here whole, with
-- who applied it and when; each worker brings its own knowledge folder up to the newest version (several workers on
-- PostgreSQL share nothing else), and the console shows which version is in force.

CREATE TABLE knowledge_versions (
    id    INTEGER PRIMARY KEY,              -- the version number; a worker applies every id above the one it has
    name  TEXT NOT NULL CHECK (name IN ('services.yaml', 'places.yaml')),
    body  TEXT NOT NULL,                    -- the file's whole text (UTF-8), as uploaded
    who   TEXT NOT NULL,                    -- the console account that applied it
    at    TEXT NOT NULL                     -- when it was applied
);
CREATE INDEX knowledge_versions_name ON knowledge_versions (name, id);
