using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Fulcrum.Core.Serialization;
using Fulcrum.Web.Access;
using Fulcrum.Web.Api;
using Fulcrum.Web.Followups;
using Fulcrum.Web.Options;
using Fulcrum.Web.Reports;
using Fulcrum.Web.Store;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Fulcrum.Web;

/// <summary>
/// Builds the web app: the dashboard (Razor Pages), the REST API (one static class per area), webhook intake, access
/// control and the single store writer. <c>fulcrum serve</c> and the tests build it through here.
/// </summary>
public static class FulcrumWeb
{
    /// <summary>Creates the builder with every service registered; <paramref name="args"/> take --urls and configuration keys
    /// such as <c>--Fulcrum:Store:Path=big.duckdb</c>.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        // Store calls are synchronous (DuckDB) and the bootstraps of the slow analyses fill the thread pool; without a floor,
        // new threads arrive one at a time and requests wait behind them on a 2-core machine.
        ThreadPool.GetMinThreads(out var workers, out var completion);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), completion);
        var builder = WebApplication.CreateBuilder(args);
        var services = builder.Services;
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Authentication handlers log every challenge and forbid at Information; refusals are answered, not logged.
        builder.Logging.AddFilter("Fulcrum.Web.Access", LogLevel.Warning);
        // Keys are kept in the user profile like any ASP.NET Core app on a laptop; the warning about an unencrypted key ring is noise here.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        // The largest body any route takes; RequestScreening lowers it per route before a body is read.
        var limits = builder.Configuration.GetSection(LimitsOptions.Section).Get<LimitsOptions>() ?? new LimitsOptions();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = limits.MaxUploadBytes);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = limits.MaxUploadBytes);

        services.Configure<StoreOptions>(builder.Configuration.GetSection(StoreOptions.Section));
        services.Configure<LimitsOptions>(builder.Configuration.GetSection(LimitsOptions.Section));
        services.Configure<IntakeOptions>(builder.Configuration.GetSection(IntakeOptions.Section));
        services.Configure<AccessOptions>(builder.Configuration.GetSection(AccessOptions.Section));
        services.Configure<AnalyticsOptions>(builder.Configuration.GetSection(AnalyticsOptions.Section));

        services.AddProblemDetails();
        services.AddExceptionHandler<ExceptionProblems>();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));

        services.AddSingleton<StorePool>();
        services.AddSingleton<DataVersion>();
        services.AddSingleton<StoreWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreWriter>());
        services.AddSingleton<AnalyticsRunner>();
        services.AddHostedService<AnalyticsWarmUp>();
        services.AddHostedService<StoreChangeListener>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<IntakeSecret>();
        services.AddSingleton<UploadImporter>();
        services.AddSingleton<StatusCache>();
        services.AddSingleton<SalesModelCache>();
        services.AddSingleton<Intake.KnownAccounts>();
        services.AddSingleton<Intake.StoreScoreScales>();
        services.AddSingleton<FollowupQueue>();
        services.AddReports(builder.Configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<ReplayCache>();
        services.AddHttpContextAccessor();
        AddForwardedHeaders(services, builder.Configuration);

        AddAccess(services);
        AddIntakeRateLimit(services);

        services.AddAntiforgery(o =>
        {
            o.Cookie.SameSite = SameSiteMode.Strict;
            // SecurityHeaders sends X-Frame-Options: DENY on every response, not only where a form is.
            o.SuppressXFrameOptionsHeader = true;
        });

        services.AddRazorPages(o =>
            {
                o.Conventions.AllowAnonymousToPage("/Login");
                o.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
            })
            .ConfigureApplicationPartManager(manager =>
            {
                // `fulcrum serve` runs from the CLI's assembly, so the pages compiled into this one are added explicitly (once).
                var assembly = typeof(FulcrumWeb).Assembly;
                if (manager.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly)) return;
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                    manager.ApplicationParts.Add(part);
            });
        return builder;
    }

    /// <summary>Builds the app and its pipeline. Every route needs a signed-in user (fallback policy) except /health and /login.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        // Behind a TLS proxy: the original scheme and client address, from trusted proxies only (so cookies can be Secure).
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler();
        app.UseMiddleware<RequestScreening>();
        app.UseRouting();
        // Before authentication: a webhook signature is checked only for posts the rate limit admits.
        app.UseRateLimiter();
        app.UseMiddleware<OriginCheck>();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authorization, so the fallback policy covers the dashboard's scripts and styles too.
        var wwwroot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(wwwroot))
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(wwwroot) });
        app.UseAntiforgery();

        app.MapOpenApi();
        app.MapAccountApi();
        app.MapAnalyticsApi();
        app.MapDataApi();
        app.MapAssumptionsApi();
        app.MapFollowupsApi();
        app.MapBusinessCaseApi();
        app.MapValueApi();
        app.MapRepeatPurchaseApi();
        app.MapThemesApi();
        app.MapAdminApi();
        app.MapIntakeApi();
        app.MapReportsApi();
        app.MapRazorPages();
        return app;
    }

    public static WebApplication Build(string[] args) => Build(CreateBuilder(args));

    /// <summary>
    /// Creates the first admin when the store has no user. Returns the generated password (to be shown once, never logged),
    /// or null when users exist or the password came from configuration.
    /// </summary>
    public static async Task<FirstAdmin?> EnsureFirstAdminAsync(IServiceProvider services)
    {
        var users = services.GetRequiredService<UserStore>();
        if (await users.CountUsersAsync() > 0) return null;
        var options = services.GetRequiredService<IOptions<AccessOptions>>().Value;
        var password = string.IsNullOrEmpty(options.FirstAdminPassword)
            ? Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y')
            : options.FirstAdminPassword;
        await users.CreateUserAsync(options.FirstAdmin, password, Roles.Admin);
        return new FirstAdmin(options.FirstAdmin, string.IsNullOrEmpty(options.FirstAdminPassword) ? password : null);
    }

    public static void Configure(JsonSerializerOptions json)
    {
        // Undefined estimates carry NaN; JSON has no NaN, so it is written as null beside the estimate's reason, as the CLI's --json.
        json.Converters.Add(new NonFiniteAsNullConverter());
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }

    static void AddAccess(IServiceCollection services)
    {
        services.AddAuthentication(Schemes.Default)
            .AddPolicyScheme(Schemes.Default, "API key, signature or cookie", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(AccessOptions.ApiKeyHeader) ? Schemes.ApiKey
                : context.Request.Headers.ContainsKey(SignatureAuthenticationHandler.Header) ? Schemes.Signature
                : Schemes.Cookie)
            .AddCookie(Schemes.Cookie, o =>
            {
                o.LoginPath = "/login";
                o.Cookie.Name = OriginCheck.CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                // Renewed while in use, but never beyond AbsoluteSessionLifetime after sign-in (SessionValidation).
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
                o.Events.OnRedirectToLogin = context => IsApi(context.Request)
                    ? Problems.WriteAsync(context.HttpContext, 401, "Authentication required", "Sign in, or send an API key in the X-Api-Key header.")
                    : Redirect(context);
                o.Events.OnRedirectToAccessDenied = context =>
                    Problems.WriteAsync(context.HttpContext, 403, "Forbidden", "Your role may not use this page or endpoint.");
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(Schemes.ApiKey, null)
            .AddScheme<AuthenticationSchemeOptions, SignatureAuthenticationHandler>(Schemes.Signature, null);
        services.AddOptions<CookieAuthenticationOptions>(Schemes.Cookie)
            .Configure<IOptions<AccessOptions>>((cookie, access) =>
            {
                cookie.ExpireTimeSpan = access.Value.CookieLifetime;
                cookie.Cookie.SecurePolicy = access.Value.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            });

        var viewer = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.Viewer, Roles.Analyst, Roles.Admin).Build();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Viewer, viewer)
            .AddPolicy(Policies.Analyst, p => p.RequireAuthenticatedUser().RequireRole(Roles.Analyst, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            .AddPolicy(Policies.Intake, p => p.RequireAuthenticatedUser().RequireRole(Roles.Intake))
            // Anything mapped without a policy still needs a signed-in viewer: a new route is never public by accident.
            .SetFallbackPolicy(viewer);
    }

    static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi") || request.Path.StartsWithSegments("/logout");

    static void AddForwardedHeaders(IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection(AccessOptions.Section).Get<AccessOptions>()?.TrustedProxies ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // X-Forwarded-Host is not taken: the Host a client sent is what the Origin check compares with.
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies) o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        });
    }

    static void AddIntakeRateLimit(IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                return new ValueTask(Problems.WriteAsync(context.HttpContext, 429, "Too many requests", "The intake rate limit was reached; retry after a second."));
            };
            limiter.AddPolicy(IntakeApi.RateLimitPolicy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<IntakeOptions>>().Value;
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.RateLimitBurst,
                    TokensPerPeriod = options.RateLimitPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
    }
}

/// <param name="Password">The generated password, shown once; null when it was configured.</param>
public sealed record FirstAdmin(string Username, string? Password);
