using Fulcrum.Web.Api;
using Fulcrum.Web.Options;
using Microsoft.Extensions.Options;

namespace Fulcrum.Web.Store;

/// <summary>
/// Computes the dashboard's default figures once the server has started (the Overview's trends, the drill-down, the
/// growth-check and the business case), through the same API handlers, so they are cached before the first visitor asks.
/// It runs after start-up in the background: the server answers (and the business case shows its progress) meanwhile.
/// </summary>
public sealed class AnalyticsWarmUp(AnalyticsRunner runner, IHostApplicationLifetime lifetime, IOptions<AnalyticsOptions> options, ILogger<AnalyticsWarmUp> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmUp) return;
        // Continuations run asynchronously: otherwise the warm-up would run inside the ApplicationStarted callback, that is
        // inside StartAsync, and `fulcrum serve` would print its URL and first login only after the business case (minutes).
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stoppingToken);
        await Task.Yield();
        try
        {
            await AnalyticsApi.GetMetrics(runner, "nps,csat,ces", null, "quarter", null, null, null, null, 1, Page<object>.MaxSize, stoppingToken);
            await AnalyticsApi.GetDrillDown(runner, null, null, null, null, null, null, stoppingToken);
            await AnalyticsApi.GetGrowthCheck(runner, null, null, null, null, null, null, null, stoppingToken);
            // The business case (money at risk, levers) takes longest; it comes last so the quick figures are ready first.
            await BusinessCaseApi.RunAsync(runner, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // An empty store has nothing to compute yet; the pages say so when visited.
            logger.LogInformation("Warm-up skipped: {Reason}", e.Message);
        }
    }
}
