namespace Fulcrum.Web.Options;

/// <summary>Login, sessions, API keys and running behind a proxy (configuration section <c>Fulcrum:Access</c>).</summary>
public sealed class AccessOptions
{
    public const string Section = "Fulcrum:Access";

    /// <summary>User name of the admin created on first start (when the store has no user).</summary>
    public string FirstAdmin { get; set; } = "admin";

    /// <summary>Password of that admin; empty = generate one and show it once.</summary>
    public string? FirstAdminPassword { get; set; }

    /// <summary>A session cookie lapses after this long without use (renewed while in use, up to <see cref="AbsoluteSessionLifetime"/>).</summary>
    public TimeSpan CookieLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>A session ends this long after sign-in however much it is used.</summary>
    public TimeSpan AbsoluteSessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Wrong passwords in a row for one user name (or <see cref="LoginFailuresPerAddress"/> from one address) before sign-in is locked.</summary>
    public int LoginFailuresBeforeLockout { get; set; } = 5;

    public int LoginFailuresPerAddress { get; set; } = 20;

    /// <summary>First lockout; each further failure while locked doubles it, up to an hour.</summary>
    public TimeSpan LoginLockout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Addresses of reverse proxies whose X-Forwarded-For/-Proto headers are believed (loopback always is).</summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>Mark the session cookie Secure even when a request arrived over plain HTTP (set this behind a TLS proxy).</summary>
    public bool SecureCookies { get; set; }

    /// <summary>Other origins (scheme://host[:port]) allowed to send cookie-authenticated changes, e.g. the proxy's public name.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Header that carries an API key.</summary>
    public const string ApiKeyHeader = "X-Api-Key";
}
