namespace Vigil.Scanning.Results;

/// <summary>The results store's schema as a list of migrations; <c>PRAGMA user_version</c> holds how many were applied.</summary>
internal static class ResultStoreSchema
{
    /// <summary>Migration <c>i</c> takes the schema from version <c>i</c> to <c>i + 1</c>. Only ever append.</summary>
    public static IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE workloads (
            id INTEGER PRIMARY KEY,
            cluster TEXT NOT NULL,
            namespace TEXT NOT NULL,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            labels TEXT NOT NULL DEFAULT '{}',
            updated_at INTEGER NOT NULL,
            UNIQUE (cluster, namespace, kind, name));

        CREATE TABLE containers (
            workload_id INTEGER NOT NULL REFERENCES workloads(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            image TEXT NOT NULL,
            repository TEXT NOT NULL,
            digest TEXT NOT NULL,
            platform TEXT,
            is_init INTEGER NOT NULL,
            PRIMARY KEY (workload_id, name)) WITHOUT ROWID;
        CREATE INDEX containers_digest ON containers(digest);

        CREATE TABLE images (
            digest TEXT PRIMARY KEY,
            database_version TEXT NOT NULL,
            database_built_at INTEGER,
            scanned_at INTEGER NOT NULL,
            os TEXT,
            critical INTEGER NOT NULL,
            high INTEGER NOT NULL,
            medium INTEGER NOT NULL,
            low INTEGER NOT NULL,
            unknown INTEGER NOT NULL,
            fixable INTEGER NOT NULL) WITHOUT ROWID;

        CREATE TABLE findings (
            id INTEGER PRIMARY KEY,
            digest TEXT NOT NULL,
            vuln_id TEXT NOT NULL,
            aliases TEXT NOT NULL,
            package_name TEXT NOT NULL,
            package_version TEXT NOT NULL,
            package_type INTEGER NOT NULL,
            ecosystem TEXT NOT NULL,
            purl TEXT NOT NULL,
            fixed_version TEXT,
            severity INTEGER NOT NULL,
            cvss_score REAL,
            cvss_vector TEXT,
            summary TEXT,
            refs TEXT NOT NULL,
            published INTEGER);
        CREATE INDEX findings_digest ON findings(digest, severity DESC);
        CREATE INDEX findings_package ON findings(package_name COLLATE NOCASE);

        CREATE TABLE finding_aliases (
            alias TEXT NOT NULL COLLATE NOCASE,
            finding_id INTEGER NOT NULL,
            PRIMARY KEY (alias, finding_id)) WITHOUT ROWID;
        CREATE INDEX finding_aliases_finding ON finding_aliases(finding_id);

        CREATE TABLE snapshots (
            taken_at INTEGER NOT NULL,
            cluster TEXT NOT NULL,
            namespace TEXT NOT NULL,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            critical INTEGER NOT NULL,
            high INTEGER NOT NULL,
            medium INTEGER NOT NULL,
            low INTEGER NOT NULL,
            unknown INTEGER NOT NULL,
            fixable INTEGER NOT NULL);
        CREATE INDEX snapshots_time ON snapshots(taken_at);
        CREATE INDEX snapshots_scope ON snapshots(cluster, namespace, taken_at);

        CREATE TABLE suppressions (
            id TEXT NOT NULL,
            scope TEXT NOT NULL,
            reason TEXT NOT NULL,
            expires_at INTEGER,
            source TEXT,
            created_at INTEGER,
            PRIMARY KEY (id, scope));

        -- Each workload's counts: the sum over its distinct image digests.
        CREATE VIEW workload_counts AS
        SELECT w.id AS workload_id,
               COALESCE(SUM(i.critical), 0) AS critical,
               COALESCE(SUM(i.high), 0) AS high,
               COALESCE(SUM(i.medium), 0) AS medium,
               COALESCE(SUM(i.low), 0) AS low,
               COALESCE(SUM(i.unknown), 0) AS unknown,
               COALESCE(SUM(i.fixable), 0) AS fixable,
               COUNT(d.digest) AS images,
               COUNT(i.digest) AS scanned
        FROM workloads w
        LEFT JOIN (SELECT DISTINCT workload_id, digest FROM containers) d ON d.workload_id = w.id
        LEFT JOIN images i ON i.digest = d.digest
        GROUP BY w.id;
        """,

        // 2: trend reads stay small at scale: namespace totals per snapshot, a workload index, vulnerability ids by image.
        """
        CREATE TABLE snapshot_totals (
            taken_at INTEGER NOT NULL,
            cluster TEXT NOT NULL,
            namespace TEXT NOT NULL,
            workloads INTEGER NOT NULL,
            critical INTEGER NOT NULL,
            high INTEGER NOT NULL,
            medium INTEGER NOT NULL,
            low INTEGER NOT NULL,
            unknown INTEGER NOT NULL,
            fixable INTEGER NOT NULL,
            PRIMARY KEY (cluster, namespace, taken_at)) WITHOUT ROWID;
        CREATE INDEX snapshot_totals_time ON snapshot_totals(taken_at);
        INSERT INTO snapshot_totals
        SELECT taken_at, cluster, namespace, COUNT(*), SUM(critical), SUM(high), SUM(medium), SUM(low), SUM(unknown), SUM(fixable)
        FROM snapshots GROUP BY taken_at, cluster, namespace;

        DROP INDEX snapshots_time;
        DROP INDEX snapshots_scope;
        CREATE INDEX snapshots_workload ON snapshots(cluster, namespace, kind, name, taken_at);
        CREATE INDEX snapshots_time ON snapshots(taken_at);

        CREATE INDEX findings_digest_vuln ON findings(digest, vuln_id);
        """,

        // 3: summaries kept by triggers at write time, so no read aggregates all findings: each workload's counts and the
        // running vulnerability ids (with how many running images have each). Triggers rather than code in each writer
        // method, so every write path (including ones added later) keeps them right.
        $$"""
        CREATE TABLE workload_totals (
            workload_id INTEGER PRIMARY KEY,
            critical INTEGER NOT NULL DEFAULT 0,
            high INTEGER NOT NULL DEFAULT 0,
            medium INTEGER NOT NULL DEFAULT 0,
            low INTEGER NOT NULL DEFAULT 0,
            unknown INTEGER NOT NULL DEFAULT 0,
            fixable INTEGER NOT NULL DEFAULT 0,
            images INTEGER NOT NULL DEFAULT 0,
            scanned INTEGER NOT NULL DEFAULT 0);
        INSERT INTO workload_totals (workload_id, critical, high, medium, low, unknown, fixable, images, scanned)
        SELECT workload_id, critical, high, medium, low, unknown, fixable, images, scanned FROM workload_counts;
        CREATE INDEX workload_totals_rank ON workload_totals(critical DESC, high DESC, medium DESC, low DESC, unknown DESC);

        CREATE TABLE running_vulnerabilities (
            vuln_id TEXT PRIMARY KEY,
            images INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO running_vulnerabilities (vuln_id, images)
        SELECT vuln_id, COUNT(DISTINCT digest) FROM findings WHERE digest IN (SELECT digest FROM containers) GROUP BY vuln_id;

        -- Package search reads worst first and stops after one page; it counts and sorts from this index alone.
        CREATE INDEX findings_package_cover ON findings(package_name COLLATE NOCASE, severity DESC, digest, vuln_id);
        DROP INDEX findings_package;

        CREATE TRIGGER workloads_insert_totals AFTER INSERT ON workloads BEGIN
            INSERT OR REPLACE INTO workload_totals (workload_id) VALUES (NEW.id);
        END;
        CREATE TRIGGER workloads_delete_totals AFTER DELETE ON workloads BEGIN
            DELETE FROM workload_totals WHERE workload_id = OLD.id;
        END;

        CREATE TRIGGER containers_insert_totals AFTER INSERT ON containers BEGIN
            {{RecomputeTotalsWhere("workload_id = NEW.workload_id")}}
        END;
        CREATE TRIGGER containers_delete_totals AFTER DELETE ON containers BEGIN
            {{RecomputeTotalsWhere("workload_id = OLD.workload_id")}}
        END;

        -- A digest starts running with its first container and stops with its last.
        CREATE TRIGGER containers_insert_running AFTER INSERT ON containers
        WHEN NOT EXISTS (SELECT 1 FROM containers WHERE digest = NEW.digest AND NOT (workload_id = NEW.workload_id AND name = NEW.name))
        BEGIN
            INSERT INTO running_vulnerabilities (vuln_id, images)
            SELECT DISTINCT vuln_id, 1 FROM findings WHERE digest = NEW.digest
            ON CONFLICT (vuln_id) DO UPDATE SET images = images + 1;
        END;
        CREATE TRIGGER containers_delete_running AFTER DELETE ON containers
        WHEN NOT EXISTS (SELECT 1 FROM containers WHERE digest = OLD.digest)
        BEGIN
            UPDATE running_vulnerabilities SET images = images - 1 WHERE vuln_id IN (SELECT vuln_id FROM findings WHERE digest = OLD.digest);
            DELETE FROM running_vulnerabilities WHERE images <= 0 AND vuln_id IN (SELECT vuln_id FROM findings WHERE digest = OLD.digest);
        END;

        -- Image counts change when a digest is (re)scanned or pruned: refresh every workload running it.
        CREATE TRIGGER images_insert_totals AFTER INSERT ON images BEGIN
            {{RecomputeTotalsWhere("workload_id IN (SELECT workload_id FROM containers WHERE digest = NEW.digest)")}}
        END;
        CREATE TRIGGER images_update_totals AFTER UPDATE ON images BEGIN
            {{RecomputeTotalsWhere("workload_id IN (SELECT workload_id FROM containers WHERE digest IN (OLD.digest, NEW.digest))")}}
        END;
        CREATE TRIGGER images_delete_totals AFTER DELETE ON images BEGIN
            {{RecomputeTotalsWhere("workload_id IN (SELECT workload_id FROM containers WHERE digest = OLD.digest)")}}
        END;

        -- A vulnerability id runs while some running digest has a finding with it (counted once per digest).
        CREATE TRIGGER findings_insert_running AFTER INSERT ON findings
        WHEN EXISTS (SELECT 1 FROM containers WHERE digest = NEW.digest)
         AND NOT EXISTS (SELECT 1 FROM findings WHERE digest = NEW.digest AND vuln_id = NEW.vuln_id AND id <> NEW.id)
        BEGIN
            INSERT INTO running_vulnerabilities (vuln_id, images) VALUES (NEW.vuln_id, 1)
            ON CONFLICT (vuln_id) DO UPDATE SET images = images + 1;
        END;
        CREATE TRIGGER findings_delete_running AFTER DELETE ON findings
        WHEN EXISTS (SELECT 1 FROM containers WHERE digest = OLD.digest)
         AND NOT EXISTS (SELECT 1 FROM findings WHERE digest = OLD.digest AND vuln_id = OLD.vuln_id)
        BEGIN
            UPDATE running_vulnerabilities SET images = images - 1 WHERE vuln_id = OLD.vuln_id;
            DELETE FROM running_vulnerabilities WHERE vuln_id = OLD.vuln_id AND images <= 0;
        END;
        """,
    ];

    /// <summary>The schema version this code writes and reads.</summary>
    public static int LatestVersion => Migrations.Count;

    /// <summary>
    /// Recounts the totals of the workloads <paramref name="where"/> selects from their containers' images: the one
    /// statement migration 3's triggers run whenever a container or an image changes.
    /// </summary>
    private static string RecomputeTotalsWhere(string where) => $"""
        UPDATE workload_totals SET (critical, high, medium, low, unknown, fixable, images, scanned) = (
                        SELECT COALESCE(SUM(i.critical), 0), COALESCE(SUM(i.high), 0), COALESCE(SUM(i.medium), 0), COALESCE(SUM(i.low), 0),
                               COALESCE(SUM(i.unknown), 0), COALESCE(SUM(i.fixable), 0), COUNT(d.digest), COUNT(i.digest)
                        FROM (SELECT DISTINCT digest FROM containers WHERE workload_id = workload_totals.workload_id) d LEFT JOIN images i ON i.digest = d.digest)
                    WHERE {where};
        """;
}
