using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Fulcrum.Tests.Shared;

/// <summary>
/// A throwaway PostgreSQL cluster for tests: initdb into a temporary folder (as the <c>postgres</c> user when the tests
/// run as root, since PostgreSQL refuses root), started on a free loopback port with durability off, stopped and deleted
/// when the test run ends (or, if the runner kills the test host, by a watchdog once it is gone). One per test process, shared by every test that asks for it; each test takes its own database.
/// Fails with a message saying how to fix it when PostgreSQL is not installed.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    static readonly Lazy<PostgresCluster> Shared = new(() => new PostgresCluster(), LazyThreadSafetyMode.ExecutionAndPublication);
    static int _databases;

    readonly string _folder;
    readonly string _binaries;
    readonly bool _asPostgresUser;
    readonly ConcurrentDictionary<string, Lazy<string>> _templates = new();
    bool _stopped;

    /// <summary>The cluster of this test process, started on first use.</summary>
    public static PostgresCluster Instance => Shared.Value;

    public int Port { get; }

    PostgresCluster()
    {
        _binaries = FindBinaries();
        _asPostgresUser = Environment.UserName == "root";
        RemoveStoppedClusters();
        _folder = Directory.CreateTempSubdirectory($"{FolderPrefix}{Environment.ProcessId}-").FullName;
        if (_asPostgresUser) Run("chown", ["postgres", _folder], asPostgres: false);
        Run(Path.Combine(_binaries, "initdb"), ["-D", DataFolder, "-A", "trust", "-U", "fulcrum", "-E", "UTF8", "--locale=C", "--no-sync"]);
        Port = FreePort();
        Run(Path.Combine(_binaries, "pg_ctl"), ["-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", WaitSeconds, "-o",
            $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            "start"]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
        StartWatchdog();
    }

    const string FolderPrefix = "fulcrum-pg-";

    /// <summary>
    /// How long pg_ctl waits for the server to start or stop. Not a test of speed: a loaded machine can take minutes, so
    /// this only catches a server that never comes up (pg_ctl's own default of 60 s failed tests under load).
    /// </summary>
    const string WaitSeconds = "3600";

    string DataFolder => Path.Combine(_folder, "data");

    /// <summary>
    /// Folders left by test hosts that are gone (a host killed mid-way, whose watchdog was killed too). A folder is named
    /// after the process that owns it and is removed only once that process has exited: test projects run in parallel, and
    /// another host's cluster is mid-initdb (no postmaster.pid yet) while this one starts.
    /// </summary>
    static void RemoveStoppedClusters()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
            if (OwnerHasExited(Path.GetFileName(folder)) && !File.Exists(Path.Combine(folder, "data", "postmaster.pid")))
                try { Directory.Delete(folder, recursive: true); }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
    }

    static bool OwnerHasExited(string folderName)
    {
        var parts = folderName[FolderPrefix.Length..].Split('-');
        if (parts.Length < 2 || !int.TryParse(parts[0], out var owner)) return false; // not ours to judge: leave it
        return !OwnerProcess.IsRunning(owner);
    }

    /// <summary>A new empty database; returns its Npgsql connection string.</summary>
    public string CreateDatabase(string prefix = "fulcrum_test") => CreateDatabase(prefix, template: null);

    /// <summary>
    /// A new database that starts as a copy of the one <paramref name="fill"/> filled under <paramref name="templateKey"/>,
    /// once per test process (CREATE DATABASE … TEMPLATE copies files, far cheaper than filling it again). The connection
    /// string given to <paramref name="fill"/> does not pool, so no session stays on the template (PostgreSQL refuses to
    /// copy a database that has one).
    /// </summary>
    public string CreateDatabaseFrom(string templateKey, Action<string> fill, string prefix)
    {
        var template = _templates.GetOrAdd(templateKey, _ => new Lazy<string>(() =>
        {
            var connectionString = CreateDatabase("fulcrum_template", template: null);
            fill(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            return new NpgsqlConnectionStringBuilder(connectionString).Database!;
        })).Value;
        return CreateDatabase(prefix, template);
    }

    string CreateDatabase(string prefix, string? template)
    {
        var name = $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}{(template is null ? "" : $" TEMPLATE {template}")}", connection);
            command.ExecuteNonQuery();
        }
        return ConnectionString(name);
    }

    /// <remarks>No connect or command time limit (0 = wait as long as it takes): Npgsql's defaults (15 s to connect, 30 s a
    /// command) are wall-clock limits that a loaded test machine can exceed with nothing wrong.</remarks>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=fulcrum;Database={database};Pooling=true;Timeout=0;Command Timeout=0";

    /// <summary>The same database as a postgres:// URL.</summary>
    public string Url(string connectionString) => $"postgres://fulcrum@127.0.0.1:{Port}/{new NpgsqlConnectionStringBuilder(connectionString).Database}";

    public void Dispose()
    {
        lock (this)
        {
            if (_stopped) return;
            _stopped = true;
        }
        NpgsqlConnection.ClearAllPools();
        try { Run(Path.Combine(_binaries, "pg_ctl"), ["-D", DataFolder, "-m", "immediate", "-w", "-t", WaitSeconds, "stop"]); }
        finally { try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { } }
    }

    /// <summary>
    /// A detached shell (its own session, parented to init) that stops the server and deletes the folder once this test
    /// process is gone, however it ended: the runner may kill a test host without running its exit handlers.
    /// </summary>
    void StartWatchdog()
    {
        var stop = $"{(_asPostgresUser ? "runuser -u postgres -- " : "")}{Path.Combine(_binaries, "pg_ctl")} -D {DataFolder} -m immediate -w stop";
        var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; " +
                     $"[ -f {DataFolder}/postmaster.pid ] && {stop} >/dev/null 2>&1; rm -rf {_folder}";
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-f", "sh", "-c", script }) start.ArgumentList.Add(a);
        using var watchdog = Process.Start(start)!;
        watchdog.WaitForExit();
    }

    static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).OrderByDescending(d => d, StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        var found = candidates.Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
            .FirstOrDefault(d => d.Length > 0 && File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        return found ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found, so the PostgreSQL store tests cannot start a throwaway cluster. " +
            "Run ./test.sh as root (it installs them) or install them yourself: sudo apt-get install postgresql");
    }

    static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    void Run(string program, IReadOnlyList<string> arguments, bool? asPostgres = null)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asPostgres ?? _asPostgresUser)
        {
            if (!File.Exists("/usr/sbin/runuser") && !File.Exists("/sbin/runuser"))
                throw new InvalidOperationException("Running as root, the tests start PostgreSQL as the postgres user through runuser, which is missing. Run the tests as a normal user.");
            start.FileName = "runuser";
            foreach (var a in new[] { "-u", "postgres", "--", program }) start.ArgumentList.Add(a);
        }
        else start.FileName = program;
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} failed (exit {process.ExitCode}) while starting the test PostgreSQL cluster: {error.Result}{output.Result}" +
                (asPostgres ?? _asPostgresUser ? " (as root the cluster runs as the postgres user: `id postgres` must exist; apt-get install postgresql creates it)" : ""));
    }
}
