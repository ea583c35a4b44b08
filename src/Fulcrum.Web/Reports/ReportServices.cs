using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fulcrum.Web.Reports;

/// <summary>Registers the report services and the scheduler (one call from FulcrumWeb, so the shared file changes by a line).</summary>
public static class ReportServices
{
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReportOptions>(configuration.GetSection(ReportOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(nameof(ReportDelivery));
        services.AddSingleton<ReportRepository>();
        services.AddSingleton<ReportService>();
        services.AddSingleton<ReportDelivery>();
        services.AddSingleton<ReportScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReportScheduler>());
        return services;
    }
}
