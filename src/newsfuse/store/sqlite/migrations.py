"""Named, ordered schema migrations. Append only: never edit one that has shipped."""

from __future__ import annotations

from collections.abc import Callable

from newsfuse.store.connection import Db
from newsfuse.store.sqlite.index import index_from_blob
from newsfuse.store.sqlite.outlets import outlet_tables

#: A migration is SQL run as a script, or a function run inside one transaction.
Migration = str | Callable[[Db], None]

MIGRATIONS: tuple[tuple[str, Migration], ...] = (
    (
        "0001_articles_and_rejects",
        """
        CREATE TABLE articles (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            content_key TEXT NOT NULL UNIQUE,
            ingested_at TEXT NOT NULL,
            origin_path TEXT, origin_line INTEGER, origin_record_id TEXT,
            format TEXT NOT NULL,
            headline TEXT, byline TEXT, outlet TEXT, credit TEXT, section TEXT,
            published TEXT, published_source TEXT, language TEXT,
            url TEXT, canonical_url TEXT, site_name TEXT,
            body_json TEXT NOT NULL, captions_json TEXT NOT NULL,
            chrome_json TEXT NOT NULL, extra_json TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_outlet ON articles(outlet);
        CREATE TABLE rejects (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            key TEXT NOT NULL UNIQUE,
            rejected_at TEXT NOT NULL,
            origin_path TEXT, origin_line INTEGER, origin_record_id TEXT,
            reason TEXT NOT NULL, message TEXT NOT NULL, content_key TEXT
        );
        """,
    ),
    (
        "0002_analyses",
        """
        CREATE TABLE analyses (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            analysed_at TEXT NOT NULL,
            data_json TEXT NOT NULL
        );
        CREATE TABLE quotes (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            kind TEXT NOT NULL, text TEXT NOT NULL, cue TEXT,
            speaker TEXT, speaker_name TEXT, paragraph INTEGER NOT NULL,
            PRIMARY KEY (article_id, idx)
        );
        CREATE INDEX quotes_speaker ON quotes(speaker_name);
        CREATE TABLE entity_mentions (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL,
            name TEXT NOT NULL, type TEXT NOT NULL, mentions INTEGER NOT NULL,
            PRIMARY KEY (article_id, entity_id)
        );
        CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id);
        """,
    ),
    (
        "0003_stories",
        """
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            label TEXT, first_day TEXT, last_day TEXT,
            outlets_json TEXT NOT NULL,
            articles INTEGER NOT NULL, sources INTEGER NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX stories_last_day ON stories(last_day);
        CREATE TABLE article_story (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            story_id TEXT NOT NULL,
            copy_of TEXT, reuse REAL NOT NULL, copy_kind TEXT NOT NULL, original TEXT NOT NULL
        );
        CREATE INDEX article_story_story ON article_story(story_id);
        CREATE TABLE story_merges (
            old_id TEXT PRIMARY KEY, new_id TEXT NOT NULL, merged_at TEXT NOT NULL
        );
        CREATE TABLE cluster_state (
            name TEXT PRIMARY KEY, data BLOB NOT NULL, saved_at TEXT NOT NULL
        );
        """,
    ),
    (
        "0004_fts",
        # Full-text index of headlines and body text for the web search. The body is stored as
        # JSON blocks, so the index reads a view that joins the blocks' text: indexing the JSON
        # itself would make every article match "text" or "paragraph". unicode61 with
        # remove_diacritics 2 lets "Gdansk" find "Gdańsk". (FTS5's 'rebuild' command fails on
        # this view, so existing rows are copied in with a plain INSERT ... SELECT.)
        """
        CREATE VIEW articles_text AS
            SELECT seq, headline,
                   (SELECT group_concat(json_extract(b.value, '$.text'), char(10))
                    FROM json_each(articles.body_json) b) AS body
            FROM articles;
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            headline, body, content='articles_text', content_rowid='seq',
            tokenize='unicode61 remove_diacritics 2'
        );
        INSERT INTO articles_fts(rowid, headline, body)
            SELECT seq, headline, body FROM articles_text;
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, headline, body) VALUES (
                new.seq, new.headline,
                (SELECT group_concat(json_extract(b.value, '$.text'), char(10))
                 FROM json_each(new.body_json) b));
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, headline, body) VALUES (
                'delete', old.seq, old.headline,
                (SELECT group_concat(json_extract(b.value, '$.text'), char(10))
                 FROM json_each(old.body_json) b));
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF headline, body_json ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, headline, body) VALUES (
                'delete', old.seq, old.headline,
                (SELECT group_concat(json_extract(b.value, '$.text'), char(10))
                 FROM json_each(old.body_json) b));
            INSERT INTO articles_fts(rowid, headline, body) VALUES (
                new.seq, new.headline,
                (SELECT group_concat(json_extract(b.value, '$.text'), char(10))
                 FROM json_each(new.body_json) b));
        END;
        """,
    ),
    (
        "0005_story_events",
        """
        CREATE TABLE story_events (
            story_id TEXT PRIMARY KEY,
            basis TEXT NOT NULL,
            coded_at TEXT NOT NULL,
            rows_json TEXT NOT NULL
        );
        """,
    ),
    (
        "0006_index_tables",
        # The story index as rows, read as ingest needs them and written as changed (see
        # newsfuse.store.sqlite.index). story_dirty lists the stories whose derived facts
        # (coded events) may be stale; it is written with the rows that make them stale, and
        # starts with every story, so facts coded before it existed are checked once.
        """
        CREATE TABLE cluster_meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
        CREATE TABLE cluster_df (
            channel TEXT NOT NULL, term TEXT NOT NULL, df INTEGER NOT NULL,
            PRIMARY KEY (channel, term)
        ) WITHOUT ROWID;
        CREATE TABLE cluster_postings (
            term TEXT NOT NULL, bucket INTEGER NOT NULL, story_ids TEXT NOT NULL,
            PRIMARY KEY (term, bucket)
        ) WITHOUT ROWID;
        CREATE TABLE cluster_stories (id TEXT PRIMARY KEY, state BLOB NOT NULL);
        CREATE TABLE copy_entries (
            article_id TEXT PRIMARY KEY, pos INTEGER NOT NULL UNIQUE, published TEXT NOT NULL,
            digest INTEGER NOT NULL, shingles BLOB NOT NULL, anchors BLOB NOT NULL,
            copy_of TEXT, reuse REAL NOT NULL, kind TEXT NOT NULL, original TEXT NOT NULL,
            credit TEXT
        );
        CREATE INDEX copy_entries_digest ON copy_entries(digest, pos);
        CREATE INDEX copy_entries_original ON copy_entries(original);
        CREATE TABLE copy_hashes (
            kind INTEGER NOT NULL, hash INTEGER NOT NULL, article_id TEXT NOT NULL,
            PRIMARY KEY (kind, hash, article_id)
        ) WITHOUT ROWID;
        CREATE TABLE story_dirty (story_id TEXT PRIMARY KEY) WITHOUT ROWID;
        INSERT INTO story_dirty SELECT id FROM stories;
        """,
    ),
    ("0007_index_from_blob", index_from_blob),
    (
        "0008_encoding_confidence",
        # How sure the input's encoding was (0 to 1); NULL for articles stored before.
        "ALTER TABLE articles ADD COLUMN encoding_confidence REAL;",
    ),
    (
        "0009_analysis_failures",
        # An article whose analysis raised: it is left out of later runs (until a newer
        # analysis version, or 'newsfuse analyse --retry') and listed with the rejects.
        """
        CREATE TABLE analysis_failures (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            failed_at TEXT NOT NULL,
            reason TEXT NOT NULL,
            message TEXT NOT NULL
        );
        """,
    ),
    # Outlets as records, seeded from data/outlets.json (see newsfuse.store.sqlite.outlets).
    ("0010_outlets", outlet_tables),
    (
        "0011_feeds_and_fetches",
        # Live sources. feeds: what 'newsfuse watch' polls, with the validators of its last
        # answer for a conditional request. fetches: the last fetch of every URL (requested
        # form, normalised), written after the article it names, so an interrupted fetch is
        # redone. revisions: an article fetched again from the same URL with new text, linked
        # to the text it replaces; both stay stored.
        """
        CREATE TABLE feeds (
            url TEXT PRIMARY KEY, outlet TEXT, added_at TEXT NOT NULL, polled_at TEXT,
            etag TEXT, last_modified TEXT, status TEXT, message TEXT,
            entries INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE fetches (
            url TEXT PRIMARY KEY, status TEXT NOT NULL, fetched_at TEXT NOT NULL,
            final_url TEXT, article_id TEXT, etag TEXT, last_modified TEXT, feed_url TEXT,
            entry_stamp TEXT, reason TEXT, message TEXT, attempts INTEGER NOT NULL
        );
        CREATE INDEX fetches_article ON fetches(article_id);
        CREATE TABLE revisions (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            previous_id TEXT NOT NULL, url TEXT NOT NULL, revised_at TEXT NOT NULL
        );
        CREATE INDEX revisions_previous ON revisions(previous_id);
        """,
    ),
    (
        "0012_story_comparisons",
        # A story's comparison and briefs, computed when its members change and read by every
        # page, command and API call. key: a hash of what they were made from (members, their
        # analysis versions, the compare and brief versions); a row whose key differs from
        # the story's current one is stale and never shown. Every story is marked changed, so
        # the next ingest or 'newsfuse analyse' compares the stories stored before.
        """
        CREATE TABLE story_comparisons (
            story_id TEXT PRIMARY KEY,
            key TEXT NOT NULL,
            compared_at TEXT NOT NULL,
            data_json TEXT NOT NULL
        );
        INSERT INTO story_dirty (story_id)
            SELECT id FROM stories WHERE id NOT IN (SELECT story_id FROM story_dirty);
        """,
    ),
)
