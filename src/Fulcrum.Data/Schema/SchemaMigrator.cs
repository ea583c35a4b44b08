using System.Data.Common;
using System.Reflection;

namespace Fulcrum.Data.Schema;

/// <summary>
/// Applies the embedded forward-only migrations (Schema/Migrations/NNNN_name.sql) in order, each in its
/// own transaction, and records them in schema_migrations. A database newer than this build is refused.
/// </summary>
public static class SchemaMigrator
{
    public sealed record Migration(int Version, string Name, string Sql);

    public static IReadOnlyList<Migration> Migrations { get; } = LoadMigrations();

    public static int LatestVersion => Migrations[^1].Version;

    /// <returns>The schema version after migrating.</returns>
    public static int Migrate(DbConnection connection, SqlDialect dialect)
    {
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)
            """);
        var applied = AppliedVersions(connection);
        var unknown = applied.Where(v => Migrations.All(m => m.Version != v)).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException(
                $"The database has schema migrations this Fulcrum does not know ({string.Join(", ", unknown)}; this build knows up to {LatestVersion}). Upgrade Fulcrum to open it.");

        // Every missing migration, not only those above the highest applied: features developed side by side can land
        // their migrations out of order, and a database migrated in between must still get the one that landed later.
        foreach (var migration in Migrations.Where(m => !applied.Contains(m.Version)))
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, dialect.Translate(migration.Sql), transaction);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = dialect.Adapt("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($version, $name, $applied)");
            AddParameter(record, "version", migration.Version);
            AddParameter(record, "name", migration.Name);
            AddParameter(record, "applied", DateTime.UtcNow);
            record.ExecuteNonQuery();
            transaction.Commit();
            applied.Add(migration.Version);
        }
        return applied.Count == 0 ? 0 : applied.Max();
    }

    static HashSet<int> AppliedVersions(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_migrations";
        using var reader = command.ExecuteReader();
        var versions = new HashSet<int>();
        while (reader.Read()) versions.Add(Convert.ToInt32(reader.GetValue(0)));
        return versions;
    }

    static IReadOnlyList<Migration> LoadMigrations()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        const string prefix = "Fulcrum.Data.Schema.Migrations.";
        var migrations = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var fileName = n[prefix.Length..^".sql".Length];
                var underscore = fileName.IndexOf('_');
                var version = int.Parse(fileName[..underscore].TrimStart('_'), System.Globalization.CultureInfo.InvariantCulture);
                return new Migration(version, fileName[(underscore + 1)..], ReadResource(assembly, n));
            })
            .OrderBy(m => m.Version)
            .ToList();
        if (migrations.Count == 0 || migrations.Select(m => m.Version).Distinct().Count() != migrations.Count)
            throw new InvalidOperationException("Embedded migrations are missing or have duplicate versions.");
        return migrations;
    }

    static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    static void Execute(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
