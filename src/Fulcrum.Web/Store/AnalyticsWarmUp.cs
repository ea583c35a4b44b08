using Fulcrum.Web.Api;
using Fulcrum.Web.Options;
using Microsoft.Extensions.Options;

namespace Fulcrum.Web.Store;

/// <summary>
/// Computes the dashboard's default figures once the server has started (the Overview's trends, the drill-down, the
/// growth-check, repeat purchases where the store sells by order, and the business case), through the same API handlers,
/// so they are cached before the first visitor asks.
/// It runs after start-up in the background: the server answers (and the business case shows its progress) meanwhile.
/// </summary>
public sealed class AnalyticsWarmUp(AnalyticsRunner runner, SalesModelCache sales, IHostApplicationLifetime lifetime, IOptions<AnalyticsOptions> options, ILogger<AnalyticsWarmUp> logger)
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
        // Each figure on its own: a store without what one needs (no renewals for the business case, no scores for the
        // growth-check) still warms the others, and a figure the data cannot give never stops the server.
        string? metric = null;
        await Warm("survey metrics", async () => metric = await SurveyMetrics.PrimaryAsync(runner, stoppingToken), stoppingToken);
        await Warm("trends", () => AnalyticsApi.GetMetrics(runner, "nps,csat,ces", null, "quarter", null, null, null, null, 1, Page<object>.MaxSize, stoppingToken), stoppingToken);
        if (metric is not null)
        {
            await Warm("drill-down", () => AnalyticsApi.GetDrillDown(runner, metric, null, null, null, null, null, stoppingToken), stoppingToken);
            await Warm("growth-check", () => AnalyticsApi.GetGrowthCheck(runner, metric, null, null, null, null, null, null, stoppingToken), stoppingToken);
        }
        // A business that sells by order sees its repeat purchases on the Overview instead of money at risk.
        await Warm("repeat purchases", async () =>
        {
            if ((await sales.GetAsync(stoppingToken)).SellsByOrder) await RepeatPurchaseApi.RunAsync(runner, new(), stoppingToken);
        }, stoppingToken);
        // The business case (money at risk, levers) takes longest; it comes last so the quick figures are ready first.
        await Warm("business case", () => BusinessCaseApi.RunAsync(runner, stoppingToken), stoppingToken);
    }

    async Task Warm(string figure, Func<Task> compute, CancellationToken stoppingToken)
    {
        if (stoppingToken.IsCancellationRequested) return;
        try
        {
            await compute();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // The pages say what is missing when visited.
            logger.LogInformation("Warm-up of the {Figure} skipped: {Reason}", figure, e.Message);
        }
    }
}
