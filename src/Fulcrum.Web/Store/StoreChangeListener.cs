using Fulcrum.Data.Store;
using Npgsql;

namespace Fulcrum.Web.Store;

/// <summary>
/// On a PostgreSQL store other processes write too (other `serve` instances, CLI imports): listens for the changes they
/// announce (<see cref="FulcrumStore.AnnounceChange"/>, LISTEN/NOTIFY) and bumps this instance's <see cref="DataVersion"/>,
/// so its cached analytics are recomputed. After a lost connection it assumes it missed something and invalidates.
/// Does nothing on a DuckDB file, which only this process writes.
/// </summary>
public sealed class StoreChangeListener(StorePool pool, DataVersion version, ILogger<StoreChangeListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!pool.Location.IsPostgres) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(pool.Location.Target);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (e.Payload == "soft") version.BumpSoft();
                    else version.Bump();
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {FulcrumStore.ChangeChannel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                version.Bump();
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.IO.IOException)
            {
                logger.LogWarning("Lost the store's change notifications ({Error}); reconnecting in 5 s.", e.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }
}
