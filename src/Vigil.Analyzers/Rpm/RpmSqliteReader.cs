using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Vigil.Analyzers.Rpm;

/// <summary>
/// Reads the header blobs of rpm's SQLite database (<c>rpmdb.sqlite</c>, table <c>Packages</c>). The file is never written
/// to disk: its bytes are handed to SQLite's in-memory <c>sqlite3_deserialize</c>.
/// </summary>
public static class RpmSqliteReader
{
    private static readonly byte[] SqliteMagic = "SQLite format 3\0"u8.ToArray();

    /// <summary>Whether <paramref name="data"/> starts with the SQLite file header.</summary>
    public static bool IsSqlite(ReadOnlySpan<byte> data) => data.StartsWith(SqliteMagic);

    /// <summary>Every <c>Packages.blob</c>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a readable SQLite database with a Packages table.</exception>
    public static IReadOnlyList<byte[]> ReadBlobs(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!IsSqlite(data) || data.Length < 100)
        {
            throw new InvalidDataException("not a SQLite database");
        }

        // A WAL-mode database (header bytes 18/19 = 2) cannot be opened from memory; as a read-only copy it is a legacy one.
        var copy = (byte[])data.Clone();
        copy[18] = 1;
        copy[19] = 1;

        Batteries_V2.Init();
        var native = Marshal.AllocHGlobal(copy.Length);
        try
        {
            using var connection = new SqliteConnection("Data Source=:memory:");
            connection.Open();

            // Native memory owned by SQLite would need sqlite3_malloc; instead keep ownership and free after closing.
            Marshal.Copy(copy, 0, native, copy.Length);
            var rc = raw.sqlite3_deserialize(connection.Handle, "main", native, copy.Length, copy.Length, raw.SQLITE_DESERIALIZE_READONLY);
            if (rc != raw.SQLITE_OK)
            {
                throw new InvalidDataException($"SQLite could not load the database (code {rc})");
            }

            var blobs = new List<byte[]>();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT blob FROM Packages";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (!reader.IsDBNull(0))
                {
                    blobs.Add((byte[])reader.GetValue(0));
                }
            }

            return blobs;
        }
        catch (SqliteException ex)
        {
            throw new InvalidDataException($"rpmdb.sqlite cannot be read: {ex.Message}", ex);
        }
        finally
        {
            // The connection is closed (disposed above) before the memory it read from is freed.
            Marshal.FreeHGlobal(native);
        }
    }
}
