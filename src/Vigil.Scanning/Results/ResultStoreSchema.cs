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
    ];

    /// <summary>The schema version this code writes and reads.</summary>
    public static int LatestVersion => Migrations.Count;
}
